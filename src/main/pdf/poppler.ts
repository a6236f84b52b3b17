import { execFileSync } from 'node:child_process'

/**
 * Test helpers around poppler-utils, fed from memory through stdin (`-` / `fd://0`) so tests leave
 * no PDFs with personal data lying around.
 */
/**
 * Text of a PDF. `raw` (the default) keeps content-stream order: pdfmake writes each table cell's
 * lines together, so a value that wraps stays contiguous (the default reading-order mode interleaves
 * neighbouring cells' lines).
 */
export function pdfText(pdf: Buffer, mode: 'raw' | 'layout' | 'reading' = 'raw'): string {
  const flag = mode === 'raw' ? ['-raw'] : mode === 'layout' ? ['-layout'] : []
  return execFileSync('pdftotext', [...flag, '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 << 20 }).toString('utf8')
}

export interface PdfFontRow {
  name: string
  type: string
  emb: boolean
  sub: boolean
  uni: boolean
}

export function pdfFonts(pdf: Buffer): PdfFontRow[] {
  const out = execFileSync('pdffonts', ['-'], { input: pdf }).toString('utf8').split('\n').slice(2).filter(Boolean)
  return out.map((line) => {
    // name type encoding emb sub uni object ID — the name has no spaces; type may ("CID Type 0C").
    const parts = line.trim().split(/\s+/)
    const [emb, sub, uni] = parts.slice(-5, -2)
    return { name: parts[0], type: parts.slice(1, -6).join(' '), emb: emb === 'yes', sub: sub === 'yes', uni: uni === 'yes' }
  })
}

export function pdfPages(pdf: Buffer): number {
  const m = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString('utf8'))
  return m ? Number(m[1]) : 0
}

/** Text of each page (pdftotext separates pages with form feeds). */
export function pdfPageTexts(pdf: Buffer): string[] {
  const t = pdfText(pdf)
  return t.split('\f').slice(0, pdfPages(pdf))
}

/** Whitespace-free form, for "every character as typed" comparisons across line breaks. */
export const squash = (s: string) => s.replace(/\s+/gu, '')
