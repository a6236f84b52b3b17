import { isAppUrl } from '../security/web-preferences'

/**
 * The IPC sender check as a pure decision, so it can be tested with fake events. A message is
 * trusted only when it comes from one of our windows' webContents, from its top frame (not an
 * iframe), and that frame shows one of our own pages (app://desk). Borrowed from VS Code's ipcMain check.
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

/** Which of our windows sent a message: the desk itself, the petitioner-facing read-back, or none. */
export type SenderRole = 'main' | 'readBack'

export function senderRole(event: SenderLike, windows: { main?: WindowLike | null; readBack?: WindowLike | null }): SenderRole | null {
  if (isTrustedSender(event, windows.main)) return 'main'
  if (isTrustedSender(event, windows.readBack)) return 'readBack'
  return null
}

/**
 * The read-back window faces the petitioner and shows what was agreed: it may read that view and
 * note a read-aloud, nothing else (no case, no notes, no settings), whoever is at its keyboard.
 */
export const READ_BACK_METHODS: ReadonlySet<string> = new Set(['interview.readBackView', 'interview.event'])

export function senderMayCall(role: SenderRole | null, method: unknown): boolean {
  if (role === 'main') return true
  if (role === 'readBack') return typeof method === 'string' && READ_BACK_METHODS.has(method)
  return false
}
