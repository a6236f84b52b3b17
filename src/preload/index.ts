import { contextBridge, ipcRenderer } from 'electron'
import { METHODS } from '@shared/ipc/contract'
import type { DeskApi } from '@shared/ipc/client'

/**
 * window.desk is exactly the contract: `invoke` accepts only the contract's call names and
 * `on` only our push events. No ipcRenderer, no Node, nothing else reaches the page.
 */
const names = new Set<string>(METHODS)
const EVENTS = new Set(['session.locked', 'progress', 'notice'])

const api: DeskApi = {
  invoke: (method, args) => {
    if (!names.has(method as string)) {
      return Promise.resolve({ ok: false, code: 'UNKNOWN_CALL', messageKey: 'errors:ipc.unknownCall' }) as never
    }
    return ipcRenderer.invoke('desk:invoke', method, args)
  },
  on: (event, listener) => {
    if (!EVENTS.has(event)) return () => {}
    const wrapped = (_e: unknown, msg: { event: string; payload: unknown }) => {
      if (msg.event === event) listener(msg.payload as never)
    }
    ipcRenderer.on('desk:event', wrapped)
    return () => ipcRenderer.removeListener('desk:event', wrapped)
  }
}

contextBridge.exposeInMainWorld('desk', api)
