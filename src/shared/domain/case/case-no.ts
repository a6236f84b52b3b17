/** Case numbers are `YYYY-NNNNNN`, sequential per year (2026-000123). */
export const CASE_NO = /^(\d{4})-(\d{6})$/

export function formatCaseNo(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(6, '0')}`
}

export function nextCaseNo(year: number, lastOfYear: string | null | undefined): string {
  const m = lastOfYear ? CASE_NO.exec(lastOfYear) : null
  return formatCaseNo(year, m && Number(m[1]) === year ? Number(m[2]) + 1 : 1)
}
