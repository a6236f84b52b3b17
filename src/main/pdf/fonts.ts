import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'

/**
 * The shipped fonts (resources/fonts, built by scripts/build-fonts.py), stored brotli-compressed.
 * coverage.json lists each font's code points, so choosing a font for a character never needs the
 * font itself; a font is inflated (in memory only) the first time a document uses it.
 */
export const FONT_FILES = {
  sans: 'NotoSansCJKsc-Regular.subset.otf.br',
  sansBold: 'NotoSansCJKsc-Bold.subset.otf.br',
  sansHK: 'NotoSansCJKhk-Regular.subset.otf.br',
  sansBoldHK: 'NotoSansCJKhk-Bold.subset.otf.br',
  symbols: 'HanaMinA-symbols.subset.ttf.br',
  rareA: 'HanaMinA.subset.ttf.br',
  rareB: 'HanaMinB.subset.ttf.br',
  rareB2: 'HanaMinB-read.subset.ttf.br',
  rareC: 'BabelStoneHan-extG.subset.ttf.br',
  latin: 'NotoSans-Regular.subset.ttf.br'
} as const
export type FontKey = keyof typeof FONT_FILES

/**
 * The main face's glyph shapes, chosen by the document's language: a Cantonese (yue-HK) document
 * prints in Noto Sans CJK HK (說 戶 黃 這 in Hong Kong shapes), a Mandarin one in Noto Sans CJK SC. The
 * characters are never changed: what a person typed prints as typed, in the document's face.
 */
export type PrintFace = 'sc' | 'hk'
export const faceForLanguage = (lang: string | null | undefined): PrintFace => (lang === 'yue-HK' ? 'hk' : 'sc')

export interface LoadedFont {
  key: FontKey
  /** Name under which pdfmake's virtual file system holds the inflated font. */
  vfsName: string
  covers: Set<number>
  /** The inflated font, on first use. */
  bytes(): Buffer
}

/**
 * Where the fonts are: DESK_FONTS_DIR, the packaged app's resources folder (electron-builder
 * `extraResources` → `<resources>/fonts`), or the repository's resources/fonts seen from the source
 * tree (tsx, vitest) or from the built bundle (out/main).
 */
export function fontsDir(): string {
  const res = (process as { resourcesPath?: string }).resourcesPath
  const candidates = [
    process.env.DESK_FONTS_DIR,
    res && join(res, 'fonts'),
    resolve(__dirname, '../../resources/fonts'),
    resolve(__dirname, '../../../resources/fonts'),
    resolve(process.cwd(), 'resources/fonts')
  ].filter((d): d is string => !!d)
  for (const dir of candidates) if (existsSync(join(dir, FONT_FILES.sans))) return dir
  throw new Error('shipped fonts not found')
}

let loaded: Record<FontKey, LoadedFont> | null = null

/** Index the shipped fonts once per process (reads coverage.json; inflates nothing yet). */
export function loadFonts(): Record<FontKey, LoadedFont> {
  if (loaded) return loaded
  const dir = fontsDir()
  const coverage = JSON.parse(readFileSync(join(dir, 'coverage.json'), 'utf8')) as Record<string, [number, number][]>
  const out = {} as Record<FontKey, LoadedFont>
  for (const key of Object.keys(FONT_FILES) as FontKey[]) {
    const file = FONT_FILES[key]
    const covers = new Set<number>()
    for (const [a, b] of coverage[file] ?? []) for (let c = a; c <= b; c++) covers.add(c)
    let bytes: Buffer | null = null
    out[key] = {
      key,
      vfsName: file.replace(/\.br$/, ''),
      covers,
      bytes: () => (bytes ??= brotliDecompressSync(readFileSync(join(dir, file))))
    }
  }
  loaded = out
  return out
}
