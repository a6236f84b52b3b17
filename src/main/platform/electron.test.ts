import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The Electron platform against a recording fake of the electron module: what the pickers ask
 * the OS dialog for, and what a cancelled dialog returns.
 */
const fake = vi.hoisted(() => ({
  openCalls: [] as { parent: unknown; opts: Record<string, unknown> }[],
  next: { canceled: false, filePaths: [] as string[] },
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }] as { id: number; bounds: { x: number; y: number; width: number; height: number } }[],
  windows: [] as { options: Record<string, unknown>; urls: string[]; destroyed: boolean; handlers: Map<string, () => void> }[]
}))

vi.mock('electron', () => {
  class BrowserWindow {
    rec: (typeof fake.windows)[number]
    webContents = { on: () => {}, closeDevTools: () => {} }
    constructor(options: Record<string, unknown>) {
      this.rec = { options, urls: [], destroyed: false, handlers: new Map() }
      fake.windows.push(this.rec)
    }
    async loadURL(url: string) {
      this.rec.urls.push(url)
    }
    once(ev: string, fn: () => void) {
      this.rec.handlers.set(ev, fn)
    }
    on(ev: string, fn: () => void) {
      this.rec.handlers.set(ev, fn)
    }
    show() {}
    showInactive() {}
    isDestroyed() {
      return this.rec.destroyed
    }
    destroy() {
      this.rec.destroyed = true
      this.rec.handlers.get('closed')?.()
    }
    getBounds() {
      return { x: 10, y: 10, width: 1366, height: 768 }
    }
  }
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => fake.displays, getDisplayMatching: () => fake.displays[0] },
    dialog: {
      showOpenDialog: async (...a: unknown[]) => {
        const [parent, opts] = a.length === 2 ? a : [null, a[0]]
        fake.openCalls.push({ parent, opts: opts as Record<string, unknown> })
        return fake.next
      },
      showSaveDialog: async () => ({ canceled: true })
    }
  }
})

import { createElectronPlatform, secondWindowUrl } from './electron'
import { secureWebPreferences } from '../security/web-preferences'

beforeEach(() => {
  fake.openCalls.length = 0
  fake.windows.length = 0
  fake.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }]
})

describe('native pickers', () => {
  const win = { id: 'main' }
  const platform = createElectronPlatform(() => win as never)

  it('chooseFolder asks for a directory (with its title) and returns the chosen path', async () => {
    fake.next = { canceled: false, filePaths: ['/media/usb/backups'] }
    await expect(platform.chooseFolder!('备份文件夹')).resolves.toBe('/media/usb/backups')
    expect(fake.openCalls[0].parent).toBe(win)
    expect(fake.openCalls[0].opts.title).toBe('备份文件夹')
    expect(fake.openCalls[0].opts.properties).toContain('openDirectory')
    expect(fake.openCalls[0].opts.properties).not.toContain('openFile')
  })

  it('chooseFile asks for one file with the given filters', async () => {
    fake.next = { canceled: false, filePaths: ['/media/usb/a.pdbackup'] }
    const filters = [{ name: 'Backup', extensions: ['pdbackup'] }]
    await expect(platform.chooseFile!(filters)).resolves.toBe('/media/usb/a.pdbackup')
    expect(fake.openCalls[0].opts.properties).toEqual(['openFile'])
    expect(fake.openCalls[0].opts.filters).toEqual(filters)
  })

  it('a cancelled picker returns null', async () => {
    fake.next = { canceled: true, filePaths: [] }
    await expect(platform.chooseFolder!()).resolves.toBeNull()
    await expect(platform.chooseFile!()).resolves.toBeNull()
    // Some platforms report "not cancelled" with no path when the dialog is dismissed.
    fake.next = { canceled: false, filePaths: [] }
    await expect(platform.chooseFile!()).resolves.toBeNull()
  })

  it('without a window the dialog is app-modal rather than failing', async () => {
    fake.next = { canceled: false, filePaths: ['/x'] }
    await expect(createElectronPlatform(() => null).chooseFolder!()).resolves.toBe('/x')
    expect(fake.openCalls[0].parent).toBeNull()
  })
})

describe('the read-back (second) window', () => {
  const main = { id: 'main', getBounds: () => ({ x: 10, y: 10, width: 1366, height: 768 }) }
  const make = () => createElectronPlatform(() => main as never, { preload: '/app/out/preload/index.js' })

  it('loads our read-back route with the same locked-down preferences and preload as the desk window', async () => {
    const p = make()
    await p.openSecondWindow!('readback/7')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0].urls).toEqual(['app://desk/index.html#/readback/7'])
    expect(fake.windows[0].options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.js', { devTools: false }))
    expect(fake.windows[0].options.fullscreen).toBeUndefined()
    expect(p.secondWindow()).not.toBeNull()
  })

  it('goes full screen on the other display when there is one', async () => {
    fake.displays = [fake.displays[0], { id: 2, bounds: { x: 1366, y: 0, width: 1920, height: 1080 } }]
    await make().openSecondWindow!('readback/7')
    expect(fake.windows[0].options).toMatchObject({ x: 1366, y: 0, width: 1920, height: 1080, fullscreen: true })
  })

  it('reuses the open window, and closing (the desk locked) destroys it', async () => {
    const p = make()
    await p.openSecondWindow!('readback/7')
    await p.openSecondWindow!('readback/8')
    expect(fake.windows).toHaveLength(1)
    expect(fake.windows[0].urls.at(-1)).toBe('app://desk/index.html#/readback/8')
    p.closeSecondWindow!()
    expect(fake.windows[0].destroyed).toBe(true)
    expect(p.secondWindow()).toBeNull()
  })

  it('refuses routes that are not ours and loads nothing', async () => {
    for (const r of ['https://example.com', '../x', 'readback/7?x=1', 'readback/7#a', '']) {
      expect(secondWindowUrl(r)).toBeNull()
      await expect(make().openSecondWindow!(r)).rejects.toThrow('second window unavailable')
    }
    expect(fake.windows).toHaveLength(0)
  })
})
