import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { electronStatus, fallbackLine, platformPath, RETRY_AFTER_MS, secureMemoryEnv, shouldTryDownload, type DetectFs } from '../../../scripts/electron-detect.mjs'

/**
 * `npm start` decides between the desktop window and browser mode from what the electron npm
 * package leaves on disk (path.txt, dist/version, dist/<binary>). Tested on a fake file system;
 * the download itself is not.
 */
const PKG = '/repo/node_modules/electron'
function fakeFs(files: Record<string, string>, mtimes: Record<string, number> = {}): DetectFs {
  return {
    exists: (p) => p in files,
    read: (p) => {
      if (!(p in files)) throw new Error(`ENOENT ${p}`)
      return files[p]
    },
    mtimeMs: (p) => mtimes[p] ?? 0
  }
}
const pkgJson = { [join(PKG, 'package.json')]: JSON.stringify({ version: '45.5.0' }) }

describe('electronStatus', () => {
  it('finds an installed binary of the right version', () => {
    const fs = fakeFs({ ...pkgJson, [join(PKG, 'path.txt')]: 'electron', [join(PKG, 'dist/version')]: 'v45.5.0', [join(PKG, 'dist/electron')]: '' })
    expect(electronStatus({ pkgDir: PKG, env: {}, platform: 'linux', fs })).toEqual({ available: true, bin: join(PKG, 'dist/electron') })
  })
  it('reports "not-downloaded" for the npm package alone (what npm ci leaves on these machines)', () => {
    expect(electronStatus({ pkgDir: PKG, env: {}, platform: 'linux', fs: fakeFs(pkgJson) })).toEqual({ available: false, reason: 'not-downloaded' })
  })
  it('reports "not-downloaded" when path.txt exists but the binary was removed', () => {
    const fs = fakeFs({ ...pkgJson, [join(PKG, 'path.txt')]: 'electron', [join(PKG, 'dist/version')]: '45.5.0' })
    expect(electronStatus({ pkgDir: PKG, env: {}, platform: 'linux', fs })).toEqual({ available: false, reason: 'not-downloaded' })
  })
  it('refuses a binary left from another Electron version (the ABI would not match)', () => {
    const fs = fakeFs({ ...pkgJson, [join(PKG, 'path.txt')]: 'electron', [join(PKG, 'dist/version')]: '44.0.0', [join(PKG, 'dist/electron')]: '' })
    expect(electronStatus({ pkgDir: PKG, env: {}, platform: 'linux', fs })).toEqual({ available: false, reason: 'wrong-version' })
  })
  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const fs = fakeFs({ ...pkgJson, '/opt/electron/electron': '' })
    expect(electronStatus({ pkgDir: PKG, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, platform: 'linux', fs })).toEqual({
      available: true,
      bin: '/opt/electron/electron'
    })
    expect(electronStatus({ pkgDir: PKG, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, platform: 'linux', fs }).available).toBe(false)
  })
  it('knows each platform’s binary name, and when there is none', () => {
    expect(platformPath('win32')).toBe('electron.exe')
    expect(platformPath('darwin')).toBe('Electron.app/Contents/MacOS/Electron')
    expect(platformPath('aix')).toBeNull()
    expect(electronStatus({ pkgDir: PKG, env: {}, platform: 'aix', fs: fakeFs(pkgJson) })).toEqual({ available: false, reason: 'unsupported-platform' })
  })
  it('reports a missing electron package', () => {
    expect(electronStatus({ pkgDir: null, fs: fakeFs({}) })).toEqual({ available: false, reason: 'package-missing' })
  })
  it('detects the real node_modules/electron of this checkout without throwing', () => {
    const s = electronStatus({ pkgDir: join(__dirname, '../../../node_modules/electron') })
    expect(typeof s.available).toBe('boolean')
  })
})

describe('the one-time download and the fallback line', () => {
  const marker = '/repo/build/.electron-download-failed'
  it('tries once, then not again for a day unless asked', () => {
    const now = 10 * RETRY_AFTER_MS
    expect(shouldTryDownload({ markerFile: marker, now, fs: fakeFs({}) })).toBe(true)
    const failedAnHourAgo = fakeFs({ [marker]: '' }, { [marker]: now - 3600_000 })
    expect(shouldTryDownload({ markerFile: marker, now, fs: failedAnHourAgo })).toBe(false)
    expect(shouldTryDownload({ markerFile: marker, now, force: true, fs: failedAnHourAgo })).toBe(true)
    const failedTwoDaysAgo = fakeFs({ [marker]: '' }, { [marker]: now - 2 * RETRY_AFTER_MS })
    expect(shouldTryDownload({ markerFile: marker, now, fs: failedTwoDaysAgo })).toBe(true)
  })
  it('says what happened in one line and names browser mode', () => {
    for (const reason of ['download-failed', 'not-downloaded', 'native-build-failed', 'unsupported-platform']) {
      const line = fallbackLine(reason)
      expect(line).not.toContain('\n')
      expect(line).toContain('browser mode')
    }
  })
})

describe('the Electron build of the SQLCipher module', () => {
  it('compiles secure memory in for gcc/clang and MSVC, keeping flags already set', () => {
    const env = secureMemoryEnv({ CFLAGS: '-O2', PATH: '/bin' })
    expect(env.CFLAGS).toBe('-O2 -DSQLITE3MC_SECURE_MEMORY=1')
    expect(env.CL).toBe('/DSQLITE3MC_SECURE_MEMORY=1')
    expect(env.PATH).toBe('/bin')
  })
})
