import pdfmake from 'pdfmake'
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { loadFonts } from './fonts'
import { FAMILY, applyRuns, missingIn, textsOf } from './runs'
import { DeskFailure } from '@shared/ipc/result'

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void
}

let ready = false

/** Register the shipped fonts with pdfmake once: inflated bytes live in its virtual file system. */
function setup(): ReturnType<typeof loadFonts> {
  const fonts = loadFonts()
  if (ready) return fonts
  const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs
  for (const f of Object.values(fonts)) vfs.writeFileSync(f.vfsName, f.bytes)
  pdfmake.setFonts({
    [FAMILY.sans]: {
      normal: fonts.sans.vfsName,
      bold: fonts.sansBold.vfsName,
      italics: fonts.sans.vfsName,
      bolditalics: fonts.sansBold.vfsName
    },
    [FAMILY.rareA]: { normal: fonts.rareA.vfsName, bold: fonts.rareA.vfsName, italics: fonts.rareA.vfsName, bolditalics: fonts.rareA.vfsName },
    [FAMILY.rareB]: { normal: fonts.rareB.vfsName, bold: fonts.rareB.vfsName, italics: fonts.rareB.vfsName, bolditalics: fonts.rareB.vfsName }
  })
  // Documents are built from data only: no URL or file is ever fetched while rendering.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy(() => false)
  ready = true
  return fonts
}

/** Load fonts now (e.g. at app start, off the print path). Safe to call repeatedly. */
export function warmUpPdf(): void {
  setup()
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
  const wrap = (hf: FnOrContent): FnOrContent => {
    if (typeof hf === 'function') {
      return ((...args: Parameters<typeof hf>) => applyRuns(fonts, hf(...args), styles) as Content) as FnOrContent
    }
    return hf === undefined ? undefined : (applyRuns(fonts, hf, styles) as Content)
  }
  const prepared: TDocumentDefinitions = {
    ...doc,
    content: applyRuns(fonts, doc.content, styles) as Content,
    header: wrap(doc.header),
    footer: wrap(doc.footer as FnOrContent) as TDocumentDefinitions['footer'],
    defaultStyle: { ...doc.defaultStyle, font: FAMILY.sans },
    info: { producer: 'Petition Desk', creator: 'Petition Desk', ...doc.info }
  }
  if (prepared.header === undefined) delete prepared.header
  if (prepared.footer === undefined) delete prepared.footer
  return pdfmake.createPdf(prepared).getBuffer() as Promise<Buffer>
}
