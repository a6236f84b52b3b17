import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { keyHandle } from '../db/open'
import { SCRYPT_TEST } from '../db/keyring'
import { readBackup, writeBackup, type ExportJob } from './engine'
import { newRecipient, newScryptSpec } from './format'
import { runTask } from './runner'

/**
 * Issue #11, LOW: the database key handed to the backup worker is bytes (never a hex string that
 * lingers in memory), moved to the worker rather than copied, and zeroed once the export is done.
 */
const dirs: string[] = []
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true })
})

function liveDb(): { dir: string; live: string; key: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bkkeys-'))
  dirs.push(dir)
  const key = randomBytes(32)
  const live = join(dir, 'desk.db')
  const db = new Database(live)
  keyHandle(db, key)
  db.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1), (2)')
  db.close()
  return { dir, live, key }
}

const job = (live: string, key: Buffer, target: string, pass: string): ExportJob => ({
  livePath: live,
  liveKey: Uint8Array.from(key),
  target,
  recipient: newRecipient(pass, newScryptSpec(SCRYPT_TEST)),
  appVersion: '1.0.0',
  createdAt: new Date().toISOString(),
  keyring: { format: 1, lookupSalt: '00', slots: [] }
})

describe('keys handed to the backup worker', () => {
  it('are bytes, zeroed by the engine when the export is done', async () => {
    const { dir, live, key } = liveDb()
    const j = job(live, key, join(dir, 'a.pdbackup'), 'pass phrase one')
    expect(j.liveKey).toBeInstanceOf(Uint8Array)
    await writeBackup(j, () => {})
    expect(j.liveKey.every((b) => b === 0)).toBe(true)
  })

  it('are moved to the worker thread (the sender keeps nothing), and a restore gets its key back as bytes', async () => {
    const { dir, live, key } = liveDb()
    const j = job(live, key, join(dir, 'b.pdbackup'), 'pass phrase two')
    const sent = j.liveKey
    const done = runTask({ kind: 'export', job: j }, () => {})
    // Transferred or (where no worker can start) used inline and zeroed: either way nothing readable stays here.
    await done
    expect(sent.byteLength === 0 || sent.every((b) => b === 0)).toBe(true)
    const read = readBackup({ file: join(dir, 'b.pdbackup'), passphrase: 'pass phrase two', extractTo: join(dir, 'x.db'), keep: true, latestSchema: 99 }, () => {})
    expect(read.secrets!.dataKey).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(read.secrets!.dataKey).equals(key)).toBe(true)
  })
})
