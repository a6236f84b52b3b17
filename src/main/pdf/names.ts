/** A suggested file name: no path separators or characters Windows refuses. */
export function pdfFileName(prefix: string, caseNo: string | null, date: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
  const clean = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim()
  return [prefix, caseNo, date].filter(Boolean).map((s) => clean(s!)).join('_') + '.pdf'
}
