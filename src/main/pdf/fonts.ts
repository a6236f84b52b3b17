import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliDecompressSync } from 'node:zlib'
import { codePointsOf } from './cmap'

/**
 * The shipped fonts (resources/fonts, built by scripts/build-fonts.py). Stored brotli-compressed and
 * inflated once, in memory — never written out anywhere.
 */
export const FONT_FILES = {
  sans: 'NotoSansCJKsc-Regular.subset.otf.br',
  sansBold: 'NotoSansCJKsc-Bold.subset.otf.br',
  rareA: 'HanaMinA.subset.ttf.br',
  rareB: 'HanaMinB.subset.ttf.br'
} as const
export type FontKey = keyof typeof FONT_FILES

export interface LoadedFont {
  key: FontKey
  /** Name under which pdfmake's virtual file system holds the inflated font. */
  vfsName: string
  bytes: Buffer
  covers: Set<number>
}

/**
 * Where the fonts are: DESK_FONTS_DIR, the packaged app's resources folder (electron-builder
 * `extraResources` → `<resources>/fonts`), or the repository's resources/fonts seen from the source
 * tree (tsx, vitest) or from the built bundle (out/main).
 */
export function fontsDir(): string {
  const candidates = [
    process.env.DESK_FONTS_DIR,
    (process as { resourcesPath?: string }).resourcesPath &&
      join((process as { resourcesPath?: string }).resourcesPath!, 'fonts'),
    resolve(__dirname, '../../resources/fonts'),
    resolve(__dirname, '../../../resources/fonts'),
    resolve(process.cwd(), 'resources/fonts')
  ].filter((d): d is string => !!d)
  for (const dir of candidates) if (existsSync(join(dir, FONT_FILES.sans))) return dir
  throw new Error('shipped fonts not found')
}

let loaded: Record<FontKey, LoadedFont> | null = null

/** Inflate and index the shipped fonts once per process. */
export function loadFonts(): Record<FontKey, LoadedFont> {
  if (loaded) return loaded
  const dir = fontsDir()
  const out = {} as Record<FontKey, LoadedFont>
  for (const key of Object.keys(FONT_FILES) as FontKey[]) {
    const bytes = brotliDecompressSync(readFileSync(join(dir, FONT_FILES[key])))
    const vfsName = FONT_FILES[key].replace(/\.br$/, '')
    out[key] = { key, vfsName, bytes, covers: codePointsOf(bytes) }
  }
  loaded = out
  return out
}
