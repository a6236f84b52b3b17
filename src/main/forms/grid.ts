import type { Content, TableCell } from 'pdfmake/interfaces'
import { RULED, watchLines } from '../pdf'
import { isIgnorable } from '../pdf/runs'

/**
 * A form as rows on one grid, paginated the way a records clerk expects:
 *
 * - a row never straddles a page unless it is a `flow` row (a long text), and a flow row continues on
 *   the next page at a line boundary, with at least one line on each page, its label and first line
 *   together, and its label repeated with （续） on the continuation;
 * - a row that pdfmake would move to the next page starts there cleanly (no fragment of its top rule
 *   and padding left behind at the bottom of the previous page);
 * - `keepWithNext` rows (section headings) never end a page; `keepWithPrevious` rows (signatures)
 *   never start one: they pull the last lines of what they sign onto their page.
 *
 * pdfmake lays out the document; `paginate` reads where every row landed (positions recorded on the
 * nodes, and each line's text via `watchLines`) and, if a rule is broken, lays it out again with one
 * more explicit break (a page break before a row, or a split of a long text at a line). Only the final
 * layout is drawn.
 */

export interface FlowSpec {
  label: string
  text: string
  /** The row for one piece of the text; `first` is false on continuations (hints print only once). */
  build(label: string, text: string, first: boolean): TableCell[]
}

export interface GridRow {
  cells?: TableCell[]
  flow?: FlowSpec
  /** Minimum height in pt (room to write by hand); the first cell holds a label of `labelLines` lines. */
  min?: number
  labelLines?: number
  keepWithNext?: boolean
  keepWithPrevious?: boolean
  /** Index of a column-heading row repeated when a page starts inside this group (Form C's goals). */
  repeat?: number
}

export interface GridPart {
  title: string
  caseNo: string | null
  /** Content above the table (Form C's 类别 line). */
  lead?: Content[]
  widths: (number | string)[]
  rows: GridRow[]
  continued(label: string): string
  /** A reprint for the archive: 补打（副本） and when, at the top of every page of this form. */
  copyMark?: string
}

/** Page breaks chosen so far: per row, offsets into its flow text (0 = before the row). */
export type Breaks = Map<number, number[]>

/** The marker on the value text node of a flow row's cells (set by the row builders). */
export const FLOW_TEXT = 'deskFlowText'

const PADDING = 7 // RULED: 3.5 above and below
/** One line of body text: 9.5 pt × lineHeight 1.25 × Noto Sans CJK's ascent+descent (1.448 em). */
export const LINE = 9.5 * 1.25 * 1.448

interface Laid {
  positions?: { pageNumber: number; top: number }[]
}

interface Piece {
  row: number
  at: number
  first: boolean
  breakBefore: boolean
  flow: boolean
  keepWithNext: boolean
  keepWithPrevious: boolean
  cells: Laid[]
  label?: Laid
  text?: Laid
  lines?: string[]
  /** The flow text of this piece (what its lines hold). */
  slice?: string
}

const isPlaceholder = (c: unknown) => typeof c === 'object' && c !== null && Object.keys(c).length === 0

function findFlowText(cell: unknown): Record<string, unknown> | null {
  if (typeof cell !== 'object' || cell === null) return null
  const o = cell as Record<string, unknown>
  if (o[FLOW_TEXT]) return o
  if (Array.isArray(o.stack)) for (const x of o.stack) { const f = findFlowText(x); if (f) return f }
  return null
}

/** Wrap a cell so its laid-out node (and every line in it) is known after layout. */
function tracked(cell: TableCell, onLaid: (o: Laid) => void, gap = 0): TableCell {
  const { colSpan, rowSpan, fillColor, border, ...inner } = cell as Record<string, unknown>
  const stack: unknown[] = [inner]
  if (gap > 0) stack.push({ text: ' ', fontSize: 1, lineHeight: 1, margin: [0, gap, 0, 0] })
  return { stack, colSpan, rowSpan, fillColor, border, track: onLaid } as unknown as TableCell
}

/** Text of a flow piece: from `at` to the next break, without the line breaks at either end. */
function slice(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(/^[\r\n]+/, '').replace(/[\r\n]+$/, '')
}

/** The content of one form for the given breaks, and handles on every row for checking the layout. */
/** Where a partial layout starts: a piece that begins a page (its row, and offset into a flow text). */
export interface From {
  row: number
  at: number
}

/**
 * The content of one form for the given breaks, and handles on every row for checking the layout.
 * `from` lays out only the rows from that piece on (it starts a page, so what comes before cannot
 * change where anything after it lands): each re-layout while paginating costs only the rest of the form.
 */
export function buildGrid(part: GridPart, breaks: Breaks, from?: From): { content: Content[]; pieces: Piece[] } {
  const skip = (row: number, at: number) => !!from && (row < from.row || (row === from.row && at < from.at))
  const pieces: Piece[] = []
  const segments: { rows: TableCell[][]; breakBefore: boolean }[] = []
  const pushRow = (cells: TableCell[], breakBefore: boolean, repeatRow?: TableCell[]) => {
    if (breakBefore || segments.length === 0) segments.push({ rows: [], breakBefore: breakBefore && segments.length > 0 })
    const seg = segments[segments.length - 1]
    if (breakBefore && repeatRow && seg.rows.length === 0) seg.rows.push(repeatRow)
    seg.rows.push(cells)
  }
  part.rows.forEach((row, r) => {
    const offsets = [...(breaks.get(r) ?? [])].sort((a, b) => a - b)
    const before = offsets.includes(0)
    const repeatRow = row.repeat !== undefined ? part.rows[row.repeat].cells : undefined
    if (row.flow) {
      const f = row.flow
      const starts = [0, ...offsets.filter((o) => o > 0)]
      starts.forEach((s, k) => {
        if (skip(r, s)) return
        const text = slice(f.text, s, starts[k + 1] ?? f.text.length)
        const p: Piece = { row: r, at: s, first: k === 0, breakBefore: k > 0 || before, flow: true, keepWithNext: false, keepWithPrevious: k === 0 && !!row.keepWithPrevious, cells: [], slice: text }
        const cells = f.build(k === 0 ? f.label : part.continued(f.label), text, k === 0)
        pushRow(cellsFor(cells, p, 0), p.breakBefore, repeatRow)
        pieces.push(p)
      })
      return
    }
    if (skip(r, 0)) return
    const p: Piece = { row: r, at: 0, first: true, breakBefore: before, flow: false, keepWithNext: !!row.keepWithNext, keepWithPrevious: !!row.keepWithPrevious, cells: [] }
    const gap = row.min ? Math.max(0, row.min - PADDING - 1 - (row.labelLines ?? 1) * LINE) : 0
    pushRow(cellsFor(row.cells ?? [], p, gap), p.breakBefore, repeatRow)
    pieces.push(p)
  })
  const content = segments.map(
    (s) =>
      ({
        table: { widths: [...part.widths], headerRows: 0, dontBreakRows: false, body: s.rows },
        layout: RULED,
        ...(s.breakBefore ? { pageBreak: 'before' } : {})
      }) as Content
  )
  return { content: [...(from ? [] : (part.lead ?? [])), ...content], pieces }
}

function cellsFor(cells: TableCell[], p: Piece, gap: number): TableCell[] {
  return cells.map((c, i) => {
    if (isPlaceholder(c)) return c
    const flowText = findFlowText(c)
    if (flowText) {
      flowText.track = (o: Laid) => {
        p.text = o
        p.lines = watchLines(o)
      }
    }
    return tracked(c, (o) => {
      p.cells.push(o)
      if (i === 0) p.label = o
    }, i === 0 ? gap : 0)
  })
}

// ───────────────────────────── checking a layout ─────────────────────────────

const pagesOf = (n: Laid | undefined) => (n?.positions ?? []).map((x) => x.pageNumber)

function span(p: Piece): { start: number; end: number } | null {
  const pages = p.cells.flatMap(pagesOf)
  if (!pages.length) return null
  return { start: Math.min(...pages), end: Math.max(...pages) }
}

/** Offset into the row's flow text where the piece's line `n` (0-based) starts. */
function offsetOfLine(part: GridPart, p: Piece, n: number): number | null {
  const text = part.rows[p.row].flow!.text
  const lines = p.lines ?? []
  if (n <= 0 || n >= lines.length) return null
  // Count the characters the lines before `n` drew (line breaks and ignorable characters never reach a
  // line), then find that many drawn characters into the piece's text.
  let want = 0
  for (const l of lines.slice(0, n)) for (const ch of l) if (ch !== '\n' && ch !== '\r' && !isIgnorable(ch)) want++
  const from = text.indexOf(p.slice ?? '', p.at)
  let i = from < 0 ? p.at : from
  while (want > 0 && i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i)!)
    if (ch !== '\n' && ch !== '\r' && !isIgnorable(ch)) want--
    i += ch.length
  }
  while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++
  return i > p.at && i < text.length ? i : null
}

/**
 * The first rule the layout breaks, as a new set of breaks (or null when the layout is acceptable or
 * nothing more can be done).
 */
export function nextBreaks(part: GridPart, pieces: Piece[], breaks: Breaks): { breaks: Breaks; from: From } | null {
  const r = findBreak(part, pieces, breaks)
  if (!r) return null
  // Lay out again from the start of the page before the new break (a signature there may need to pull
  // lines from it); pieces[0] always starts a page.
  let j = Math.max(0, r.at - 1)
  while (j > 0 && !pieces[j].breakBefore) j--
  return { breaks: r.breaks, from: { row: pieces[j].row, at: pieces[j].at } }
}

function findBreak(part: GridPart, pieces: Piece[], breaks: Breaks): { breaks: Breaks; at: number } | null {
  const has = (row: number, at: number) => (breaks.get(row) ?? []).includes(at)
  let fixedAt = 0
  const withBreak = (row: number, at: number, drop?: Piece): Breaks | null => {
    if (has(row, at)) return null
    for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i].row === row && pieces[i].at <= at) { fixedAt = i; break }
    const next: Breaks = new Map([...breaks].map(([k, v]) => [k, [...v]]))
    if (drop) next.set(drop.row, (next.get(drop.row) ?? []).filter((x) => x !== drop.at))
    next.set(row, [...(next.get(row) ?? []), at])
    return next
  }
  /** A page break before piece k, or before the headings that must stay with it. */
  const breakBefore = (k: number, drop?: Piece): Breaks | null => {
    let j = k
    while (j > 0 && pieces[j - 1].keepWithNext && !pieces[j].breakBefore) j--
    if (j === 0) return null // the form's first row already starts a page
    const p = pieces[j]
    if (p.breakBefore && !drop) return null
    return withBreak(p.row, p.at, drop)
  }
  /** Piece k (a signature) started a page: bring the end of what it signs along. */
  const pullTail = (k: number): Breaks | null => {
    const prev = pieces[k - 1]
    const cur = pieces[k]
    const dropCur = cur.breakBefore ? cur : undefined
    if (prev.flow && prev.text?.positions?.length) {
      const lines = prev.text.positions
      const last = lines[lines.length - 1].pageNumber
      const onLast = lines.filter((x) => x.pageNumber === last).length
      const labelLines = (prev.label?.positions ?? []).filter((x) => x.pageNumber === last).length
      const keep = Math.max(1, labelLines)
      const move = Math.min(2, onLast - keep)
      if (move >= 1) {
        const at = offsetOfLine(part, prev, lines.length - move)
        if (at !== null) return withBreak(prev.row, at, dropCur)
      }
    }
    return breakBefore(k - 1, dropCur)
  }

  let prevEnd: number | null = null
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]
    const s = span(p)
    if (!s) continue
    if (s.start !== s.end) {
      // A row across two pages: a long text continues at a line, anything else moves whole.
      if (p.flow && p.text?.positions?.length) {
        const lines = p.text.positions
        const onFirst = lines.filter((x) => x.pageNumber === s.start).length
        const labelWhole = (p.label?.positions ?? []).every((x) => x.pageNumber === s.start)
        if (onFirst >= 1 && labelWhole && lines[0].pageNumber === s.start) {
          const at = offsetOfLine(part, p, onFirst)
          if (at !== null) {
            const b = withBreak(p.row, at)
            if (b) return { breaks: b, at: fixedAt }
          }
        }
      }
      const b = k > 0 && p.keepWithPrevious ? pullTail(k) : breakBefore(k)
      if (b) return { breaks: b, at: fixedAt }
    } else if (prevEnd !== null && s.start > prevEnd && !p.breakBefore) {
      // pdfmake moved the row to the next page: make that an explicit break (no fragment left behind).
      const b = p.keepWithPrevious ? pullTail(k) : breakBefore(k)
      if (b) return { breaks: b, at: fixedAt }
    } else if (p.breakBefore && p.keepWithPrevious && k > 0) {
      const b = pullTail(k)
      if (b) return { breaks: b, at: fixedAt }
    }
    if (p.keepWithNext && k + 1 < pieces.length) {
      const n = span(pieces[k + 1])
      if (n && n.start > s.end) {
        const next = pieces[k + 1]
        const b = breakBefore(k, next.breakBefore && next.first ? next : undefined)
        if (b) return { breaks: b, at: fixedAt }
      }
    }
    prevEnd = s.end
  }
  return null
}
