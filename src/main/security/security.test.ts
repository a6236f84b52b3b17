import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { contentSecurityPolicy } from './csp'
import { guardContents, guardSession, navigationAllowed, requestAllowed } from './guards'
import { APP_ORIGIN, devToolsAllowed, isAppUrl, secureWebPreferences } from './web-preferences'
import { isTrustedSender, senderMayCall, senderRole } from '../ipc/sender'

/**
 * Electron hardening, checked against the REAL configuration: the webPreferences object the
 * window is created with, the CSP header the protocol handler sets, the guards, the shell
 * (src/main/index.ts, run against a recording fake of the electron module since the binary is not
 * needed to see what it asks Electron to do), the preload and the packaging config.
 */

// A recording stand-in for the electron module: records what the shell asks of Electron.
const fake = vi.hoisted(() => {
  const state = {
    lockGranted: true,
    switches: [] as string[][],
    appHandlers: new Map<string, (...a: unknown[]) => void>(),
    windows: [] as { options: Record<string, unknown>; url?: string; contentsHandlers: Map<string, unknown>; instance?: unknown }[],
    protocolHandlers: new Map<string, (r: Request) => Promise<Response>>(),
    privileged: [] as unknown[],
    quit: 0,
    permission: { request: null as null | ((...a: unknown[]) => void), check: null as null | ((...a: unknown[]) => unknown), device: null as null | ((...a: unknown[]) => unknown) },
    beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
    ipcHandlers: new Map<string, unknown>(),
    exposed: [] as [string, unknown][],
    ipcRendererInvokes: [] as unknown[],
    userData: '',
    appMenus: [] as unknown[],
    ready: null as null | Promise<void>,
    resolveReady: () => {}
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>
    private rec: (typeof fake.windows)[number]
    constructor(options: Record<string, unknown>) {
      const handlers = new Map<string, unknown>()
      this.rec = { options, contentsHandlers: handlers, instance: this }
      fake.windows.push(this.rec)
      this.webContents = {
        mainFrame: { url: 'app://desk/index.html' },
        on: (ev: string, fn: unknown) => handlers.set(ev, fn),
        send: () => {},
        closeDevTools: () => {}
      }
    }
    once() {}
    on() {}
    show() {}
    isMinimized() {
      return false
    }
    async loadURL(url: string) {
      this.rec.url = url
    }
  }
  const app = {
    commandLine: { appendSwitch: (...a: string[]) => fake.switches.push(a) },
    requestSingleInstanceLock: () => fake.lockGranted,
    quit: () => fake.quit++,
    exit: () => {},
    on: (ev: string, fn: (...a: unknown[]) => void) => fake.appHandlers.set(ev, fn),
    whenReady: () => {
      fake.ready = Promise.resolve()
      return fake.ready
    },
    getPath: () => fake.userData,
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    isPackaged: true
  }
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (fn: (...a: unknown[]) => void) => (fake.permission.request = fn),
      setPermissionCheckHandler: (fn: (...a: unknown[]) => unknown) => (fake.permission.check = fn),
      setDevicePermissionHandler: (fn: (...a: unknown[]) => unknown) => (fake.permission.device = fn),
      webRequest: { onBeforeRequest: (fn: typeof fake.beforeRequest) => (fake.beforeRequest = fn) }
    }
  }
  return {
    app,
    session,
    BrowserWindow,
    dialog: {},
    Menu: { setApplicationMenu: (m: unknown) => fake.appMenus.push(m) },
    net: { fetch: async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }) },
    powerMonitor: { on: () => {} },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s),
      handle: (scheme: string, fn: (r: Request) => Promise<Response>) => fake.protocolHandlers.set(scheme, fn)
    },
    ipcMain: { handle: (ch: string, fn: unknown) => fake.ipcHandlers.set(ch, fn), removeHandler: () => {} },
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => fake.exposed.push([name, api]) },
    ipcRenderer: {
      invoke: (...a: unknown[]) => (fake.ipcRendererInvokes.push(a), Promise.resolve({ ok: true, value: null })),
      on: () => {},
      removeListener: () => {}
    }
  }
})

const tmpRoot = mkdtempSync(join(tmpdir(), 'desk-shell-'))
fake.userData = tmpRoot
afterAll(() => rmSync(tmpRoot, { recursive: true, force: true }))

describe('webPreferences', () => {
  const prefs = secureWebPreferences('/app/preload.js')
  it('isolates the renderer: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webviewTag).toBe(false)
  })
  it('keeps web security on and experimental or insecure features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.enableBlinkFeatures).toBe('')
    expect(prefs.disableBlinkFeatures).toContain('Auxclick')
    expect(prefs.plugins).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })
  it('has DevTools off unless explicitly allowed, and never in a packaged app', () => {
    expect(prefs.devTools).toBe(false)
    expect(devToolsAllowed(true, { NODE_ENV: 'development', DESK_DEVTOOLS: '1' })).toBe(false)
    expect(devToolsAllowed(false, { NODE_ENV: 'production', DESK_DEVTOOLS: '1' })).toBe(false)
    expect(devToolsAllowed(false, { NODE_ENV: 'development' })).toBe(false)
    expect(devToolsAllowed(false, { NODE_ENV: 'development', DESK_DEVTOOLS: '1' })).toBe(true)
  })
})

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]))
}

describe('Content-Security-Policy', () => {
  for (const connectSelf of [false, true]) {
    const csp = directives(contentSecurityPolicy({ connectSelf, pdfFrames: connectSelf }))
    it(`starts from default-src 'none' and allows only our own scripts (${connectSelf ? 'browser mode' : 'Electron'})`, () => {
      expect(csp.get('default-src')).toEqual(["'none'"])
      expect(csp.get('script-src')).toEqual(["'self'"])
      for (const d of ['object-src', 'frame-ancestors', 'base-uri', 'form-action', 'worker-src', 'media-src']) {
        expect(csp.get(d), d).toEqual(["'none'"])
      }
      // Frames: none in Electron; in browser mode only blob: (a PDF made by our own script, for printing).
      expect(csp.get('frame-src')).toEqual(connectSelf ? ['blob:'] : ["'none'"])
    })
    it(`names no remote origin and no eval (${connectSelf ? 'browser mode' : 'Electron'})`, () => {
      const all = [...csp.values()].flat()
      expect(all.filter((s) => /^(https?|wss?):|\*/.test(s))).toEqual([])
      expect(all).not.toContain("'unsafe-eval'")
      expect(csp.get('script-src')).not.toContain("'unsafe-inline'")
    })
  }
  it('lets only browser mode fetch back to its own loopback origin', () => {
    expect(directives(contentSecurityPolicy({ connectSelf: false })).get('connect-src')).toEqual(["'none'"])
    expect(directives(contentSecurityPolicy({ connectSelf: true })).get('connect-src')).toEqual(["'self'"])
  })
})

/** A fake webContents that records its listeners, so the guards' decisions can be exercised. */
function fakeContents() {
  const listeners = new Map<string, (...a: unknown[]) => void>()
  let openHandler: ((d: unknown) => unknown) | null = null
  const contents = {
    on: (ev: string, fn: (...a: unknown[]) => void) => (listeners.set(ev, fn), contents),
    setWindowOpenHandler: (fn: (d: unknown) => unknown) => (openHandler = fn)
  }
  const fire = (ev: string, url: string) => {
    let prevented = false
    const event = { url, preventDefault: () => (prevented = true) }
    listeners.get(ev)!(event, url)
    return prevented
  }
  return { contents, fire, open: (url: string) => openHandler!({ url }) }
}

describe('navigation, windows and permissions', () => {
  it('blocks navigation away from the app and allows its own pages', () => {
    const f = fakeContents()
    guardContents(f.contents as never)
    expect(f.fire('will-navigate', 'https://example.com/')).toBe(true)
    expect(f.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(f.fire('will-navigate', 'app://evil/index.html')).toBe(true)
    expect(f.fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false)
    expect(f.fire('will-frame-navigate', 'https://example.com/')).toBe(true)
  })
  it('blocks every redirect and every <webview>', () => {
    const f = fakeContents()
    guardContents(f.contents as never)
    expect(f.fire('will-redirect', `${APP_ORIGIN}/index.html`)).toBe(true)
    expect(f.fire('will-redirect', 'https://example.com/')).toBe(true)
    expect(f.fire('will-attach-webview', 'https://example.com/')).toBe(true)
  })
  it('denies every new window', () => {
    const f = fakeContents()
    guardContents(f.contents as never)
    expect(f.open('https://example.com/')).toEqual({ action: 'deny' })
    expect(f.open(`${APP_ORIGIN}/index.html`)).toEqual({ action: 'deny' })
  })
  it('denies every permission request and check', () => {
    const got: Record<string, (...a: unknown[]) => unknown> = {}
    guardSession({
      setPermissionRequestHandler: (fn: never) => (got.request = fn),
      setPermissionCheckHandler: (fn: never) => (got.check = fn),
      setDevicePermissionHandler: (fn: never) => (got.device = fn)
    } as never)
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined
      got.request(null, p, (ok: boolean) => (granted = ok))
      expect(granted, p).toBe(false)
      expect(got.check(null, p)).toBe(false)
    }
    expect(got.device({})).toBe(false)
  })
  it('cancels network requests: no remote content', () => {
    for (const u of ['https://cdn.example.com/x.js', 'http://127.0.0.1:9/', 'wss://x/', 'ftp://x/']) expect(requestAllowed(u), u).toBe(false)
    for (const u of [`${APP_ORIGIN}/assets/a.js`, 'data:application/pdf;base64,AA==', 'devtools://devtools/']) expect(requestAllowed(u), u).toBe(true)
    expect(requestAllowed('not a url')).toBe(false)
    expect(navigationAllowed('app://desk.evil.com/')).toBe(false)
    expect(isAppUrl('app://desk/')).toBe(true)
  })
})

describe('IPC sender check', () => {
  const mainFrame = { url: `${APP_ORIGIN}/index.html` }
  const webContents = { mainFrame }
  const win = { webContents }
  it('trusts only our window, its top frame, on our origin', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, win)).toBe(true)
  })
  it('refuses another webContents (a second window, a printing view)', () => {
    expect(isTrustedSender({ sender: { mainFrame }, senderFrame: mainFrame }, win)).toBe(false)
  })
  it('refuses a subframe, even one on our origin', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, win)).toBe(false)
  })
  it('refuses our top frame once it shows a foreign page', () => {
    const foreign = { url: 'https://example.com/' }
    expect(isTrustedSender({ sender: { mainFrame: foreign }, senderFrame: foreign }, { webContents: { mainFrame: foreign } })).toBe(false)
  })
  it('refuses when there is no window or no frame (destroyed)', () => {
    expect(isTrustedSender({ sender: webContents, senderFrame: mainFrame }, null)).toBe(false)
    expect(isTrustedSender({ sender: webContents, senderFrame: null }, win)).toBe(false)
  })

  describe('with the read-back window open', () => {
    const rbFrame = { url: `${APP_ORIGIN}/index.html#/readback/7` }
    const rbContents = { mainFrame: rbFrame }
    const readBack = { webContents: rbContents }
    it('tells the desk window from the read-back window', () => {
      expect(senderRole({ sender: webContents, senderFrame: mainFrame }, { main: win, readBack })).toBe('main')
      expect(senderRole({ sender: rbContents, senderFrame: rbFrame }, { main: win, readBack })).toBe('readBack')
    })
    it('refuses the read-back window once closed, its subframes, and a foreign page in it', () => {
      expect(senderRole({ sender: rbContents, senderFrame: rbFrame }, { main: win, readBack: null })).toBeNull()
      expect(senderRole({ sender: rbContents, senderFrame: { url: `${APP_ORIGIN}/index.html` } }, { main: win, readBack })).toBeNull()
      const foreign = { url: 'https://example.com/' }
      expect(senderRole({ sender: { mainFrame: foreign }, senderFrame: foreign }, { main: win, readBack: { webContents: { mainFrame: foreign } } })).toBeNull()
    })
    it('the read-back window may only read its view and note a read-aloud; the desk window may call anything', () => {
      expect(senderMayCall('readBack', 'interview.readBackView')).toBe(true)
      expect(senderMayCall('readBack', 'interview.event')).toBe(true)
      for (const m of ['interview.get', 'cases.get', 'session.lock', 'backup.export', 'settings.set', 42]) expect(senderMayCall('readBack', m)).toBe(false)
      expect(senderMayCall('main', 'cases.get')).toBe(true)
      expect(senderMayCall(null, 'interview.readBackView')).toBe(false)
    })
  })
})

describe('the Electron shell (src/main/index.ts)', () => {
  beforeEach(() => {
    vi.resetModules()
    fake.windows.length = 0
    fake.switches.length = 0
    fake.quit = 0
    fake.appHandlers.clear()
    fake.protocolHandlers.clear()
    fake.appMenus.length = 0
    // A fresh user-data folder per start: each start holds its data folder's lock for good.
    fake.userData = mkdtempSync(join(tmpRoot, 'u-'))
  })

  it('quits when another instance holds the single-instance lock, before any window', async () => {
    fake.lockGranted = false
    await import('../index')
    expect(fake.quit).toBe(1)
    expect(fake.windows).toHaveLength(0)
    expect(fake.appHandlers.has('second-instance')).toBe(false)
  })

  it('opens one window with exactly the secure webPreferences and the guards installed', async () => {
    fake.lockGranted = true
    await import('../index')
    await fake.ready
    await vi.waitFor(() => expect(fake.windows[0]?.url).toBeDefined())
    const { options, url } = fake.windows[0]
    const prefs = options.webPreferences as Record<string, unknown>
    expect(prefs).toEqual(secureWebPreferences(prefs.preload as string, { devTools: false }))
    expect(url).toBe(`${APP_ORIGIN}/index.html`)
    expect(fake.appHandlers.has('second-instance')).toBe(true)
    expect(fake.appHandlers.has('web-contents-created')).toBe(true)
    expect(fake.permission.request).not.toBeNull()
    let granted: boolean | undefined
    fake.permission.request!(null, 'media', (ok: boolean) => (granted = ok))
    expect(granted).toBe(false)
    let cancelled: boolean | undefined
    fake.beforeRequest!({ url: 'https://example.com/x.js' }, (r) => (cancelled = r.cancel))
    expect(cancelled).toBe(true)
    // DevTools get closed if something opens them anyway.
    expect(fake.windows[0].contentsHandlers.has('devtools-opened')).toBe(true)
    expect(fake.switches).toContainEqual(['disable-crash-reporter'])
    // Date and month pickers in Chinese whatever the machine's own language.
    expect(fake.switches).toContainEqual(['lang', 'zh-CN'])
    expect(fake.ipcHandlers.has('desk:invoke')).toBe(true)
    // No application menu (Electron's default has Reload, Force Reload and Toggle DevTools).
    expect(fake.appMenus).toEqual([null])
  })

  it('routes IPC from our window\'s top frame and refuses anything else', async () => {
    fake.lockGranted = true
    await import('../index')
    await vi.waitFor(() => expect(fake.windows[0]?.url).toBeDefined())
    const handler = fake.ipcHandlers.get('desk:invoke') as (e: unknown, m: unknown, a: unknown) => Promise<{ ok: boolean; code?: string }>
    const wc = (fake.windows[0].instance as { webContents: { mainFrame: { url: string } } }).webContents
    expect(await handler({ sender: wc, senderFrame: wc.mainFrame }, 'desk.status', {})).toMatchObject({ ok: true })
    expect(await handler({ sender: {}, senderFrame: wc.mainFrame }, 'desk.status', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await handler({ sender: wc, senderFrame: { url: 'app://desk/index.html' } }, 'desk.status', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('serves app://desk with the strict CSP and nothing outside the renderer folder', async () => {
    fake.lockGranted = true
    await import('../index')
    await vi.waitFor(() => expect(fake.protocolHandlers.get('app')).toBeDefined())
    const handle = fake.protocolHandlers.get('app')!
    const page = await handle(new Request('app://desk/index.html'))
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ connectSelf: false }))
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await handle(new Request('app://desk/..%2F..%2Fmain%2Findex.js'))).status).toBe(404)
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
    expect(fake.privileged).toContainEqual(expect.objectContaining({ scheme: 'app' }))
  })
})

describe('the preload', () => {
  it('exposes window.desk with exactly invoke and on, and refuses names outside the contract', async () => {
    fake.exposed.length = 0
    fake.ipcRendererInvokes.length = 0
    await import('../../preload/index')
    expect(fake.exposed.map(([n]) => n)).toEqual(['desk'])
    const api = fake.exposed[0][1] as Record<string, (...a: unknown[]) => unknown>
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(await api.invoke('fs.readFile', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CALL' })
    expect(fake.ipcRendererInvokes).toHaveLength(0)
    await api.invoke('desk.status', {})
    expect(fake.ipcRendererInvokes).toEqual([['desk:invoke', 'desk.status', {}]])
    const off = api.on('not.an.event', () => {})
    expect(typeof off).toBe('function')
  })
})

describe('packaging (electron-builder.json, as electron-builder itself loads and validates it)', () => {
  const root = resolve(__dirname, '../../..')
  async function config() {
    const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const { DebugLogger } = await import('builder-util')
    const cfg = await getConfig(root, null, null)
    await validateConfiguration(cfg, new DebugLogger(false))
    return cfg
  }

  it('sets the Electron fuses: no RunAsNode, NODE_OPTIONS or inspect; asar integrity and asar-only on', async () => {
    const fuses = (await config()).electronFuses
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('builds a Windows NSIS installer and Linux AppImage and deb packages from the built app only', async () => {
    const cfg = await config()
    const targets = (t: unknown) => (Array.isArray(t) ? t : [t]).map((x) => (typeof x === 'string' ? x : (x as { target: string }).target))
    expect(targets(cfg.win?.target)).toEqual(['nsis'])
    expect(targets(cfg.linux?.target).sort()).toEqual(['AppImage', 'deb'])
    expect(cfg.asar).toBe(true)
    const files = (cfg.files as unknown[]).flatMap((f) => (typeof f === 'string' ? [f] : (f as { filter: string[] }).filter))
    expect(files).toContain('out/**/*')
    expect(files.some((f) => f.startsWith('src') || f.startsWith('tests'))).toBe(false)
    // Native modules built from source for Electron (scripts/dist.mjs adds secure memory to the flags).
    expect(cfg.buildDependenciesFromSource).toBe(true)
    // Uninstalling never deletes the encrypted database.
    expect(cfg.nsis?.deleteAppDataOnUninstall).toBe(false)
  })

  it('ships the PDF fonts outside the asar as <resources>/fonts, where the engine looks in a packaged app', async () => {
    const cfg = await config()
    const extra = (cfg.extraResources as { from: string; to: string; filter?: string[] }[]).find((e) => e.to === 'fonts')
    expect(extra).toBeDefined()
    expect(extra!.from).toBe('resources/fonts')
    expect(extra!.filter ?? ['**/*']).toContain('**/*')
    // The folder it copies holds every font the engine loads, and their coverage index.
    const { FONT_FILES } = await import('../pdf/fonts')
    for (const f of [...Object.values(FONT_FILES), 'coverage.json']) expect(existsSync(join(root, extra!.from, f)), f).toBe(true)
  })
})
