/**
 * CSV as spreadsheet programs read and write it (RFC 4180): fields quoted when they hold a comma,
 * a quote, a line break or edge spaces (which Excel would trim); UTF-8 with a byte-order mark, so
 * Excel opens Chinese text and 𠮶 correctly; CRLF line ends. One reader and one writer for every
 * CSV the desk exchanges (the directory, the archive register, the words review sheet) — what each
 * file means, and whether its cells are guarded against formulas, is the caller's business.
 */

const BOM = '\uFEFF'

/** One field, quoted only when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Whole CSV text: BOM, fields joined by commas, rows by CRLF, a final CRLF. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/**
 * Rows of fields. Quoted fields may hold commas, doubled quotes and line breaks; a BOM is ignored;
 * CRLF, LF and CR all end a row. Blank rows are kept (a caller reporting row numbers needs them).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '"' && field === '') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows
}
