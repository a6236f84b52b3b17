/**
 * Cutting, counting and padding what a person typed, by whole characters.
 *
 * JavaScript's `.length`, `.slice` and `padStart` count UTF-16 units: 𠮶 (beyond the BMP) is two of
 * them, so cutting at 40 units can leave half of it — a lone surrogate, drawn as �, which the
 * boundary then (rightly) refuses. Nguyễn typed in NFD, 👩‍👩‍👧 or 葛󠄀 (a variation selector) are one
 * character on screen but several code points. So:
 * - limits (what may be stored) count **code points** (`codePointLength`, `withinCodePoints`);
 * - anything a person sees as characters (an ellipsis cut, a counter, padding) works on
 *   **grapheme clusters** (`graphemes`, `truncate`, `padEnd`), and a cut made to respect a
 *   code-point limit still lands between clusters (`clipCodePoints`).
 * Pure: no DOM, Node or electron; Intl.Segmenter exists in Node ≥ 16 and every Chromium we ship.
 */

const segmenter: Intl.Segmenter | null = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null

/** Code points, each a whole character of the string (never half a surrogate pair). */
export function codePoints(s: string): string[] {
  return Array.from(s)
}

/** How many code points: the unit of every stored-text limit. */
export function codePointLength(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    n++
  }
  return n
}

/** `codePointLength(s) <= max`, without counting a string that is obviously short or long. */
export function withinCodePoints(s: string, max: number): boolean {
  if (s.length <= max) return true
  if (s.length > max * 2) return false
  return codePointLength(s) <= max
}

/** What a person sees as characters (grapheme clusters). */
export function graphemes(s: string): string[] {
  if (!segmenter) return Array.from(s)
  const out: string[] = []
  for (const seg of segmenter.segment(s)) out.push(seg.segment)
  return out
}

/** How many characters a person sees: for counters shown to the user. */
export function graphemeLength(s: string): number {
  if (!segmenter) return codePointLength(s)
  let n = 0
  for (const _ of segmenter.segment(s)) n++
  return n
}

/**
 * The first `max` characters (grapheme clusters) of `s`, followed by `ellipsis` when something
 * was cut. Never splits a character, a combining mark from its letter or an emoji sequence.
 */
export function truncate(s: string, max: number, ellipsis = '…'): string {
  if (s.length <= max) return s
  const gs = graphemes(s)
  if (gs.length <= max) return s
  return gs.slice(0, Math.max(0, max)).join('') + ellipsis
}

/**
 * The longest start of `s` that has at most `max` code points and ends between two characters
 * (grapheme clusters): for fitting text under a stored-text limit.
 */
export function clipCodePoints(s: string, max: number): string {
  if (withinCodePoints(s, max)) return s
  let out = ''
  let n = 0
  for (const g of graphemes(s)) {
    const k = codePointLength(g)
    if (n + k > max) break
    out += g
    n += k
  }
  return out
}

/** The first line of a text, trimmed. */
export function firstLine(text: string): string {
  return (text.trim().split(/\r?\n/)[0] ?? '').trim()
}

/** First line of a free text, at most `max` characters, with an ellipsis if cut: for saying it inside a sentence. */
export function gist(text: string, max: number): string {
  return truncate(firstLine(text), max)
}

/** `s` padded at the end with `fill` to `width` characters (grapheme clusters). */
export function padEnd(s: string, width: number, fill = ' '): string {
  const n = graphemeLength(s)
  return n >= width ? s : s + fill.repeat(width - n)
}

/** `s` padded at the start with `fill` to `width` characters (grapheme clusters). */
export function padStart(s: string, width: number, fill = ' '): string {
  const n = graphemeLength(s)
  return n >= width ? s : fill.repeat(width - n) + s
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** True when `s` has no unpaired surrogate (every code point is whole). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s)
}
