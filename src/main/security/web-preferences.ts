/**
 * The renderer's webPreferences, in one place so a test can read the real values.
 * No electron import here: this module is plain data.
 */
export function secureWebPreferences(preload: string, opts: { devTools?: boolean } = {}) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // A middle click on a link would otherwise ask for a new window.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    plugins: false,
    // DevTools only when a developer asks for them in an unpackaged build (see devToolsAllowed).
    devTools: opts.devTools ?? false
  } as const
}

/** DevTools: never in a packaged app; in development only on explicit request. */
export function devToolsAllowed(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return !isPackaged && env.NODE_ENV === 'development' && env.DESK_DEVTOOLS === '1'
}

/** The only origin the app's own pages have; IPC from anything else is refused. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://desk`

/** Is a frame URL one of ours? Used by the IPC sender check and the navigation guard. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === `${APP_SCHEME}:` && u.host === 'desk'
  } catch {
    return false
  }
}
