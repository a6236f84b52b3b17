/**
 * The PDF engine (main process only). pdfmake 0.3.11 with fonts shipped in resources/fonts:
 *
 * - `renderPdf(doc, {refuseMissing?}) → Promise<Buffer>` renders a pdfmake TDocumentDefinitions in
 *   memory (no temp files). Fonts are registered once per process and inflated on first use (picked
 *   from resources/fonts/coverage.json, so the big fallbacks load only when needed). Every text string in
 *   content/header/footer is split into runs per font: Noto Sans CJK SC subset (GB2312 + Big5 level 1
 *   + HKSCS + Cantonese + punctuation) — or, for `{lang: 'yue-HK'}` documents, the HK face's subset of
 *   the same characters (Hong Kong glyph shapes; a node's own `lang` overrides) —, its bold subset for `bold` text (falls back to regular for
 *   characters it lacks), and Hanazono Mincho A/B for rare characters (other URO, useful Ext A,
 *   Ext B+ such as 𠮶) and a tiny face for ☐ ☑ ☒. Write content normally — strings, `{text}`, stacks, columns, tables;
 *   do not set `font` yourself. Documents whose text has characters no font has are refused with
 *   DeskFailure MISSING_GLYPHS (params.chars = "X Y", messageKey `forms:errors.missingGlyphs`)
 *   unless `refuseMissing: false`.
 * - `missingGlyphs(texts) → string[]`: characters that would print as blank boxes — ask before printing.
 * - `warmUpPdf()`: load fonts ahead of the first print (≈ cold cost).
 * - blocks: `RULED` table layout, `ruledTable`, `labelCell` (shaded), `valueCell`, `sectionRow`, `span`,
 *   `checkboxes([{label, checked, detail}])` (☐/☑ glyphs inline; detail underlined after the box),
 *   `signatureSpace(h)`, `A4_MARGINS`, `A4_CONTENT_WIDTH`.
 * - `pdfFileName(prefix, caseNo, date)`: a safe suggested file name (`接案表_2026-000123_2026-11-26.pdf`).
 *
 * - `deliverPdf(desk, bytes, fileName, action) → PdfDelivery` (./deliver): Electron saves/prints via
 *   desk.platform; browser mode returns base64 and the renderer's `deliverPdf`
 *   (src/renderer/src/ui/pdf-output.ts) downloads or prints it. Type PdfDelivery lives in
 *   @shared/ipc/contracts/forms — use it as your call's result type.
 */
export { renderPdf, missingGlyphs, warmUpPdf, type RenderOptions } from './render'
export * from './blocks'
export { pdfFileName } from './names'
export { watchLines } from './lines'
export { deliverPdf, pageCount } from './deliver'
