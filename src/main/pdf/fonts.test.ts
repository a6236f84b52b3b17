import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FONT_FILES, fontsDir } from './fonts'
import { tempDir } from '../../../tests/support/desk'

/**
 * Where the engine finds its fonts: an installed app has them in <resources>/fonts (electron-builder
 * extraResources), which Electron exposes as process.resourcesPath; development uses the repository.
 */
const proc = process as { resourcesPath?: string }
const saved = { res: proc.resourcesPath, env: process.env.DESK_FONTS_DIR }
const cleanups: (() => void)[] = []
afterEach(() => {
  if (saved.res === undefined) delete proc.resourcesPath
  else proc.resourcesPath = saved.res
  if (saved.env === undefined) delete process.env.DESK_FONTS_DIR
  else process.env.DESK_FONTS_DIR = saved.env
  while (cleanups.length) cleanups.pop()!()
})

function fakeResources(): string {
  const t = tempDir('desk-res-')
  cleanups.push(t.cleanup)
  mkdirSync(join(t.dir, 'fonts'))
  writeFileSync(join(t.dir, 'fonts', FONT_FILES.sans), '')
  return t.dir
}

describe('fontsDir', () => {
  it('a packaged app reads <resources>/fonts', () => {
    delete process.env.DESK_FONTS_DIR
    const res = fakeResources()
    proc.resourcesPath = res
    expect(fontsDir()).toBe(join(res, 'fonts'))
  })

  it('an Electron resources folder without fonts (development) falls back to the repository', () => {
    delete process.env.DESK_FONTS_DIR
    const t = tempDir('desk-res-')
    cleanups.push(t.cleanup)
    proc.resourcesPath = t.dir
    expect(fontsDir()).toBe(resolve(__dirname, '../../../resources/fonts'))
  })

  it('DESK_FONTS_DIR wins over both', () => {
    const res = fakeResources()
    proc.resourcesPath = '/nonexistent'
    process.env.DESK_FONTS_DIR = join(res, 'fonts')
    expect(fontsDir()).toBe(join(res, 'fonts'))
  })
})
