import pdfmake from 'pdfmake'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { faceForLanguage, loadFonts, type FontKey, type LoadedFont } from './fonts'
import { FAMILY, applyRuns, missingIn, textsOf } from './runs'
import { DeskFailure } from '@shared/ipc/result'

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void
}

let ready = false
const inVfs = new Set<FontKey>()
const vfs = () => (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs

/** Register the font families with pdfmake once; their files enter its virtual FS when first used. */
function setup(): ReturnType<typeof loadFonts> {
  const fonts = loadFonts()
  if (ready) return fonts
  const same = (f: LoadedFont) => ({ normal: f.vfsName, bold: f.vfsName, italics: f.vfsName, bolditalics: f.vfsName })
  pdfmake.setFonts({
    [FAMILY.sans]: { normal: fonts.sans.vfsName, bold: fonts.sansBold.vfsName, italics: fonts.sans.vfsName, bolditalics: fonts.sansBold.vfsName },
    [FAMILY.sansHK]: { normal: fonts.sansHK.vfsName, bold: fonts.sansBoldHK.vfsName, italics: fonts.sansHK.vfsName, bolditalics: fonts.sansBoldHK.vfsName },
    [FAMILY.symbols]: same(fonts.symbols),
    [FAMILY.rareA]: same(fonts.rareA),
    [FAMILY.rareB]: same(fonts.rareB),
    [FAMILY.rareB2]: same(fonts.rareB2),
    [FAMILY.rareC]: same(fonts.rareC),
    [FAMILY.latin]: same(fonts.latin)
  })
  // Documents are built from data only: no URL or file is ever fetched while rendering.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  ready = true
  return fonts
}

/** Put a font's inflated bytes into pdfmake's virtual FS (once per process). */
function provide(fonts: ReturnType<typeof loadFonts>, key: FontKey): void {
  if (inVfs.has(key)) return
  vfs().writeFileSync(fonts[key].vfsName, fonts[key].bytes())
  inVfs.add(key)
}

const FAMILY_FONTS: Record<string, FontKey[]> = {
  [FAMILY.sans]: ['sans', 'sansBold'],
  [FAMILY.sansHK]: ['sansHK', 'sansBoldHK'],
  [FAMILY.symbols]: ['symbols'],
  [FAMILY.rareA]: ['rareA'],
  [FAMILY.rareB]: ['rareB'],
  [FAMILY.rareB2]: ['rareB2'],
  [FAMILY.rareC]: ['rareC'],
  [FAMILY.latin]: ['latin']
}

/** Load the main fonts now (e.g. at app start, off the print path). Safe to call repeatedly. */
export function warmUpPdf(lang?: string | null): void {
  const fonts = setup()
  const main = faceForLanguage(lang) === 'hk' ? (['sansHK', 'sansBoldHK'] as const) : (['sans', 'sansBold'] as const)
  for (const k of [...main, 'symbols'] as const) provide(fonts, k)
}

/** Characters in `texts` that no shipped font can draw; empty when the document prints completely. */
export function missingGlyphs(texts: Iterable<string | null | undefined>): string[] {
  return missingIn(setup(), texts)
}

export interface RenderOptions {
  /**
   * When true (the default), a document with characters no font has is refused with MISSING_GLYPHS
   * (params.chars = the characters) instead of printing blank boxes. Pass false only after the user
   * has been told which characters are missing and chose to print anyway.
   */
  refuseMissing?: boolean
  /**
   * Called once the document is laid out, before anything is drawn (pdfmake's pageBreakBefore pass):
   * positions recorded on tracked nodes (and lines recorded by `watchLines`) are final. Throwing
   * abandons the render (the error is the promise's rejection): pagination uses this to lay out again
   * with different page breaks without paying for drawing the PDF.
   */
  afterLayout?: () => void
  /**
   * The document's language: 'yue-HK' prints in the Hong Kong face of Noto Sans CJK, anything else in
   * the Simplified-Chinese face. Text is never converted, only drawn in the document's face; a node
   * with `lang` overrides it for its subtree (a sheet in both languages).
   */
  lang?: string | null
}

type FnOrContent = TDocumentDefinitions['header']

/**
 * Render a pdfmake document to PDF bytes, in memory. Every text string is split into font runs
 * (main face, bold face, rare-character fallbacks); header/footer functions are wrapped the same way.
 */
export async function renderPdf(doc: TDocumentDefinitions, opts: RenderOptions = {}): Promise<Buffer> {
  const fonts = setup()
  const styles = (doc.styles ?? {}) as Record<string, Record<string, unknown>>
  if (opts.refuseMissing !== false) {
    const missing = missingIn(fonts, textsOf(doc.content))
    if (missing.length) throw new DeskFailure('MISSING_GLYPHS', 'forms:errors.missingGlyphs', { chars: missing.join(' ') })
  }
  // Fonts enter pdfmake's virtual FS as runs need them; header/footer functions run during layout,
  // before pdfmake opens the fonts their output uses, so they provide theirs the same way.
  const face = faceForLanguage(opts.lang)
  const main = face === 'hk' ? FAMILY.sansHK : FAMILY.sans
  const used = new Set<string>([main, FAMILY.symbols])
  const ensure = () => {
    for (const family of used) for (const k of FAMILY_FONTS[family] ?? []) provide(fonts, k)
  }
  const runs = (node: unknown) => {
    const out = applyRuns(fonts, node, styles, false, used, face) as Content
    ensure()
    return out
  }
  const wrap = (hf: FnOrContent): FnOrContent => {
    if (typeof hf === 'function') return ((...args: Parameters<typeof hf>) => runs(hf(...args))) as FnOrContent
    return hf === undefined ? undefined : runs(hf)
  }
  const content = runs(doc.content)
  const header = wrap(doc.header)
  const footer = wrap(doc.footer as FnOrContent) as TDocumentDefinitions['footer']
  const prepared: TDocumentDefinitions = {
    ...doc,
    content,
    header,
    footer,
    defaultStyle: { ...doc.defaultStyle, font: main },
    info: { producer: 'Petition Desk', creator: 'Petition Desk', ...doc.info }
  }
  if (opts.afterLayout) {
    const after = opts.afterLayout
    let called = false
    prepared.pageBreakBefore = () => {
      if (!called) {
        called = true
        after()
      }
      return false
    }
  }
  if (prepared.header === undefined) delete prepared.header
  if (prepared.footer === undefined) delete prepared.footer
  return pdfmake.createPdf(prepared).getBuffer() as Promise<Buffer>
}
