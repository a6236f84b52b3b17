import { app, session, type Session, type WebContents } from 'electron'
import { isAppUrl } from './web-preferences'

/**
 * Everything a renderer could do to leave the app is refused: navigation, redirects, new windows,
 * <webview>, and permission requests (camera, microphone, notifications, geolocation…).
 */
export function installGlobalGuards(): void {
  app.on('web-contents-created', (_e, contents) => guardContents(contents))
  guardSession(session.defaultSession)
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !requestAllowed(details.url) }))
}

/**
 * No remote content: the app's pages come from app://desk, PDFs are shown from data: URLs in
 * Chromium's own viewer. Anything on the network (http, https, ws, ftp) is cancelled.
 */
export function requestAllowed(url: string): boolean {
  let scheme: string
  try {
    scheme = new URL(url).protocol
  } catch {
    return false
  }
  return !['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(scheme)
}

/** No permission is ever granted: the app needs none, and a prompt could be abused. */
export function guardSession(s: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  s.setPermissionCheckHandler(() => false)
  s.setDevicePermissionHandler(() => false)
}

/** Navigation inside our own origin (the app's pages) is allowed; anything else is stopped. */
export function navigationAllowed(url: string): boolean {
  return isAppUrl(url)
}

export function guardContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url)) event.preventDefault()
  })
  // Our pages never redirect; a redirect can only come from something we did not load.
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}
