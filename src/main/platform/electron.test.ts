import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The Electron platform against a recording fake of the electron module: what the pickers ask
 * the OS dialog for, and what a cancelled dialog returns.
 */
const fake = vi.hoisted(() => ({
  openCalls: [] as { parent: unknown; opts: Record<string, unknown> }[],
  next: { canceled: false, filePaths: [] as string[] }
}))

vi.mock('electron', () => {
  class BrowserWindow {}
  return {
    BrowserWindow,
    screen: { getAllDisplays: () => [], getPrimaryDisplay: () => ({ id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } }) },
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

import { createElectronPlatform } from './electron'

beforeEach(() => {
  fake.openCalls.length = 0
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
