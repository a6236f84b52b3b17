import { app, BrowserWindow, dialog, Menu, net, powerMonitor, protocol } from 'electron'
import { existsSync } from 'node:fs'
import { join, normalize, sep } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDeskApp, type DeskApp } from './app'
import { registerElectronTransport } from './ipc/electron-transport'
import { installGlobalGuards } from './security/guards'
import { contentSecurityPolicy } from './security/csp'
import { APP_ORIGIN, APP_SCHEME, devToolsAllowed, secureWebPreferences } from './security/web-preferences'
import { useNativeBinding } from './db/open'
import { lock } from './session/service'
import { createElectronPlatform } from './platform/electron'
import { log } from './log'
import { busyMessage, DataFolderBusy, holdDataFolder, systemLocale } from './fs/folder-lock'
import { translator } from '@shared/i18n/resources'

/**
 * The Electron shell: lifecycle and the window only. Everything the app can do lives in the
 * services behind the router (createDeskApp); this file wires them to Electron.
 */
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false } }
])

// Crash dumps could hold decrypted records: never write them.
app.commandLine.appendSwitch('disable-crash-reporter')
// Chromium's translate and autofill services would send page text to the network.
app.commandLine.appendSwitch('disable-features', 'Translate,AutofillServerCommunication')
// Chromium draws date and month pickers in its own UI language, not the page's: on an English
// Windows the desk's 结案日期 would read "12/05/2026" and the report month "December 2026".
// The desk speaks Chinese in both of its languages, so its pickers do too (2026/12/05, 2026年12月).
app.commandLine.appendSwitch('lang', 'zh-CN')

// No application menu: Electron's default one offers Reload and Force Reload (Ctrl+R, F5), which
// would reload the page past the lock screen's state and drop unsaved text, and Toggle DevTools.
Menu.setApplicationMenu(null)

let win: BrowserWindow | null = null
let desk: DeskApp | null = null

// One instance per user: two processes writing the same database and keyring would race.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(start).catch((err) => {
    log.error('electron.start', { error: err instanceof Error ? err.name : 'unknown' })
    app.exit(1)
  })
}

function nativeModulePath(): string | undefined {
  // Packaged: electron-builder rebuilt node_modules for Electron, the default path is right.
  if (app.isPackaged) return undefined
  // Development: scripts/start.mjs builds an Electron-ABI copy here, leaving node_modules for Node/tests.
  const dev = join(app.getAppPath(), 'build', 'electron-native', 'better_sqlite3.node')
  return existsSync(dev) ? dev : undefined
}

/** Serve the built renderer under app://desk/ with the CSP header; nothing outside its folder. */
export function rendererProtocolHandler(rendererDir: string, fetchFile: (url: string) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url)
    let rel: string
    try {
      rel = decodeURIComponent(url.pathname)
    } catch {
      return new Response('', { status: 400 })
    }
    if (rel === '/' || rel === '') rel = '/index.html'
    const file = normalize(join(rendererDir, rel))
    if (url.host !== 'desk' || !file.startsWith(normalize(rendererDir) + sep)) return new Response('', { status: 404 })
    const res = await fetchFile(pathToFileURL(file).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', contentSecurityPolicy({ connectSelf: false }))
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  }
}

async function start(): Promise<void> {
  installGlobalGuards()
  useNativeBinding(nativeModulePath())
  protocol.handle(APP_SCHEME, rendererProtocolHandler(join(__dirname, '../renderer'), (u) => net.fetch(u)))

  // An unpackaged app (development, the Electron e2e tests) may be pointed at another data folder.
  const dataDir = !app.isPackaged && process.env.DESK_DATA_DIR ? process.env.DESK_DATA_DIR : join(app.getPath('userData'), 'data')
  // Every file and folder this process creates is its owner's only (0600 / 0700): backups, PDFs, logs.
  if (process.platform !== 'win32') process.umask(0o077)
  // One process per data folder (browser mode or the CLI may have it): say who, and stop.
  try {
    holdDataFolder(dataDir, { kind: 'app' })
  } catch (err) {
    if (!(err instanceof DataFolderBusy)) throw err
    const locale = systemLocale(app.getLocale())
    dialog.showErrorBox(translator(locale, 'common')('appName'), busyMessage(err, dataDir, locale))
    app.exit(6)
    return
  }
  desk = createDeskApp({ dataDir, appVersion: app.getVersion() })
  const devTools = devToolsAllowed(app.isPackaged)
  const platform = createElectronPlatform(() => win, { preload: join(__dirname, '../preload/index.js'), devTools })
  desk.desk.platform = platform
  registerElectronTransport(desk.router, () => win, () => platform.secondWindow())
  // The read-back window shows the petitioner what was agreed: it goes when the desk locks.
  desk.desk.on('session.locked', () => platform.closeSecondWindow?.())

  // Lock at once when the OS locks the screen or the machine sleeps.
  powerMonitor.on('lock-screen', () => desk && lock(desk.desk, 'os'))
  powerMonitor.on('suspend', () => desk && lock(desk.desk, 'suspend'))

  win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Petition Desk',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js'), { devTools })
  })
  if (!devTools) win.webContents.on('devtools-opened', () => win?.webContents.closeDevTools())
  win.once('ready-to-show', () => win?.show())
  win.on('closed', () => {
    win = null
    platform.closeSecondWindow?.()
  })
  await win.loadURL(`${APP_ORIGIN}/index.html`)
}

app.on('window-all-closed', () => {
  desk?.stop()
  app.quit()
})
