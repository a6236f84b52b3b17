import { app, session, type WebContents } from 'electron'
import { isAppUrl } from './web-preferences'

/**
 * Everything a renderer could do to leave the app is refused: navigation, redirects, new windows,
 * <webview>, and permission requests (camera, microphone, notifications, geolocation…).
 */
export function installGlobalGuards(): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents))
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  session.defaultSession.setDevicePermissionHandler(() => false)
}

export function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
