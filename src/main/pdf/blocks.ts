import type { Content, ContentText, CustomTableLayout, TableCell } from 'pdfmake/interfaces'

/**
 * Building blocks for the standard's printed look: ruled tables (thin black rules, shaded label
 * cells), checkbox lists drawn with ☐/☑ glyphs from the shipped fallback font (vector outlines, not
 * emoji), blank signature cells tall enough to sign in. Other features (recovery sheet, consent slip,
 * handout, reports) use these too.
 */

export const A4_MARGINS: [number, number, number, number] = [50, 66, 42, 54]
/** A4 width (595.28 pt) minus the side margins. */
export const A4_CONTENT_WIDTH = 595.28 - A4_MARGINS[0] - A4_MARGINS[2]
export const LABEL_FILL = '#ececec'
export const BOX_CHECKED = '☑'
export const BOX_EMPTY = '☐'

/** Thin rules on every cell edge, like the standard's tables. */
export const RULED: CustomTableLayout = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  hLineColor: () => '#000000',
  vLineColor: () => '#000000',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3.5,
  paddingBottom: () => 3.5
}

/** A label cell: shaded, never empty of meaning. */
export function labelCell(text: string, extra: Partial<ContentText> & Record<string, unknown> = {}): TableCell {
  return { text, fillColor: LABEL_FILL, ...extra } as TableCell
}

/** A value cell holding text exactly as typed (null/undefined → blank). */
export function valueCell(text: string | null | undefined, extra: Record<string, unknown> = {}): TableCell {
  return { text: text ?? '', ...extra } as TableCell
}

/** A section heading row spanning `cols` columns (e.g. 接案记录, 案主基本情况). */
export function sectionRow(text: string, cols: number): TableCell[] {
  const cells: TableCell[] = [{ text, colSpan: cols, bold: true, fillColor: '#d9d9d9' } as TableCell]
  for (let i = 1; i < cols; i++) cells.push({})
  return cells
}

/** Span a cell over `n` columns; returns the cell followed by the n-1 placeholders pdfmake needs. */
export function span(cell: TableCell, n: number): TableCell[] {
  const out: TableCell[] = [{ ...(cell as object), colSpan: n } as TableCell]
  for (let i = 1; i < n; i++) out.push({})
  return out
}

export interface CheckOption {
  label: string
  checked: boolean
  /** Text written after a ticked "其他（请注明）"-style option, printed exactly as typed. */
  detail?: string | null
}

/** "☑ 已婚  ☐ 离异 …" as inline text that wraps like prose; a ticked option's detail follows it underlined. */
export function checkboxes(options: CheckOption[]): ContentText {
  const parts: Content[] = []
  options.forEach((o, i) => {
    // noWrap keeps "☐ label" on one line (the box glued to its label by a no-break space); the
    // typed detail after it may wrap.
    // The box and its label are separate inlines so the no-break space goes with the label's face
    // (the box face has no space glyph, and a space measured in it let the last option overflow the cell).
    parts.push({ text: o.checked ? BOX_CHECKED : BOX_EMPTY, noWrap: true } as Content)
    parts.push({ text: '\u00a0' + o.label, noWrap: true } as Content)
    if (o.detail) {
      if (!/[：:]$/.test(o.label)) parts.push({ text: ' ' })
      parts.push({ text: o.detail, decoration: 'underline' })
    }
    if (i < options.length - 1) parts.push({ text: '\u3000' })
  })
  return { text: parts } as ContentText
}

/** A blank box of the given height: the room a handwritten signature or date needs. */
export function signatureSpace(height = 34): Content {
  return { text: ' ', margin: [0, 0, 0, height - 12] } as Content
}

/** A ruled table with the standard look. `headerRows` repeat at the top of each continuation page. */
export function ruledTable(widths: (number | string)[], body: TableCell[][], headerRows = 0, extra: Record<string, unknown> = {}): Content {
  return { table: { widths, body, headerRows, dontBreakRows: false }, layout: RULED, ...extra } as Content
}
