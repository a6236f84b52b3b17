import type { DeskApi } from '../shared/ipc/client'

declare global {
  interface Window {
    /** Present in Electron (the preload); in browser mode the renderer builds it over loopback. */
    desk?: DeskApi
  }
}
export {}
