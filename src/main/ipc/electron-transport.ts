import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Router } from './router'
import { isTrustedSender } from './sender'

export const INVOKE_CHANNEL = 'desk:invoke'
export const EVENT_CHANNEL = 'desk:event'

/**
 * Electron's transport: a thin layer over the router. Every message's sender must be our window's
 * top frame, loaded from our own origin (see sender.ts).
 */
export function registerElectronTransport(router: Router, getWindow: () => BrowserWindow | null): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    if (!isTrustedSender(event, getWindow())) return { ok: false, code: 'FORBIDDEN', messageKey: 'errors:ipc.untrustedSender' }
    return router.invoke(method as string, args)
  }
  ipcMain.handle(INVOKE_CHANNEL, handler)
  const off = router.desk.onAny((event, payload) => {
    getWindow()?.webContents.send(EVENT_CHANNEL, { event, payload })
  })
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL)
    off()
  }
}
