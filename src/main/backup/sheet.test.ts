import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { setBackupPassphrase } from './service'
import { backupSheetPdf } from './sheet'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

describe('backup passphrase sheet', () => {
  it('prints where to write the passphrase and how to restore, in either language, never the passphrase', async () => {
    d = setupDesk()
    const pass = 'harbour lantern quietly folding maps'
    setBackupPassphrase(d.desk, { passphrase: pass, understood: true })
    const dir = mkdtempSync(join(tmpdir(), 'desk-sheet-'))
    try {
      for (const [locale, title, warn] of [
        ['zh-CN', '备份密码登记表', '备份密码一旦丢失'],
        ['yue-HK', '備份密碼登記表', '備份密碼一旦遺失']
      ] as const) {
        const f = join(dir, `${locale}.pdf`)
        writeFileSync(f, await backupSheetPdf(d.desk, locale))
        const text = execFileSync('pdftotext', [f, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
        expect(text).toContain(title)
        expect(text).toContain(warn)
        expect(text).not.toContain('harbour')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
