import { BrowserWindow, dialog, screen, type OpenDialogOptions } from 'electron'
import type { Platform } from './platform'
import { APP_ORIGIN, secureWebPreferences } from '../security/web-preferences'
import { writeFileAtomic } from '../fs/atomic'

export interface SecondWindowOptions {
  /** The preload every window of ours gets (window.desk). */
  preload: string
  devTools?: boolean
}

export interface ElectronPlatform extends Platform {
  /** The read-back window while it is open (the IPC transport accepts its top frame too). */
  secondWindow(): BrowserWindow | null
}

/** Routes the second window may show: `<feature>/<id>` only, so nothing else can be loaded into it. */
export function secondWindowUrl(route: string): string | null {
  return /^[a-z][a-z-]{0,30}(\/[0-9]{1,12})?$/.test(route) ? `${APP_ORIGIN}/index.html#/${route}` : null
}

interface DisplayLike {
  id: number
  bounds: { x: number; y: number; width: number; height: number }
}

/** The display facing the petitioner: any display other than the one the desk's window is on. */
export function otherDisplay(displays: DisplayLike[], deskDisplayId: number | null): DisplayLike | null {
  return displays.find((d) => d.id !== deskDisplayId) ?? null
}

export function createElectronPlatform(getWindow: () => BrowserWindow | null, second?: SecondWindowOptions): ElectronPlatform {
  let readBack: BrowserWindow | null = null
  const closeSecond = () => {
    const w = readBack
    readBack = null
    if (w && !w.isDestroyed()) w.destroy()
  }
  return {
    secondWindow: () => (readBack && !readBack.isDestroyed() ? readBack : null),
    async openSecondWindow(route) {
      const url = secondWindowUrl(route)
      if (!url || !second) throw new Error('second window unavailable')
      if (readBack && !readBack.isDestroyed()) {
        await readBack.loadURL(url)
        readBack.show()
        return
      }
      const main = getWindow()
      const deskDisplay = main ? screen.getDisplayMatching(main.getBounds()) : null
      const target = otherDisplay(screen.getAllDisplays(), deskDisplay?.id ?? null)
      const w = new BrowserWindow({
        // On a second monitor, full screen facing the visitor; otherwise a window the worker can move.
        ...(target
          ? { x: target.bounds.x, y: target.bounds.y, width: target.bounds.width, height: target.bounds.height, fullscreen: true }
          : { width: 1100, height: 800 }),
        show: false,
        title: 'Petition Desk',
        autoHideMenuBar: true,
        webPreferences: secureWebPreferences(second.preload, { devTools: second.devTools })
      })
      readBack = w
      if (!second.devTools) w.webContents.on('devtools-opened', () => w.webContents.closeDevTools())
      w.once('ready-to-show', () => {
        if (!w.isDestroyed()) w.showInactive()
      })
      w.on('closed', () => {
        if (readBack === w) readBack = null
      })
      await w.loadURL(url)
    },
    closeSecondWindow: closeSecond,
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
