import { graphemes } from '../../text/characters'
import { csvText } from '../../text/csv'

/**
 * A cell of a CSV or XLSX register, safe to open in a spreadsheet: text starting with = + - @ (or a
 * tab or carriage return, which some spreadsheets skip first) would be read as a formula — a case
 * summary typed as "=HYPERLINK(…)" must stay text — so it is prefixed with an apostrophe (OWASP's
 * advice, which Excel and LibreOffice show as plain text). Long text is cut by whole characters
 * (grapheme clusters: never half of 𠮶 or of an emoji sequence) to what a spreadsheet cell holds
 * (32 767 UTF-16 units).
 */
export const CELL_MAX = 32_767
export function safeCell(value: string): string {
  let v = value
  if (v.length > CELL_MAX - 1) {
    let out = ''
    for (const g of graphemes(value)) {
      if (out.length + g.length > CELL_MAX - 1) break
      out += g
    }
    v = out
  }
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
}

/** CSV text with a BOM, so a spreadsheet opening it reads UTF-8 (Chinese text, 𠮶) correctly. */
export function toCsv(header: string[], rows: string[][]): string {
  return csvText([header, ...rows].map((r) => r.map(safeCell)))
}
