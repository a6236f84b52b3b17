import Database from 'better-sqlite3'
import { randomBytes } from 'node:crypto'
import { closeSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { keyHandle } from '../../src/main/db/open'
import { readBackup, sealShare, writeBackup, type ExportJob, type SealJob } from '../../src/main/backup/engine'
import { CHUNK, newRecipient, newScryptSpec, TAG_LEN } from '../../src/main/backup/format'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import { tempDir } from '../support/desk'
import { BACKUP_PASS } from './backup-helpers'

/**
 * The format-2 body at the engine's level: a large database sealed in two halves by two threads,
 * the fallback when the helper fails, chunks that cannot be moved, and the second lock (the live
 * database's own bytes never appear in the backup).
 */
let t: { dir: string; cleanup(): void }
let live: string
let key: Buffer
let job: (target: string) => ExportJob
let pageOne: Buffer
let writer: Database.Database

beforeAll(() => {
  t = tempDir('desk-fmt-')
  live = join(t.dir, 'live.db')
  key = randomBytes(32)
  const db = new Database(live)
  writer = db
  keyHandle(db, key)
  db.pragma('journal_mode = WAL')
  // About 24 MB: enough chunks (> 256) for the export to split the main file between two threads.
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  const ins = db.prepare('INSERT INTO notes (body) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 40_000; i++) ins.run(randomBytes(300).toString('base64'))
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  // And a few commits left in the log (the connection stays open, so nothing folds them in), so the
  // backup carries both sections.
  db.pragma('wal_autocheckpoint = 0')
  for (let i = 0; i < 5; i++) ins.run(`in the log ${i}`)
  pageOne = readFileSync(live).subarray(0, 4096)
  const recipient = newRecipient(BACKUP_PASS, newScryptSpec(SCRYPT_TEST))
  job = (target) => ({ livePath: live, liveKey: Uint8Array.from(key), target, recipient, appVersion: '1.0.0', createdAt: new Date().toISOString(), keyring: { format: 1, lookupSalt: '00', slots: [] } })
})
afterAll(() => {
  writer.close()
  t.cleanup()
})

async function check(file: string) {
  const extractTo = join(t.dir, `check-${randomBytes(4).toString('hex')}.db`)
  return readBackup({ file, passphrase: BACKUP_PASS, extractTo, latestSchema: 99 }, () => {})
}

describe('format 2: the sealed body', () => {
  it('a helper thread seals the second half of the main file in place, and the result verifies', async () => {
    const shares: SealJob[] = []
    const target = join(t.dir, 'helped.pdbackup')
    // The helper runs here, in turn, with the same function the worker thread runs.
    const out = await writeBackup(job(target), () => {}, async (share) => {
      shares.push(share)
      return sealShare(share)
    })
    expect(shares).toHaveLength(1)
    expect(shares[0].span.from).toBeGreaterThan(0)
    expect(shares[0].span.to).toBe(Math.ceil(shares[0].span.plainLength / CHUNK))
    expect(out.tables.notes).toBe(40_005)
    const v = await check(target)
    expect(v.manifest.tables.notes).toBe(40_005)
    expect(v.manifest.walLength).toBeGreaterThan(0)
  })

  it('a helper that fails leaves its half to the exporting thread, and the result is the same database', async () => {
    const target = join(t.dir, 'fallback.pdbackup')
    let asked = 0
    await writeBackup(job(target), () => {}, async (share) => {
      asked++
      // A helper that wrote garbage over the start of its span and then died.
      const fd = openSync(share.target, 'r+')
      writeSync(fd, randomBytes(4096), 0, 4096, share.span.bodyOffset + share.span.from * (CHUNK + TAG_LEN))
      closeSync(fd)
      return null
    })
    expect(asked).toBe(1)
    expect((await check(target)).manifest.tables.notes).toBe(40_005)
  })

  it('two chunks swapped → damaged: a chunk is bound to its place', async () => {
    const target = join(t.dir, 'swap.pdbackup')
    await writeBackup(job(target), () => {})
    const bytes = readFileSync(target)
    const stride = CHUNK + TAG_LEN
    const a = bytes.subarray(3 * stride, 4 * stride)
    const b = bytes.subarray(7 * stride, 8 * stride)
    const swapped = Buffer.concat([bytes.subarray(0, 3 * stride), b, bytes.subarray(4 * stride, 7 * stride), a, bytes.subarray(8 * stride)])
    expect(swapped.length).toBe(bytes.length)
    const f = join(t.dir, 'swapped.pdbackup')
    writeFileSync(f, swapped)
    await expect(check(f)).rejects.toMatchObject({ problem: 'damaged', detail: 'chunk' })
    // Nothing is left behind by the failed check.
    expect(readdirSync(t.dir).filter((n) => n.startsWith('check-'))).toEqual([])
  })

  it('two locks: the live database’s own encrypted bytes do not appear in the backup', async () => {
    const target = join(t.dir, 'locks.pdbackup')
    await writeBackup(job(target), () => {})
    const bytes = readFileSync(target)
    // Page 1 of the live file (its salt and first b-tree page, under the data key): not in the file,
    // nor any 64-byte stretch of it. Someone holding only the data key has nothing to decrypt.
    expect(bytes.includes(pageOne)).toBe(false)
    for (let off = 0; off + 64 <= pageOne.length; off += 512) expect(bytes.includes(pageOne.subarray(off, off + 64))).toBe(false)
  })
})
