/**
 * The renderer's webPreferences, in one place so a test can read the real values.
 * No electron import here: this module is plain data.
 */
export function secureWebPreferences(preload: string) {
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
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    // DevTools only in development builds.
    devTools: process.env.NODE_ENV === 'development'
  } as const
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
