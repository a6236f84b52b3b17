import { randomBytes } from 'node:crypto'
import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs'
import Database from 'better-sqlite3'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { signNewSlot } from './slots'
import { finishPendingRekey, newRecoveryKey, readKeyring, rekeyPaths, rewrapSlot, sealAuditKey, setRekeyInProgress, wrapKey, type Keyring, type KeySlot } from '../db/keyring'
import { eq } from 'drizzle-orm'
import { nativeBindingPath, openDatabase, ormOf } from '../db/open'
import { beginImmediate, checkpointTruncate, journalMode, keyHandle, rekeyHandle, rollback } from '../db/pragmas'
import { keySlots, users } from '../db/schema'
import { fsyncDir, writeFileAtomic } from '../fs/atomic'
import { anchorMac, appendAudit, auditKeyOf, chainHead, setAuditKey } from '../audit/chain'

/**
 * Rotating the database key: the whole database re-encrypted once under a new random key, and every
 * remaining slot re-wrapped for it (version 2 slots need nobody's passphrase). Whoever kept a copy of
 * the data folder from before (a revoked account, a lost laptop) holds the old key, which opens
 * nothing written afterwards.
 *
 * Safe against a kill at any point. The work happens on copies beside the live files:
 *   1. desk.db is copied (checkpointed, writers held off) to `desk.db.rekey.tmp`, re-encrypted there
 *      with `PRAGMA rekey`, fsynced and renamed to `desk.db.rekey`;
 *   2. the new keyring is written atomically as `keyring.next.json` (only once step 1 is complete);
 *   3. commit point: `desk.db.rekey` is renamed over `desk.db`;
 *   4. `keyring.next.json` is renamed over `keyring.json`.
 * `finishPendingRekey` (run before every keyring read) reads the leftovers: `keyring.next.json` with
 * `desk.db.rekey` still there means the swap never happened (both are removed, the old pair stays);
 * `keyring.next.json` alone means step 3 happened and step 4 is finished now. A `.tmp` is removed.
 */
export interface RekeyResult {
  /** Accounts whose slot could not be re-wrapped (they have not logged in since the update): they need a new passphrase. */
  needNewPassphrase: number[]
  /** A new recovery key when the old recovery slot could not be re-wrapped: shown once, print it. */
  recoveryKey: string | null
}

/** For tests: stop after a step, as a kill would. */
export type RekeyStep = 'copied' | 'rekeyed' | 'staged' | 'ringStaged' | 'swapped'

function copyWithProgress(from: string, to: string, progress: (done: number, total: number) => void): void {
  const src = openSync(from, 'r')
  const dst = openSync(to, 'wx', 0o600)
  try {
    const buf = Buffer.alloc(1 << 20)
    let pos = 0
    let n: number
    const total = Math.max(1, fstatSync(src).size)
    while ((n = readSync(src, buf, 0, buf.length, pos)) > 0) {
      let off = 0
      while (off < n) off += writeSync(dst, buf, off, n - off)
      pos += n
      progress(pos, total)
    }
    fsyncSync(dst)
  } finally {
    closeSync(src)
    closeSync(dst)
  }
}

let busy = false

/**
 * Rotate the database key (supervisor only; the router checks the role). The desk stays unlocked
 * for the supervisor afterwards, under the new key.
 */
export function rotateDatabaseKey(desk: Desk, opts: { stopAfter?: RekeyStep } = {}): RekeyResult {
  const s = desk.requireSession()
  if (busy) fail('CONFLICT', 'errors:rekey.busy')
  const ring = readKeyring(desk.dataDir) ?? fail('NOT_SET_UP', 'errors:setup.notYet')
  const p = rekeyPaths(desk.dataDir)
  const oldKey = Buffer.from(desk.dbKey())
  const newKey = randomBytes(32)
  const report = (done: number) => desk.emit('progress', { task: 'rekey', done: Math.round(done), total: 1000 })
  busy = true
  setRekeyInProgress(true)
  try {
    report(0)
    // Who keeps a slot: every active account's and the recovery slot, re-wrapped without a passphrase.
    const { sqlite: db, orm } = desk.db()
    const active = new Set(orm.select({ id: users.id }).from(users).where(eq(users.disabled, false)).all().map((r) => r.id))
    const slots: KeySlot[] = []
    const needNewPassphrase: number[] = []
    let recoveryKey: string | null = null
    for (const slot of ring.slots) {
      if (slot.kind === 'user' && (slot.userId == null || !active.has(slot.userId))) continue
      const next = rewrapSlot(slot, newKey)
      if (next) slots.push(next)
      else if (slot.kind === 'recovery') {
        recoveryKey = newRecoveryKey()
        const fresh = wrapKey(newKey, recoveryKey, { kind: 'recovery', lookup: '', userId: null }, desk.kdf, slot.id)
        // A new recovery slot is signed (and receives the keyring authority) like the old one.
        slots.push(ring.authority && desk.authority() ? signNewSlot(desk, ring, fresh, undefined) : fresh)
      } else if (slot.userId != null) needNewPassphrase.push(slot.userId)
    }
    const auditKey = auditKeyOf(db)
    const nextRing: Keyring = { ...ring, slots, ...(auditKey ? { audit: sealAuditKey(auditKey, newKey) } : {}) }
    const keptIds = new Set(slots.map((k) => k.id))

    // 1. A copy of one committed moment, writers held off while it is taken (this process is the
    // only writer: one process per data folder).
    checkpointTruncate(db)
    beginImmediate(db)
    try {
      rmSync(p.tmp, { force: true })
      copyWithProgress(p.db, p.tmp, (done, total) => report((done / total) * 400))
    } finally {
      rollback(db)
    }
    if (opts.stopAfter === 'copied') return { needNewPassphrase, recoveryKey }
    const staged = new Database(p.tmp, { fileMustExist: true, nativeBinding: nativeBindingPath() })
    try {
      keyHandle(staged, oldKey)
      setAuditKey(staged, auditKey)
      journalMode(staged, 'DELETE')
      rekeyHandle(staged, newKey)
      report(850)
      // The slot table and the audit trail tell the same story as the new keyring.
      const now = desk.now()
      const stagedOrm = ormOf(staged)
      staged.transaction(() => {
        for (const r of stagedOrm.select({ id: keySlots.id }).from(keySlots).all()) if (!keptIds.has(r.id)) stagedOrm.delete(keySlots).where(eq(keySlots.id, r.id)).run()
        appendAudit(staged, { actorId: s.userId, action: 'desk.rotateKey', details: { slots: slots.length, needNewPassphrase: needNewPassphrase.length, newRecoveryKey: recoveryKey !== null } }, now)
      })()
      if (auditKey) {
        const head = chainHead(staged)
        nextRing.auditHead = { ...head, mac: anchorMac(auditKey, head) }
      }
      journalMode(staged, 'WAL')
    } finally {
      setAuditKey(staged, null)
      staged.close()
    }
    const fd = openSync(p.tmp, 'r+')
    fsyncSync(fd)
    closeSync(fd)
    if (opts.stopAfter === 'rekeyed') return { needNewPassphrase, recoveryKey }
    renameSync(p.tmp, p.staged)
    fsyncDir(desk.dataDir)
    if (opts.stopAfter === 'staged') return { needNewPassphrase, recoveryKey }
    // 2. The new keyring beside the old one.
    writeFileAtomic(p.nextRing, JSON.stringify(nextRing, null, 1))
    if (opts.stopAfter === 'ringStaged') return { needNewPassphrase, recoveryKey }
    report(900)
    // 3. Commit: the live connection closes (its log is empty: checkpointed, no writer since), the
    // re-encrypted file takes the place of the old one.
    const session = desk.session
    desk.close()
    desk.session = session
    for (const f of [`${p.db}-wal`, `${p.db}-shm`]) rmSync(f, { force: true })
    renameSync(p.staged, p.db)
    fsyncDir(desk.dataDir)
    if (opts.stopAfter === 'swapped') {
      desk.session = null
      return { needNewPassphrase, recoveryKey }
    }
    // 4. The keyring that opens it.
    renameSync(p.nextRing, p.ring)
    fsyncDir(desk.dataDir)
    desk.attach(openDatabase(desk.dataDir, newKey), newKey)
    report(1000)
    return { needNewPassphrase, recoveryKey }
  } catch (err) {
    setRekeyInProgress(false)
    // Whatever was staged is dropped unless the swap happened (then it is finished).
    finishPendingRekey(desk.dataDir)
    if (!desk.isOpen) desk.session = null
    throw err
  } finally {
    busy = false
    setRekeyInProgress(false)
    oldKey.fill(0)
  }
}
