import { isAppUrl } from '../security/web-preferences'

/**
 * The IPC sender check as a pure decision, so it can be tested with fake events. A message is
 * trusted only when it comes from our window's webContents, from its top frame (not an iframe),
 * and that frame shows one of our own pages (app://desk). Borrowed from VS Code's ipcMain check.
 */
export interface SenderLike {
  sender: unknown
  senderFrame: { url: string } | null | undefined
}
export interface WindowLike {
  webContents: { mainFrame: unknown }
}

export function isTrustedSender(event: SenderLike, win: WindowLike | null | undefined): boolean {
  if (!win) return false
  const frame = event.senderFrame
  if (!frame) return false
  if (event.sender !== win.webContents) return false
  if (frame !== win.webContents.mainFrame) return false
  return isAppUrl(frame.url)
}
