import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { Router } from './router'
import { senderMayCall, senderRole } from './sender'

export const INVOKE_CHANNEL = 'desk:invoke'
export const EVENT_CHANNEL = 'desk:event'

/**
 * Electron's transport: a thin layer over the router. Every message's sender must be the top frame
 * of one of our windows, loaded from our own origin (see sender.ts); the read-back window may make
 * only the few calls its view needs. Push events go to the desk's window only.
 */
export function registerElectronTransport(
  router: Router,
  getWindow: () => BrowserWindow | null,
  getReadBackWindow: () => BrowserWindow | null = () => null
): () => void {
  const handler = async (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    const role = senderRole(event, { main: getWindow(), readBack: getReadBackWindow() })
    if (!senderMayCall(role, method)) return { ok: false, code: 'FORBIDDEN', messageKey: 'errors:ipc.untrustedSender' }
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
