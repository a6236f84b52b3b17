import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron'
import type { Platform } from './platform'
import { writeFileAtomic } from '../fs/atomic'

export function createElectronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    async saveFile(suggestedName, bytes, filters) {
      const win = getWindow()
      const opts = { defaultPath: suggestedName, filters: filters ?? [{ name: 'PDF', extensions: ['pdf'] }] }
      const res = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts)
      if (res.canceled || !res.filePath) return null
      writeFileAtomic(res.filePath, bytes)
      return res.filePath
    },
    async chooseFolder(title) {
      const win = getWindow()
      // createDirectory: a supervisor may want a fresh folder on the USB drive (macOS needs the flag).
      const opts: OpenDialogOptions = { title, properties: ['openDirectory', 'createDirectory'] }
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return res.canceled || res.filePaths.length === 0 ? null : res.filePaths[0]
    },
    async chooseFile(filters) {
      const win = getWindow()
      const opts: OpenDialogOptions = { properties: ['openFile'], filters }
      const res = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts)
      return res.canceled || res.filePaths.length === 0 ? null : res.filePaths[0]
    },
    async printPdf(bytes) {
      // Chromium's PDF viewer prints from memory: a data URL, so no temp file holds the form.
      const viewer = new BrowserWindow({
        show: false,
        // Chromium's PDF viewer is a plugin; everything else is as locked down as the main window.
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          plugins: true,
          devTools: false,
          disableBlinkFeatures: 'Auxclick'
        }
      })
      try {
        await viewer.loadURL(`data:application/pdf;base64,${Buffer.from(bytes).toString('base64')}`)
        return await new Promise<boolean>((resolve) =>
          viewer.webContents.print({ silent: false, printBackground: true }, (ok) => resolve(ok))
        )
      } finally {
        viewer.destroy()
      }
    }
  }
}
