/**
 * The set of code points a TrueType/OpenType font maps (its `cmap` table, formats 4 and 12). Only
 * what the engine needs to decide which shipped font draws a character, and which characters no
 * shipped font has — so a blank box is never printed silently.
 */
export function codePointsOf(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4)
  let cmapOffset = -1
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16
    if (font.toString('latin1', rec, rec + 4) === 'cmap') cmapOffset = font.readUInt32BE(rec + 8)
  }
  if (cmapOffset < 0) throw new Error('font has no cmap')
  const out = new Set<number>()
  const n = font.readUInt16BE(cmapOffset + 2)
  let best: { format: number; offset: number } | null = null
  for (let i = 0; i < n; i++) {
    const rec = cmapOffset + 4 + i * 8
    const platform = font.readUInt16BE(rec)
    const encoding = font.readUInt16BE(rec + 2)
    const offset = cmapOffset + font.readUInt32BE(rec + 4)
    const format = font.readUInt16BE(offset)
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))
    if (!unicode) continue
    // Format 12 covers everything beyond the BMP; prefer it when a font has both.
    if (format === 12 && best?.format !== 12) best = { format, offset }
    else if (format === 4 && !best) best = { format, offset }
  }
  if (!best) throw new Error('font has no Unicode cmap')
  const o = best.offset
  if (best.format === 12) {
    const groups = font.readUInt32BE(o + 12)
    for (let g = 0; g < groups; g++) {
      const p = o + 16 + g * 12
      const start = font.readUInt32BE(p)
      const end = font.readUInt32BE(p + 4)
      const startGlyph = font.readUInt32BE(p + 8)
      for (let c = start; c <= end; c++) if (startGlyph + (c - start) !== 0) out.add(c)
    }
  } else {
    const segX2 = font.readUInt16BE(o + 6)
    const ends = o + 14
    const starts = ends + segX2 + 2
    const deltas = starts + segX2
    const rangeOffsets = deltas + segX2
    for (let s = 0; s < segX2 / 2; s++) {
      const end = font.readUInt16BE(ends + s * 2)
      const start = font.readUInt16BE(starts + s * 2)
      const delta = font.readInt16BE(deltas + s * 2)
      const ro = font.readUInt16BE(rangeOffsets + s * 2)
      for (let c = start; c <= end && c !== 0xffff; c++) {
        let glyph: number
        if (ro === 0) glyph = (c + delta) & 0xffff
        else {
          const at = rangeOffsets + s * 2 + ro + (c - start) * 2
          glyph = font.readUInt16BE(at)
          if (glyph !== 0) glyph = (glyph + delta) & 0xffff
        }
        if (glyph !== 0) out.add(c)
      }
    }
  }
  return out
}
