import type { FontKey, LoadedFont, PrintFace } from './fonts'

/** pdfmake family names registered by the engine. */
export const FAMILY: Record<'sans' | 'sansHK' | 'symbols' | 'rareA' | 'rareB' | 'rareB2' | 'rareC' | 'latin', string> = {
  sans: 'DeskSans',
  sansHK: 'DeskSansHK',
  symbols: 'DeskSymbols',
  rareA: 'DeskRareA',
  rareB: 'DeskRareB',
  rareB2: 'DeskRareB2',
  rareC: 'DeskRareC',
  latin: 'DeskLatin'
}

/**
 * Characters that carry no glyph of their own; never reported missing, never given a font: zero-width
 * space/joiners, word joiner, BOM, variation selectors and the ideographic variation selectors
 * (U+E0100–E01EF, beyond the BMP: tested by code point, as a one-character regex cannot).
 */
const ignorableCodePoint = (cp: number) =>
  (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)
/** True for a character the engine drops (no font draws it; it never reaches a line). */
export const isIgnorable = (ch: string) => ignorableCodePoint(ch.codePointAt(0)!)
const isSpaceOrControl = (cp: number) => cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x20 || cp === 0x3000 || cp === 0xa0

export interface Run {
  text: string
  font?: string
  bold?: boolean
}

type Fonts = Record<FontKey, LoadedFont>

/**
 * Which font draws this code point, or null when none of the shipped fonts has it. `face` is the
 * document's main face (by its language); the HK and SC subsets cover the same characters, and a
 * character only the other one had would still print rather than be missing.
 */
export function fontFor(fonts: Fonts, cp: number, bold: boolean, face: PrintFace = 'sc'): { font: string; bold: boolean } | null {
  if (face === 'hk') {
    if (bold && fonts.sansBoldHK.covers.has(cp)) return { font: FAMILY.sansHK, bold: true }
    if (fonts.sansHK.covers.has(cp)) return { font: FAMILY.sansHK, bold: false }
  }
  if (bold && fonts.sansBold.covers.has(cp)) return { font: FAMILY.sans, bold: true }
  if (fonts.sans.covers.has(cp)) return { font: FAMILY.sans, bold: false }
  if (fonts.symbols.covers.has(cp)) return { font: FAMILY.symbols, bold: false }
  if (fonts.rareA.covers.has(cp)) return { font: FAMILY.rareA, bold: false }
  if (fonts.latin.covers.has(cp)) return { font: FAMILY.latin, bold: false }
  if (fonts.rareB.covers.has(cp)) return { font: FAMILY.rareB, bold: false }
  if (fonts.rareB2.covers.has(cp)) return { font: FAMILY.rareB2, bold: false }
  if (fonts.rareC.covers.has(cp)) return { font: FAMILY.rareC, bold: false }
  return null
}

/** Every character in `texts` that no shipped font can draw (each once, in order of appearance). */
export function missingIn(fonts: Fonts, texts: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>()
  for (const t of texts) {
    if (!t) continue
    for (const ch of t.normalize('NFC')) {
      const cp = ch.codePointAt(0)!
      if (isSpaceOrControl(cp) || ignorableCodePoint(cp) || seen.has(ch)) continue
      if (!fontFor(fonts, cp, false)) seen.add(ch)
    }
  }
  return [...seen]
}

/**
 * Split a string into runs, each in one font: pdfmake has no font fallback, so a rare character
 * (𠮶) gets the fallback face while its neighbours stay in the main face. Spaces and line breaks join
 * whatever run they are in. Variation selectors and zero-width joiners are dropped (no font draws them).
 */
export function splitRuns(fonts: Fonts, input: string, bold: boolean, face: PrintFace = 'sc'): Run[] {
  const runs: Run[] = []
  let cur: Run | null = null
  // Canonically the same text (what was typed), composed: the fonts draw ễ, not e + ̂ + ̃ (no shaping here).
  const text = input.normalize('NFC')
  const latinWords = latinWordStarts(fonts, text)
  const main = face === 'hk' ? FAMILY.sansHK : FAMILY.sans
  let index = 0
  for (const ch of text) {
    const at = index
    index += ch.length
    const cp = ch.codePointAt(0)!
    if (ignorableCodePoint(cp)) continue
    const f = isSpaceOrControl(cp) ? null : latinWords.has(at) ? { font: FAMILY.latin, bold: false } : fontFor(fonts, cp, bold, face)
    if (!f) {
      // Whitespace, or a character no font has (callers check missingGlyphs first): keep it in place.
      if (cur) cur.text += ch
      else cur = { text: ch, font: main, bold }
      continue
    }
    if (cur && cur.font === f.font && !!cur.bold === f.bold) cur.text += ch
    else {
      if (cur) runs.push(cur)
      cur = { text: ch, font: f.font, bold: f.bold }
    }
  }
  if (cur) runs.push(cur)
  return runs
}

/**
 * Offsets of the characters of words set wholly in the Latin face: a word in Latin, Greek or Cyrillic
 * letters with at least one the CJK face lacks (Nguyễn, Thị) takes the Latin face for every letter, so a
 * name is not printed in two typefaces letter by letter.
 */
function latinWordStarts(fonts: Fonts, text: string): Set<number> {
  const out = new Set<number>()
  for (const m of text.matchAll(/[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}]+/gu)) {
    const word = [...m[0]]
    const needs = word.some((ch) => !fonts.sans.covers.has(ch.codePointAt(0)!) && fonts.latin.covers.has(ch.codePointAt(0)!))
    if (!needs || !word.every((ch) => fonts.latin.covers.has(ch.codePointAt(0)!))) continue
    let i = m.index!
    for (const ch of word) {
      out.add(i)
      i += ch.length
    }
  }
  return out
}

type Node = unknown
type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Walk a pdfmake document's content and replace every text string by font runs. Knows the
 * containers that hold content (stack, columns, ul/ol, table bodies, text arrays) so it never touches
 * other strings (widths, layout names, canvas). `inBold` carries inherited boldness; styles named in
 * the document that set bold are looked up so bold style names also pick the bold face. `face` is the
 * document's main face (from its language); a node with `lang: 'yue-HK' | 'zh-CN'` (e.g. one column of
 * a sheet in both languages) sets the face for everything inside it.
 */
export function applyRuns(
  fonts: Fonts,
  content: Node,
  styles: Record<string, Obj> = {},
  inBold = false,
  used?: Set<string>,
  face: PrintFace = 'sc'
): Node {
  const boldOf = (o: Obj, parent: boolean): boolean => {
    if (typeof o.bold === 'boolean') return o.bold
    const names = Array.isArray(o.style) ? o.style : o.style ? [o.style] : []
    let b = parent
    for (const n of names) if (typeof n === 'string' && typeof styles[n]?.bold === 'boolean') b = styles[n].bold as boolean
    return b
  }
  const faceOf = (o: Obj, parent: PrintFace): PrintFace => (o.lang === 'yue-HK' ? 'hk' : o.lang === 'zh-CN' ? 'sc' : parent)
  const inline = (t: Node, bold: boolean, f: PrintFace): Node[] => {
    if (typeof t === 'string' || typeof t === 'number') return runsAsInlines(String(t), bold, f)
    if (Array.isArray(t)) return t.flatMap((x) => inline(x, bold, f))
    if (isObj(t)) {
      // pdfmake flattens only one level of nested inlines: hand it flat runs carrying the parent's style.
      const b = boldOf(t, bold)
      const { text, lang: _lang, ...style } = t
      return inline(text, b, faceOf(t, f)).map((r) => (isObj(r) ? { ...style, ...r } : r))
    }
    return [t]
  }
  const runsAsInlines = (s: string, bold: boolean, f: PrintFace): Node[] =>
    splitRuns(fonts, s, bold, f).map((r) => (used?.add(r.font!), { text: r.text, font: r.font, bold: r.bold }))

  const block = (n: Node, bold: boolean, f: PrintFace): Node => {
    if (typeof n === 'string' || typeof n === 'number') return { text: runsAsInlines(String(n), bold, f) }
    if (Array.isArray(n)) return n.map((x) => block(x, bold, f))
    if (!isObj(n)) return n
    const b = boldOf(n, bold)
    const fc = faceOf(n, f)
    const o: Obj = { ...n }
    delete o.lang
    // Layout-aware callers keep a handle on the node pdfmake will lay out (it records positions on it).
    if (typeof n.track === 'function') {
      delete o.track
      ;(n.track as (laid: Obj) => void)(o)
    }
    if ('text' in o) o.text = inline(o.text, b, fc)
    if (Array.isArray(o.stack)) o.stack = o.stack.map((x) => block(x, b, fc))
    if (Array.isArray(o.columns)) o.columns = o.columns.map((x) => block(x, b, fc))
    if (Array.isArray(o.ul)) o.ul = o.ul.map((x) => block(x, b, fc))
    if (Array.isArray(o.ol)) o.ol = o.ol.map((x) => block(x, b, fc))
    if (isObj(o.table) && Array.isArray(o.table.body)) {
      o.table = {
        ...o.table,
        body: (o.table.body as Node[][]).map((row) => row.map((cell) => (isObj(cell) && Object.keys(cell).length === 0 ? cell : block(cell, b, fc))))
      }
    }
    return o
  }
  return block(content, inBold, face)
}

/** Every text string in a document's content (for the missing-glyph check before printing). */
export function textsOf(content: Node): string[] {
  const out: string[] = []
  const walk = (n: Node, inText: boolean): void => {
    if (typeof n === 'string') {
      if (inText) out.push(n)
      return
    }
    if (Array.isArray(n)) return n.forEach((x) => walk(x, inText))
    if (!isObj(n)) return
    if ('text' in n) walk(n.text, true)
    for (const k of ['stack', 'columns', 'ul', 'ol'] as const) if (Array.isArray(n[k])) walk(n[k], true)
    if (isObj(n.table) && Array.isArray(n.table.body)) walk(n.table.body, true)
  }
  walk(content, true)
  return out
}
