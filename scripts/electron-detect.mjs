// Is Electron's binary here? Mirrors the electron npm package's own logic (index.js, install.js):
// the binary is at dist/<path.txt>, dist/version must match the package version, and
// ELECTRON_OVERRIDE_DIST_PATH points at a binary kept elsewhere. Pure apart from the injected fs.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

export function platformPath(platform) {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'freebsd':
    case 'openbsd':
    case 'linux':
      return 'electron'
    case 'win32':
      return 'electron.exe'
    default:
      return null
  }
}

const realFs = {
  exists: (p) => existsSync(p),
  read: (p) => readFileSync(p, 'utf8'),
  mtimeMs: (p) => statSync(p).mtimeMs
}

/**
 * @returns {{ available: true, bin: string } | { available: false, reason: string }}
 */
export function electronStatus({ pkgDir, env = process.env, platform = process.platform, fs = realFs }) {
  if (!pkgDir || !fs.exists(join(pkgDir, 'package.json'))) return { available: false, reason: 'package-missing' }
  const expected = platformPath(env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform)
  if (!expected) return { available: false, reason: 'unsupported-platform' }
  const pathFile = join(pkgDir, 'path.txt')
  const recorded = fs.exists(pathFile) ? fs.read(pathFile).trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(env.ELECTRON_OVERRIDE_DIST_PATH, recorded || expected)
    return fs.exists(bin) ? { available: true, bin } : { available: false, reason: 'override-missing' }
  }
  if (!recorded) return { available: false, reason: 'not-downloaded' }
  const version = JSON.parse(fs.read(join(pkgDir, 'package.json'))).version
  const versionFile = join(pkgDir, 'dist', 'version')
  const installed = fs.exists(versionFile) ? fs.read(versionFile).trim().replace(/^v/, '') : ''
  if (installed !== version) return { available: false, reason: 'wrong-version' }
  const bin = join(pkgDir, 'dist', recorded)
  return fs.exists(bin) ? { available: true, bin } : { available: false, reason: 'not-downloaded' }
}

/** Try the one-time download again only after a day, or when asked: a failed try costs time. */
export const RETRY_AFTER_MS = 24 * 60 * 60 * 1000
export function shouldTryDownload({ markerFile, now = Date.now(), force = false, fs = realFs }) {
  if (force) return true
  if (!fs.exists(markerFile)) return true
  return now - fs.mtimeMs(markerFile) > RETRY_AFTER_MS
}

/** The one line `npm start` prints when it falls back to browser mode. */
export function fallbackLine(reason) {
  const why =
    reason === 'download-failed'
      ? 'its download failed, perhaps no access to its release server'
      : reason === 'native-build-failed'
        ? 'the SQLCipher module could not be built for it'
        : reason === 'unsupported-platform'
          ? 'there is no Electron build for this platform'
          : 'its binary is not installed'
  return `Electron is not available on this machine (${why}), so Petition Desk starts in browser mode instead. To try Electron again: npm start -- --retry-electron`
}

/**
 * Build environment that compiles SQLite3 Multiple Ciphers with SQLITE3MC_SECURE_MEMORY, so
 * `PRAGMA memory_security = fill` (set by src/main/db/open.ts) really wipes freed memory in the
 * desktop app. gcc/clang read CFLAGS; MSVC's cl reads CL. Used for the Electron builds of the
 * native module (npm start, npm run dist).
 */
export function secureMemoryEnv(env = process.env) {
  const def = 'SQLITE3MC_SECURE_MEMORY=1'
  return { ...env, CFLAGS: `${env.CFLAGS ?? ''} -D${def}`.trim(), CL: `${env.CL ?? ''} /D${def}`.trim() }
}
