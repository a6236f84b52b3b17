import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import * as backup from '../../src/main/backup/service'
import { setupDesk, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS, newerAppBackup, seed } from './backup-helpers'

// The checks run in this thread here: the same engine, without a worker start per attempt.
process.env.DESK_BACKUP_INLINE = '1'

let d: TestDesk
let dir: { dir: string; cleanup(): void }
let good: string
let original: Buffer

beforeAll(async () => {
  d = setupDesk()
  seed(d.desk.db().sqlite, 200)
  backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
  dir = tempDir('desk-dmg-')
  good = (await backup.exportBackup(d.desk, { folder: dir.dir })).file
  original = readFileSync(good)
})
afterAll(() => {
  d.cleanup()
  dir.cleanup()
})

/** A fresh, empty desk: a failed restore must leave it exactly so. */
function freshDesk() {
  const t = tempDir('desk-fresh-')
  const app = createDeskApp({ dataDir: join(t.dir, 'data'), kdf: SCRYPT_TEST, idleWatch: false })
  return { app, dataDir: join(t.dir, 'data'), cleanup: () => (app.stop(), t.cleanup()) }
}

async function attempt(file: string, passphrase = BACKUP_PASS): Promise<{ code: string; messageKey: string }> {
  try {
    await backup.verifyBackup(d.desk, { file, passphrase })
    return { code: 'OK', messageKey: '' }
  } catch (err) {
    return err as { code: string; messageKey: string }
  }
}

describe('a damaged or foreign file is refused with the right message, and nothing changes', () => {
  it('the intact file verifies', async () => {
    expect((await attempt(good)).code).toBe('OK')
  })

  it('one flipped byte at each of 100 random positions: verify and restore both refuse it as damaged', async () => {
    const f = join(dir.dir, 'flipped.pdbackup')
    const fresh = freshDesk()
    try {
      const positions = new Set<number>([0, 15, 16, original.length - 1, original.length - 33, original.length - 40, original.length - 60])
      while (positions.size < 100) positions.add(Math.floor(Math.random() * original.length))
      for (const pos of positions) {
        const copy = Buffer.from(original)
        copy[pos] ^= 1 << Math.floor(Math.random() * 8)
        writeFileSync(f, copy)
        const r = await attempt(f)
        expect({ pos, code: r.code, key: r.messageKey }).toMatchObject({ pos, code: 'BACKUP_DAMAGED' })
        expect(['supervisor:backup.errors.damaged', 'supervisor:backup.errors.notBackup']).toContain(r.messageKey)
      }
      // Restore attempts on a fresh desk: refused, and the data folder stays empty (sampled: each is a full read).
      for (const pos of [...positions].slice(0, 10)) {
        const copy = Buffer.from(original)
        copy[pos] ^= 0x80
        writeFileSync(f, copy)
        await expect(backup.restoreFresh(fresh.app.desk, { file: f, passphrase: BACKUP_PASS })).rejects.toMatchObject({ code: 'BACKUP_DAMAGED' })
        expect(readdirSync(fresh.dataDir)).toEqual([])
        expect(session.status(fresh.app.desk).state).toBe('new')
      }
    } finally {
      fresh.cleanup()
    }
  })

  it.each([
    ['truncated by one byte', (b: Buffer) => b.subarray(0, b.length - 1), 'supervisor:backup.errors.notBackup'],
    ['truncated to half', (b: Buffer) => b.subarray(0, b.length >> 1), 'supervisor:backup.errors.notBackup'],
    ['cut inside the footer', (b: Buffer) => b.subarray(0, b.length - 40), 'supervisor:backup.errors.notBackup'],
    ['junk appended', (b: Buffer) => Buffer.concat([b, Buffer.from('junk')]), 'supervisor:backup.errors.notBackup'],
    ['empty', () => Buffer.alloc(0), 'supervisor:backup.errors.empty'],
    ['random bytes', (b: Buffer) => randomBytes(b.length), 'supervisor:backup.errors.notBackup'],
    ['a few random bytes', () => randomBytes(20), 'supervisor:backup.errors.notBackup']
  ])('%s → refused', async (_name, mutate, key) => {
    const f = join(dir.dir, 'mutated.pdbackup')
    writeFileSync(f, mutate(Buffer.from(original)))
    expect(await attempt(f)).toMatchObject({ code: 'BACKUP_DAMAGED', messageKey: key })
  })

  it('a plaintext SQLite database renamed to .pdbackup → refused as a plain database', async () => {
    const f = join(dir.dir, 'plain.pdbackup')
    const db = new Database(f)
    db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)')
    db.close()
    expect(await attempt(f)).toMatchObject({ code: 'BACKUP_DAMAGED', messageKey: 'supervisor:backup.errors.plainDatabase' })
  })

  it('the live encrypted database file itself → refused as not a backup', async () => {
    const f = join(dir.dir, 'live-copy.pdbackup')
    d.desk.db().sqlite.pragma('wal_checkpoint(TRUNCATE)')
    copyFileSync(join(d.dataDir, 'desk.db'), f)
    expect(await attempt(f)).toMatchObject({ code: 'BACKUP_DAMAGED', messageKey: 'supervisor:backup.errors.notBackup' })
  })

  it('a wrong backup passphrase is told apart from damage, and a failed restore changes nothing', async () => {
    expect(await attempt(good, 'this is not the backup passphrase')).toMatchObject({
      code: 'BACKUP_WRONG_PASSPHRASE',
      messageKey: 'supervisor:backup.errors.wrongPassphrase'
    })
    const fresh = freshDesk()
    try {
      await expect(backup.restoreFresh(fresh.app.desk, { file: good, passphrase: 'wrong wrong wrong wrong' })).rejects.toMatchObject({
        code: 'BACKUP_WRONG_PASSPHRASE'
      })
      expect(readdirSync(fresh.dataDir)).toEqual([])
      expect(readdirSync(join(fresh.dataDir, '..')).sort()).toEqual(['data', 'data.state'])
    } finally {
      fresh.cleanup()
    }
    // On the live desk a wrong passphrase on replace leaves the session and data as they were.
    const n = (d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
    await expect(backup.restoreReplace(d.desk, { file: good, passphrase: 'wrong wrong wrong wrong', confirm: '覆盖' })).rejects.toMatchObject({
      code: 'BACKUP_WRONG_PASSPHRASE'
    })
    expect(d.desk.isOpen).toBe(true)
    expect((d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(n)
  })

  it('a backup from a newer app (higher schema version) → refused as too new', async () => {
    const t = tempDir('desk-new-')
    try {
      const target = await newerAppBackup(t.dir)
      expect(await attempt(target)).toMatchObject({ code: 'BACKUP_TOO_NEW', messageKey: 'supervisor:backup.errors.tooNew' })
    } finally {
      t.cleanup()
    }
  })
})
