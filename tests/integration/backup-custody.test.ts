import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import * as backup from '../../src/main/backup/service'
import { classify, deriveKek, FOOTER_LEN, openManifest, unwrapBackupKey, type Trailer } from '../../src/main/backup/format'
import { readKeyring, unwrapKey } from '../../src/main/db/keyring'
import { setupDesk, SUPERVISOR, WORKER, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS, seed } from './backup-helpers'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function trailerOf(file: string): Trailer {
  const bytes = readFileSync(file)
  const f = classify(bytes.subarray(0, 16), bytes.subarray(bytes.length - FOOTER_LEN), bytes.length)
  return JSON.parse(bytes.subarray(f.bodyLength, f.bodyLength + f.trailerLength).toString('utf8')) as Trailer
}

/** Every 32-byte value written as hex anywhere in a text: what someone with the files would try as a key. */
function hexKeys(text: string): Buffer[] {
  return [...new Set(text.match(/[0-9a-f]{64}/gi) ?? [])].map((h) => Buffer.from(h, 'hex'))
}

describe('who can open a backup', () => {
  it('the data key and every login passphrase leave its manifest and body closed; the backup passphrase opens it', async () => {
    const d: TestDesk = setupDesk({ withWorker: true })
    cleanups.push(() => d.cleanup())
    seed(d.desk.db().sqlite)
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const out = tempDir('desk-custody-')
    cleanups.push(out.cleanup)
    const res = await backup.exportBackup(d.desk, { folder: out.dir })
    const trailer = trailerOf(res.file)

    // Everything someone with an account has: the data key (from any slot), the whole database
    // (every setting, every row) and the keyring file.
    const ring = readKeyring(d.dataDir)!
    const slotKeys = [SUPERVISOR, WORKER].map((u) => ring.slots.map((s) => unwrapKey(s, u.passphrase)).find(Boolean)!)
    expect(slotKeys.every((k) => k.equals(d.desk.dbKey()))).toBe(true)
    const db = d.desk.db().sqlite
    const everything = JSON.stringify([
      db.prepare('SELECT * FROM settings').all(),
      ...(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'`).all() as { name: string }[]).map((t) =>
        db.prepare(`SELECT * FROM "${t.name}"`).all()
      ),
      readFileSync(`${d.dataDir}/keyring.json`, 'utf8')
    ])
    const candidates = [d.desk.dbKey(), ...hexKeys(everything)]
    expect(candidates.length).toBeGreaterThan(3)
    for (const k of candidates) expect(() => unwrapBackupKey(k, trailer)).toThrow('wrongPassphrase')
    for (const pass of [SUPERVISOR.passphrase, WORKER.passphrase, d.desk.dbKey().toString('hex')]) {
      expect(() => unwrapBackupKey(deriveKek(pass, trailer.kdf), trailer)).toThrow('wrongPassphrase')
      expect((await backup.verifyBackup(null, { file: res.file, passphrase: pass }).catch((e) => e)).code).toBe('BACKUP_WRONG_PASSPHRASE')
    }

    // The backup passphrase opens it, and only it.
    const key = unwrapBackupKey(deriveKek(BACKUP_PASS, trailer.kdf), trailer)
    expect(openManifest(key, trailer).tables.cases).toBeGreaterThan(0)
    expect((await backup.verifyBackup(d.desk, { file: res.file, passphrase: BACKUP_PASS })).ok).toBe(true)
  })

  it('the database keeps no key derived from the backup passphrase, only a public key and a sealed private key', () => {
    const d: TestDesk = setupDesk()
    cleanups.push(() => d.cleanup())
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const rows = d.desk.db().sqlite.prepare(`SELECT key FROM settings WHERE key LIKE 'backup.%'`).all() as { key: string }[]
    expect(rows.map((r) => r.key)).toEqual(['backup.recipient'])
    // Exports still need no typing.
    expect(backup.backupStatus(d.desk).passphraseSet).toBe(true)
  })
})

describe('upgrading from a version that kept the backup key in the database', () => {
  it('the old key is removed at the next open and the supervisor is asked to set the backup passphrase again', async () => {
    const session = await import('../../src/main/session/service')
    const d: TestDesk = setupDesk()
    cleanups.push(() => d.cleanup())
    const at = new Date().toISOString()
    d.desk.db().sqlite.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('backup.kek', ?, ?)`).run(JSON.stringify({ kek: 'ab'.repeat(32), setAt: at }), at)
    session.logout(d.desk)
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(d.desk.db().sqlite.prepare(`SELECT 1 FROM settings WHERE key = 'backup.kek'`).get()).toBeUndefined()
    expect(backup.backupStatus(d.desk).passphraseSet).toBe(false)
  })
})
