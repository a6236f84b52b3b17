#!/usr/bin/env node
// `npm start`: build, then open the desktop app — or, where Electron's binary cannot be had,
// say so in one line and start the same app in browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, copyFileSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const forceBrowser = process.argv.includes('--browser')
const passThrough = process.argv.slice(2).filter((a) => a !== '--browser')

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', ...opts })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** The Electron binary's path, or null when it is not installed (as on air-gapped machines). */
function electronBinary() {
  try {
    const pkgDir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(pkgDir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

/** Try once to fetch Electron's binary (its own installer); quietly give up where it cannot. */
function tryInstallElectron() {
  try {
    const installer = join(dirname(require.resolve('electron/package.json')), 'install.js')
    if (!existsSync(installer)) return
    spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 120_000 })
  } catch {
    /* no network to Electron's releases: browser mode it is */
  }
}

/**
 * node_modules holds the SQLCipher module built for Node (tests, CLI, browser mode). Electron has
 * another ABI, so build a second copy for it under build/electron-native and point the main
 * process at it; node_modules is never touched.
 */
function ensureElectronNative() {
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const outDir = join(root, 'build', 'electron-native')
  const stamp = join(outDir, `electron-${electronVersion}.stamp`)
  const target = join(outDir, 'better_sqlite3.node')
  if (existsSync(stamp) && existsSync(target)) return
  mkdirSync(outDir, { recursive: true })
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(outDir, 'src')
  run(process.platform === 'win32' ? 'xcopy' : 'cp', process.platform === 'win32' ? [moduleDir, work, '/E/I/Y/Q'] : ['-r', moduleDir + '/.', work])
  const gyp = require.resolve('node-gyp/bin/node-gyp.js')
  run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: work })
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  copyFileSync(target, stamp)
}

run(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'])

let bin = forceBrowser ? null : electronBinary()
if (!bin && !forceBrowser) {
  tryInstallElectron()
  bin = electronBinary()
}
if (!bin) {
  if (!forceBrowser) console.log('Electron is not available on this machine, so Petition Desk starts in browser mode instead.')
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'browser.js'), ...passThrough], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  ensureElectronNative()
  const child = spawn(bin, [root, ...passThrough], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  child.on('exit', (code) => process.exit(code ?? 0))
}
