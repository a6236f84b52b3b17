#!/usr/bin/env node
// `npm start`: build, then open the desktop app — or, where Electron's binary cannot be had,
// say so in one line and start the same app in browser mode.
//   --browser          browser mode on purpose (npm run start:browser)
//   --retry-electron   try the one-time Electron download again now
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInterface } from 'node:readline'
import { electronStatus, fallbackLine, secureMemoryEnv, shouldTryDownload } from './electron-detect.mjs'
import { chromiumArgs, chromiumEnv, findChromium, makeProfile, OWN_BROWSER_WARNING, sweepOldProfiles } from './own-browser.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const flags = new Set(['--browser', '--retry-electron'])
const forceBrowser = process.argv.includes('--browser')
const retry = process.argv.includes('--retry-electron')
const passThrough = process.argv.slice(2).filter((a) => !flags.has(a))
const buildDir = join(root, 'build')
// Inside build/electron-native/, which git ignores.
const downloadMarker = join(buildDir, 'electron-native', '.electron-download-failed')

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts })
  return r.status === 0
}

function electronPkgDir() {
  try {
    return dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

/** The electron package's own installer, once, with a timeout so a dead network cannot hang us. */
function tryDownloadElectron(pkgDir) {
  const installer = join(pkgDir, 'install.js')
  if (!existsSync(installer)) return false
  const r = spawnSync(process.execPath, [installer], { cwd: pkgDir, stdio: 'ignore', timeout: 180_000, killSignal: 'SIGKILL' })
  mkdirSync(dirname(downloadMarker), { recursive: true })
  if (r.status !== 0) writeFileSync(downloadMarker, new Date().toISOString())
  else rmSync(downloadMarker, { force: true })
  return r.status === 0
}

/**
 * node_modules holds the SQLCipher module built for Node (tests, CLI, browser mode). Electron has
 * another ABI, so build a second copy for it under build/electron-native and point the main
 * process at it (src/main/index.ts, nativeBinding); node_modules is never touched.
 */
function ensureElectronNative(electronVersion) {
  const outDir = join(buildDir, 'electron-native')
  const stamp = join(outDir, `electron-${electronVersion}.stamp`)
  const target = join(outDir, 'better_sqlite3.node')
  if (existsSync(stamp) && existsSync(target)) return true
  const moduleDir = dirname(require.resolve('better-sqlite3/package.json'))
  const work = join(outDir, 'src')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const oldBuild = join(moduleDir, 'build')
  cpSync(moduleDir, work, { recursive: true, filter: (p) => p !== oldBuild && !p.startsWith(oldBuild + sep) })
  console.log(`Building the SQLCipher module for Electron ${electronVersion} (once, about a minute)…`)
  const gyp = require.resolve('node-gyp/bin/node-gyp.js')
  const ok = run(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: secureMemoryEnv()
  })
  if (!ok) return false
  copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  writeFileSync(stamp, electronVersion)
  rmSync(work, { recursive: true, force: true })
  return true
}

/** Run the app as a child; Ctrl+C or a kill of `npm start` stops it too (it locks the desk on exit). */
function adopt(child) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}

/**
 * Browser mode: the desk's server, then a Chromium of its own with a throwaway profile (wiped when
 * either ends) where one is installed; otherwise the address to open, with what a person's own
 * browser may keep.
 */
function startBrowser() {
  const chromium = process.env.DESK_NO_OWN_BROWSER === '1' ? null : findChromium()
  const server = spawn(process.execPath, [join(root, 'out', 'main', 'browser.js'), '--json', ...passThrough], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let browser = null
  let profile = null
  const wipe = () => {
    if (profile) rmSync(profile, { recursive: true, force: true })
    profile = null
  }
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => (browser?.kill(sig), server.kill(sig)))
  server.on('exit', (code) => {
    if (browser && browser.exitCode === null) browser.kill('SIGTERM')
    const done = () => (wipe(), process.exit(code ?? 0))
    if (browser && browser.exitCode === null) browser.once('exit', done)
    else done()
  })
  const lines = createInterface({ input: server.stdout })
  lines.once('line', (line) => {
    let openUrl
    try {
      openUrl = JSON.parse(line).openUrl
    } catch {
      console.log(line)
      return
    }
    if (!chromium) {
      console.log(`Petition Desk is running in browser mode. Open this address in a browser on this computer:\n  ${openUrl}\n${OWN_BROWSER_WARNING}`)
      return
    }
    try {
      sweepOldProfiles()
    } catch {
      /* best effort */
    }
    profile = makeProfile()
    console.log(`Petition Desk is running in browser mode, in its own Chromium window (${chromium}) with a temporary profile that is wiped when it closes. Closing that window stops the desk.`)
    browser = spawn(chromium, chromiumArgs(profile, openUrl), { stdio: 'ignore', env: chromiumEnv() })
    browser.on('error', () => {
      wipe()
      console.log(`Chromium could not be started. Open this address in a browser on this computer:\n  ${openUrl}\n${OWN_BROWSER_WARNING}`)
    })
    // The browser closed: the desk stops too (the server locks the database on exit).
    browser.on('exit', () => {
      wipe()
      if (server.exitCode === null) server.kill('SIGTERM')
    })
  })
  let first = true
  lines.on('line', (l) => {
    if (first) return void (first = false)
    if (!l.startsWith('{')) return void (l && console.log(l))
    // Each address opens one tab; where the person opens tabs themselves, show the next one.
    if (!chromium) console.log(`That address has been used. To open the desk in another tab or browser:\n  ${JSON.parse(l).openUrl}`)
  })
}

// electron-vite's package exports do not include its bin: resolve it from its package.json.
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
if (!run(process.execPath, [electronVite, 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })) {
  console.error('The app could not be built (see the messages above).')
  process.exit(1)
}

if (forceBrowser) {
  startBrowser()
} else {
  const pkgDir = electronPkgDir()
  let status = electronStatus({ pkgDir })
  let reason = status.available ? null : status.reason
  if (!status.available && pkgDir && status.reason !== 'unsupported-platform' && shouldTryDownload({ markerFile: downloadMarker, force: retry })) {
    if (tryDownloadElectron(pkgDir)) status = electronStatus({ pkgDir })
    reason = status.available ? null : 'download-failed'
  } else if (!status.available && existsSync(downloadMarker)) {
    reason = 'download-failed'
  }
  const version = pkgDir ? JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version : ''
  if (status.available && !ensureElectronNative(version)) {
    status = { available: false }
    reason = 'native-build-failed'
  }
  if (!status.available) {
    console.log(fallbackLine(reason))
    startBrowser()
  } else {
    adopt(spawn(status.bin, [root, ...passThrough], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } }))
  }
}
