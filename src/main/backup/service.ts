import { keyOr } from '@shared/i18n/keys'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import {
  backupFileName,
  confirmationMatches,
  daysBetween,
  isBackupDue,
  rotationVictims,
  type BackupLogEntry,
  type BackupResult,
  type BackupSettings,
  type BackupStatus,
  type BackupVerdict
} from '@shared/domain/supervisor/backup'
import { checkPassphrase } from '@shared/domain/session/passphrase'
import { fail, DeskFailure } from '@shared/ipc/result'
import { resources, translator } from '@shared/i18n/resources'
import type { Desk } from '../desk/desk'
import { findUserSlot, KEYRING_FILE, openAuditKey, readKeyring, SCRYPT_DEFAULT, unwrapKey, type Keyring, type ScryptParams } from '../db/keyring'
import { timingSafeEqual } from 'node:crypto'
import { and, desc, eq, inArray, max } from 'drizzle-orm'
import { backupLog as backupLogTable, users } from '../db/schema'
import { checkpointTruncate } from '../db/pragmas'
import { slotProblem } from '../session/slots'
import { checkThrottle, recordFailure, recordSuccess } from '../session/throttle'
import * as dbOpen from '../db/open'
import { DB_FILE, dbExists, dbPath, openDatabase, type Connection } from '../db/open'
import { LATEST_SCHEMA } from '../db/migrate'
import { writeFileAtomic, fsyncDir } from '../fs/atomic'
import { sweepExportTemps } from '../fs/leftovers'
import { getSetting, setSetting } from '../settings/settings'
import { anchorMac, appendAudit, chainHead, setAuditKey } from '../audit/chain'
import { status as deskStatus } from '../session/service'
import { log } from '../log'
import { BackupError, newRecipient, newScryptSpec, type BackupRecipient, type KeyringCopy } from './format'
import type { Phase, ProgressInfo } from './engine'
import { runTask } from './runner'
import { ownedCopy } from './engine'
import { reachesHead } from '../db/catalog.sql'

/**
 * Backups for the desk: export (a sealed snapshot while the desk keeps working), verify, restore
 * onto a fresh install or over the current data (after a safety backup). The heavy work is in
 * engine.ts, off the main thread where possible; this layer adds settings, the log, the audit trail,
 * rotation and the mapping of problems to translated messages.
 */
const K = {
  folder: 'backup.folder',
  keep: 'backup.keep',
  reminderDays: 'backup.reminderDays',
  /**
   * The backup recipient: a public key and its private key sealed under scrypt(backup passphrase).
   * (Before schema 8 a key derived from the passphrase itself was kept, `backup.kek`: whoever had
   * the data key could open every backup. Migration 8 removes it; the passphrase is set anew.)
   */
  recipient: 'backup.recipient'
} as const

interface StoredRecipient extends BackupRecipient {
  setAt: string
}

/** Weight of each phase in the one progress bar the supervisor sees. */
const WEIGHTS: Record<'export' | 'verify' | 'restore', Partial<Record<Phase, [number, number]>>> = {
  export: { snapshot: [0, 90], scan: [90, 100] },
  verify: { read: [0, 40], check: [40, 100] },
  restore: { read: [0, 40], check: [40, 100] }
}

let busy = false

/**
 * Electron loads its own build of the SQLCipher module (another ABI); backup connections, in a
 * worker or not, must load the same one. open.ts keeps that path; read it when it is exported.
 */
function nativeBinding(): string | undefined {
  return (dbOpen as { nativeBindingPath?: () => string | undefined }).nativeBindingPath?.()
}

function progressReporter(desk: Desk, op: keyof typeof WEIGHTS, task = 'backup') {
  let last = -1
  return (p: ProgressInfo) => {
    const w = WEIGHTS[op][p.phase]
    if (!w) return
    const frac = p.total > 0 ? Math.min(1, p.done / p.total) : 0
    const done = Math.round(w[0] * 10 + frac * (w[1] - w[0]) * 10)
    if (done === last) return
    last = done
    desk.emit('progress', { task, done, total: 1000 })
  }
}

export function problemToFailure(err: unknown): never {
  if (err instanceof DeskFailure) throw err
  if (err instanceof BackupError) {
    switch (err.problem) {
      case 'wrongPassphrase':
        return fail('BACKUP_WRONG_PASSPHRASE', 'supervisor:backup.errors.wrongPassphrase')
      case 'tooNew':
        return fail('BACKUP_TOO_NEW', 'supervisor:backup.errors.tooNew', { version: err.version ?? 0 })
      case 'empty':
        return fail('BACKUP_DAMAGED', 'supervisor:backup.errors.empty')
      case 'plainDatabase':
        return fail('BACKUP_DAMAGED', 'supervisor:backup.errors.plainDatabase')
      case 'notBackup':
        return fail('BACKUP_DAMAGED', 'supervisor:backup.errors.notBackup')
      case 'auditShortened':
        return fail('BACKUP_DAMAGED', 'supervisor:backup.errors.auditShortened')
      default:
        return fail('BACKUP_DAMAGED', 'supervisor:backup.errors.damaged')
    }
  }
  const code = (err as NodeJS.ErrnoException)?.code
  log.error('backup.io', { code: typeof code === 'string' ? code : 'unknown', error: err instanceof Error ? err.name : typeof err })
  if (code === 'ENOSPC') return fail('IO', 'supervisor:backup.errors.diskFull')
  if (code === 'ENOENT' || code === 'ENOTDIR') return fail('IO', 'supervisor:backup.errors.folderMissing')
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return fail('IO', 'supervisor:backup.errors.noAccess')
  return fail('IO', 'supervisor:backup.errors.io')
}

async function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  if (busy) fail('CONFLICT', 'supervisor:backup.errors.busy')
  busy = true
  try {
    return await fn()
  } finally {
    busy = false
  }
}

// ───────────────────────────── settings ─────────────────────────────

export function getBackupSettings(desk: Desk): BackupSettings {
  const recipient = getSetting<StoredRecipient | null>(desk, K.recipient, null)
  return {
    folder: getSetting<string>(desk, K.folder, ''),
    keep: getSetting<number>(desk, K.keep, 0),
    reminderDays: getSetting<number>(desk, K.reminderDays, 7),
    passphraseSet: !!recipient,
    passphraseSetAt: recipient?.setAt ?? null
  }
}

export function saveBackupSettings(desk: Desk, s: { folder?: string; keep?: number; reminderDays?: number }): BackupSettings {
  if (s.folder !== undefined) {
    const folder = s.folder.trim() === '' ? '' : resolve(s.folder.trim())
    if (folder && !isDirectory(folder)) fail('IO', 'supervisor:backup.errors.folderMissing', undefined, 'folder')
    setSetting(desk, K.folder, folder)
  }
  if (s.keep !== undefined) setSetting(desk, K.keep, s.keep)
  if (s.reminderDays !== undefined) setSetting(desk, K.reminderDays, s.reminderDays)
  desk.audit({ action: 'backup.settings', details: { keep: s.keep ?? null, reminderDays: s.reminderDays ?? null, folderChanged: s.folder !== undefined } })
  return getBackupSettings(desk)
}

/**
 * Set the backup passphrase. The desk keeps a new X25519 key pair whose private half is sealed under
 * scrypt(passphrase): exports need no typing (they seal to the public key), while opening a backup
 * (verify, restore) needs the passphrase. Neither the passphrase nor a key derived from it is stored,
 * so the data key and every login passphrase together still open no backup.
 */
export function setBackupPassphrase(desk: Desk, a: { passphrase: string; understood: boolean }, kdf: ScryptParams = kdfFor(desk)): BackupSettings {
  if (!a.understood) fail('BAD_ARGS', 'supervisor:backup.errors.mustUnderstand', undefined, 'understood')
  const verdict = checkPassphrase(a.passphrase, [desk.session?.loginName ?? '', desk.session?.displayName ?? ''])
  if (!verdict.ok) fail('WEAK_PASSPHRASE', keyOr(`errors:passphrase.${verdict.problems[0] ?? 'weak'}`, 'errors:passphrase.weak'), undefined, 'passphrase')
  const recipient = newRecipient(a.passphrase, newScryptSpec(kdf))
  setSetting(desk, K.recipient, { ...recipient, setAt: desk.now().toISOString() } satisfies StoredRecipient)
  desk.audit({ action: 'backup.setPassphrase' })
  return getBackupSettings(desk)
}

/** The app's scrypt cost for backup keys: the desk's own (tests lower it for speed). */
function kdfFor(desk: Desk): ScryptParams {
  return desk.kdf ?? SCRYPT_DEFAULT
}

export function lastBackupAt(desk: Desk): string | null {
  const row = desk
    .db()
    .orm.select({ at: max(backupLogTable.at) })
    .from(backupLogTable)
    .where(and(inArray(backupLogTable.kind, ['export', 'safety']), eq(backupLogTable.outcome, 'ok')))
    .get()
  return row?.at ?? null
}

export function backupStatus(desk: Desk): BackupStatus {
  const s = getBackupSettings(desk)
  const last = lastBackupAt(desk)
  const now = desk.now()
  return {
    ...s,
    lastBackupAt: last,
    daysSince: last ? daysBetween(last, now) : null,
    due: isBackupDue(last, s.reminderDays, now),
    nativeDialogs: !!desk.platform?.chooseFolder
  }
}

export function backupLog(desk: Desk, limit = 50): BackupLogEntry[] {
  const b = backupLogTable
  return desk
    .db()
    .orm.select({ id: b.id, at: b.at, kind: b.kind, fileName: b.fileName, bytes: b.bytes, outcome: b.outcome, userName: users.displayName })
    .from(b)
    .leftJoin(users, eq(users.id, b.userId))
    .orderBy(desc(b.id))
    .limit(limit)
    .all()
}

function logBackup(desk: Desk, kind: BackupLogEntry['kind'], file: string, bytes: number, outcome: string, userId = desk.session?.userId ?? null, at = desk.now()): void {
  if (!desk.isOpen) return
  desk.db().orm.insert(backupLogTable).values({ at: at.toISOString(), kind, fileName: basename(file), bytes, outcome, userId }).run()
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

// ───────────────────────────── export ─────────────────────────────

export interface ExportOptions {
  /** A folder (the file is named by time) or a full file path. Default: the folder setting. */
  folder?: string
  file?: string
  /** A passphrase given now (CLI), instead of the stored backup key. */
  passphrase?: string
  kind?: 'export' | 'safety'
  /** Apply rotation in the folder (default: when writing into the configured folder). */
  rotate?: boolean
}

function recipientFor(desk: Desk, passphrase?: string): BackupRecipient {
  if (passphrase) return newRecipient(passphrase, newScryptSpec(kdfFor(desk)))
  const stored = getSetting<StoredRecipient | null>(desk, K.recipient, null)
  if (!stored) return fail('NOT_SET_UP', 'supervisor:backup.errors.noPassphrase')
  return { kdf: stored.kdf, pub: stored.pub, priv: stored.priv }
}

export async function exportBackup(desk: Desk, opts: ExportOptions = {}): Promise<BackupResult> {
  return exclusive(() => exportUnlocked(desk, opts))
}

async function exportUnlocked(desk: Desk, opts: ExportOptions): Promise<BackupResult> {
  const actorId = desk.requireSession().userId
  const started = Date.now()
  const settings = getBackupSettings(desk)
  const folder = opts.file ? dirname(resolve(opts.file)) : resolve(opts.folder || settings.folder || '')
  if (!opts.file && !opts.folder && !settings.folder) fail('BAD_ARGS', 'supervisor:backup.errors.noFolder', undefined, 'folder')
  if (!isDirectory(folder)) fail('IO', 'supervisor:backup.errors.folderMissing', undefined, 'folder')
  // An export killed mid-way (in this folder, over an hour ago) left its temporary file: remove it.
  sweepExportTemps(folder)
  const target = opts.file ? resolve(opts.file) : join(folder, uniqueName(folder, desk.now()))
  if (resolve(dirname(target)) === resolve(desk.dataDir)) fail('BAD_ARGS', 'supervisor:backup.errors.notInDataFolder', undefined, 'folder')
  const recipient = recipientFor(desk, opts.passphrase)
  const ring = readKeyring(desk.dataDir)
  if (!ring) fail('NOT_SET_UP', 'errors:setup.notYet')
  const kind = opts.kind ?? 'export'
  desk.emit('progress', { task: 'backup', done: 0, total: 1000 })
  try {
    const out = await runTask(
      {
        kind: 'export',
        job: {
          livePath: dbPath(desk.dataDir),
          // Bytes of their own, moved to the worker and zeroed there; never a hex string.
          liveKey: ownedCopy(desk.dbKey()),
          target,
          recipient,
          appVersion: desk.appVersion,
          createdAt: desk.now().toISOString(),
          keyring: ring as unknown as KeyringCopy,
          nativeBinding: nativeBinding()
        }
      },
      progressReporter(desk, 'export')
    )
    const rows = Object.values(out.tables).reduce((a, b) => a + b, 0)
    // The desk may have been locked while the worker wrote (the supervisor stepped away): the file
    // is complete, and its log row and audit event are written at the next login, with the time the
    // backup was finished.
    const finishedAt = desk.now()
    desk.whenOpen(() => {
      logBackup(desk, kind, target, out.bytes, 'ok', actorId, finishedAt)
      desk.audit({ actorId, action: `backup.${kind}`, details: { bytes: out.bytes, rows, tables: Object.keys(out.tables).length, finishedAt: finishedAt.toISOString() } })
    })
    const rotated = (opts.rotate ?? (!opts.file && resolve(folder) === resolve(settings.folder || '.'))) ? rotate(desk, folder, settings.keep, actorId) : []
    desk.emit('progress', { task: 'backup', done: 1000, total: 1000 })
    return { file: target, bytes: out.bytes, createdAt: out.createdAt, rows, tables: Object.keys(out.tables).length, ms: Date.now() - started, rotated }
  } catch (err) {
    const failedAt = desk.now()
    desk.whenOpen(() => logBackup(desk, kind, target, 0, err instanceof BackupError ? err.problem : 'failed', actorId, failedAt))
    return problemToFailure(err)
  }
}

function uniqueName(folder: string, at: Date): string {
  const base = backupFileName(at)
  if (!existsSync(join(folder, base))) return base
  for (let i = 2; ; i++) {
    const n = base.replace(/\.pdbackup$/, `-${i}.pdbackup`)
    if (!existsSync(join(folder, n))) return n
  }
}

function rotate(desk: Desk, folder: string, keep: number, actorId: number): string[] {
  const victims = rotationVictims(readdirSync(folder), keep)
  for (const v of victims) rmSync(join(folder, v), { force: true })
  // A crash mid-export leaves an encrypted temp file; tidy those older than a day.
  for (const n of readdirSync(folder)) {
    if (/^\.petition-desk-.*\.tmp$/.test(n)) {
      const p = join(folder, n)
      if (Date.now() - statSync(p).mtimeMs > 86_400_000) rmSync(p, { force: true })
    }
  }
  if (victims.length) desk.whenOpen(() => desk.audit({ actorId, action: 'backup.rotate', details: { removed: victims.length, keep } }))
  return victims
}

// ───────────────────────────── verify ─────────────────────────────

function scratchFile(near: string): string {
  return join(near, `.verify-${randomBytes(8).toString('hex')}.db`)
}

export async function verifyBackup(desk: Desk | null, a: { file: string; passphrase: string }, scratchDir?: string): Promise<BackupVerdict> {
  const run = async () => {
    const started = Date.now()
    const file = resolve(a.file)
    if (!isFile(file)) fail('NOT_FOUND', 'supervisor:backup.errors.fileMissing', undefined, 'file')
    const scratch = scratchDir ?? (desk ? desk.stateDir : dirname(file))
    try {
      const out = await runTask(
        { kind: 'read', job: { file, passphrase: a.passphrase, extractTo: scratchFile(scratch), latestSchema: LATEST_SCHEMA, nativeBinding: nativeBinding() } },
        desk ? progressReporter(desk, 'verify') : () => {}
      )
      const rows = Object.values(out.manifest.tables).reduce((x, y) => x + y, 0)
      // The live trail must still hold the newest event this backup anchors: events deleted from
      // the live database since are found here, by any backup taken after them.
      const liveTrail = desk?.isOpen && desk.session && out.manifest.auditHead ? (reachesHead(desk.db().sqlite, out.manifest.auditHead) ? ('intact' as const) : ('shortened' as const)) : null
      if (desk?.isOpen && desk.session) {
        logBackup(desk, 'verify', file, out.bytes, 'ok')
        desk.audit({ action: 'backup.verify', details: { ok: true, rows, ...(liveTrail ? { liveTrail } : {}) } })
      }
      desk?.emit('progress', { task: 'backup', done: 1000, total: 1000 })
      return {
        ok: true as const,
        file,
        bytes: out.bytes,
        createdAt: out.manifest.createdAt,
        appVersion: out.manifest.appVersion,
        schemaVersion: out.manifest.schemaVersion,
        tables: out.manifest.tables,
        rows,
        auditEvents: out.manifest.auditHead?.count ?? null,
        liveTrail,
        ms: Date.now() - started
      }
    } catch (err) {
      if (desk?.isOpen && desk.session) {
        logBackup(desk, 'verify', file, 0, err instanceof BackupError ? err.problem : 'failed')
        desk.audit({ action: 'backup.verify', details: { ok: false, problem: err instanceof BackupError ? err.problem : 'io' } })
      }
      return problemToFailure(err)
    }
  }
  return exclusive(run)
}

// ───────────────────────────── restore ─────────────────────────────

/** The words a supervisor types to confirm replacing the current data, in either language. */
export function confirmWords(): string[] {
  return Object.values(resources).map((r) => (r.supervisor as { restore?: { confirmWord?: string } }).restore?.confirmWord ?? '').filter(Boolean)
}

/**
 * Restore onto a desk that has no usable data. On a first run (an empty folder) anyone at the machine
 * may: there is nothing to replace. Over a damaged or too-new database (whose files are moved aside,
 * never deleted) it replaces the desk's data, so it needs a supervisor's login: a supervisor account
 * of the backup being restored (its slot, signed for that role, opens with the passphrase given).
 */
export async function restoreFresh(
  desk: Desk,
  a: { file: string; passphrase: string; supervisor?: { loginName: string; passphrase: string } }
): Promise<{ restoredAt: string; backupCreatedAt: string }> {
  const st = deskStatus(desk).state
  if (st !== 'new' && st !== 'damaged' && st !== 'tooNew') fail('FORBIDDEN', 'supervisor:restore.errors.hasData')
  if (st !== 'new') {
    if (!a.supervisor) fail('FORBIDDEN', 'supervisor:restore.errors.needsSupervisor', undefined, 'loginName')
    checkThrottle(desk, RESTORE_THROTTLE)
  }
  return exclusive(() => restoreCore(desk, a, st === 'new' ? 'fresh' : 'damaged'))
}

/** The throttle's bucket for supervisor logins given to a restore (before any keyring is known). */
const RESTORE_THROTTLE = 'restore-login'

/**
 * The supervisor who authorises replacing a damaged desk, checked against the backup itself: their
 * slot in its keyring opens with the passphrase to the same data key, is signed for their account
 * and role (when the keyring is signed), and the account is an active supervisor there. Their id, or
 * a translated refusal (counted by the login throttle).
 */
function supervisorOfBackup(desk: Desk, ring: Keyring, conn: Connection, dataKey: Buffer, who: { loginName: string; passphrase: string }): number {
  const slot = findUserSlot(ring, who.loginName)
  const key = slot ? unwrapKey(slot, who.passphrase) : null
  const same = !!key && key.length === dataKey.length && timingSafeEqual(key, dataKey)
  key?.fill(0)
  const row = same && slot?.userId != null ? conn.orm.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, slot.userId)).get() : undefined
  const ok = !!row && row.role === 'supervisor' && !row.disabled && slotProblem(ring, slot!, conn.orm) === null
  if (!ok) {
    recordFailure(desk, RESTORE_THROTTLE, 'login')
    return fail('FORBIDDEN', 'supervisor:restore.errors.notSupervisor', undefined, 'loginName')
  }
  recordSuccess(desk, RESTORE_THROTTLE)
  return slot!.userId!
}

/** An account whose passphrase the backup would bring back, though it was revoked since. */
interface Revived {
  userId: number
  name: string
  why: 'disabled' | 'changed'
}

/**
 * Passphrases revoked since the backup that restoring it would make work again: the account was
 * disabled (its slot removed) or its passphrase changed or reset (a new slot) after the backup.
 */
function revivedAccounts(desk: Desk, backupRing: Keyring, staged: Connection): Revived[] {
  const live = readKeyring(desk.dataDir)
  if (!live || !desk.isOpen) return []
  const out: Revived[] = []
  for (const s of backupRing.slots) {
    if (s.kind !== 'user' || s.userId == null) continue
    const then = staged.orm.select({ name: users.displayName, disabled: users.disabled }).from(users).where(eq(users.id, s.userId)).get()
    if (!then || then.disabled) continue
    const now = live.slots.find((l) => l.kind === 'user' && l.userId === s.userId)
    if (now && now.id === s.id) continue
    const name = desk.db().orm.select({ name: users.displayName }).from(users).where(eq(users.id, s.userId)).get()?.name ?? then.name
    out.push({ userId: s.userId, name, why: now ? 'changed' : 'disabled' })
  }
  return out
}

function revivedInWords(desk: Desk, list: Revived[]): string {
  const t = translator(desk.session?.locale ?? 'zh-CN', 'supervisor')
  return list.map((r) => t(r.why === 'disabled' ? 'restore.revived.disabled' : 'restore.revived.changed', { name: r.name })).join(t('restore.revived.separator'))
}

/** Replace the current data with a backup: typed confirmation, then a safety backup, then the swap. */
export async function restoreReplace(
  desk: Desk,
  a: { file: string; passphrase: string; confirm: string; safetyFolder?: string; acceptRevived?: boolean }
): Promise<{ restoredAt: string; backupCreatedAt: string; safetyFile: string }> {
  desk.requireSession()
  if (!confirmationMatches(a.confirm, confirmWords())) fail('BAD_ARGS', 'supervisor:restore.errors.confirm', undefined, 'confirm')
  return exclusive(async () => {
    let safetyFile = ''
    // The backup is checked and staged first (a wrong passphrase or a damaged file costs nothing);
    // only then is the safety backup of the current data written, and only then are they swapped.
    const res = await restoreCore(desk, a, 'replace', async () => {
      const settings = getBackupSettings(desk)
      const folder = a.safetyFolder || settings.folder || join(dirname(desk.dataDir), `${basename(desk.dataDir)}.safety`)
      mkdirSync(folder, { recursive: true, mode: 0o700 })
      const safety = await exportUnlocked(desk, { folder, kind: 'safety', rotate: false, passphrase: settings.passphraseSet ? undefined : a.passphrase })
      safetyFile = safety.file
    })
    return { ...res, safetyFile }
  })
}

async function restoreCore(
  desk: Desk,
  a: { file: string; passphrase: string; acceptRevived?: boolean; supervisor?: { loginName: string; passphrase: string } },
  mode: 'fresh' | 'damaged' | 'replace',
  beforeSwap?: () => Promise<void>
): Promise<{ restoredAt: string; backupCreatedAt: string }> {
  const file = resolve(a.file)
  if (!isFile(file)) fail('NOT_FOUND', 'supervisor:backup.errors.fileMissing', undefined, 'file')
  const dataDir = resolve(desk.dataDir)
  const staging = `${dataDir}.restore-${randomBytes(4).toString('hex')}`
  mkdirSync(staging, { mode: 0o700 })
  const report = progressReporter(desk, 'restore')
  try {
    // The backup's pages are written back as they were (under the data key they were taken with),
    // checked page by page, and left as one database file in the staging folder.
    const read = await runTask(
      { kind: 'read', job: { file, passphrase: a.passphrase, extractTo: join(staging, DB_FILE), keep: true, latestSchema: LATEST_SCHEMA, nativeBinding: nativeBinding() } },
      report
    )
    const secrets = read.secrets!
    const ring = secrets.keyring as unknown as Keyring
    writeFileAtomic(join(staging, KEYRING_FILE), JSON.stringify(ring, null, 1))

    // The restore itself goes on the restored trail (keyed with the backup's own audit key, and
    // re-anchored); an older backup is brought up to this schema. A replace is done by the
    // supervisor signed in (same desk, same accounts); a fresh or damaged restore by someone unknown.
    const key = Buffer.from(secrets.dataKey.buffer, secrets.dataKey.byteOffset, secrets.dataKey.byteLength)
    const restoredAt = desk.now().toISOString()
    const signedIn = mode === 'replace' ? (desk.session?.userId ?? null) : null
    const conn = openDatabase(staging, key)
    let revived: Revived[] = []
    let authorisedBy: number | null = null
    try {
      // Over a damaged desk: a supervisor of this backup says so (checked before anything is replaced).
      if (mode === 'damaged') authorisedBy = supervisorOfBackup(desk, ring, conn, key, a.supervisor!)
      // Passphrases revoked since the backup come back with it: named, and only with a yes.
      revived = mode === 'replace' ? revivedAccounts(desk, ring, conn) : []
      if (revived.length > 0 && !a.acceptRevived) fail('CONFLICT', 'supervisor:restore.errors.revived', { accounts: revivedInWords(desk, revived), count: revived.length })
    } catch (err) {
      conn.sqlite.close()
      key.fill(0)
      throw err
    }
    // The backup may predate the account (then the event names no actor rather than a wrong one).
    const actorId = authorisedBy ?? (signedIn !== null && conn.orm.select({ id: users.id }).from(users).where(eq(users.id, signedIn)).get() ? signedIn : null)
    const auditKey = openAuditKey(ring, key)
    setAuditKey(conn.sqlite, auditKey)
    try {
      const revivedIds = revived.map((r) => r.userId)
      appendAudit(conn.sqlite, { actorId, action: 'backup.restore', details: { mode, backupCreatedAt: read.manifest.createdAt, ...(revived.length ? { revivedPassphrases: revivedIds } : {}) } }, desk.now())
      conn.orm.insert(backupLogTable).values({ at: restoredAt, kind: 'restore', fileName: basename(file), bytes: read.bytes, outcome: 'ok', userId: actorId }).run()
      checkpointTruncate(conn.sqlite)
      if (auditKey) {
        const head = chainHead(conn.sqlite)
        writeFileAtomic(join(staging, KEYRING_FILE), JSON.stringify({ ...ring, auditHead: { ...head, mac: anchorMac(auditKey, head) } }, null, 1))
      }
    } finally {
      setAuditKey(conn.sqlite, null)
      auditKey?.fill(0)
      conn.sqlite.close()
      key.fill(0)
    }

    if (beforeSwap) await beforeSwap()
    if (mode === 'replace' && desk.isOpen && desk.session)
      desk.audit({ action: 'backup.replaceData', details: { backupCreatedAt: read.manifest.createdAt, ...(revived.length ? { revivedPassphrases: revived.map((r) => r.userId) } : {}) } })
    desk.session = null
    desk.lockedSession = null
    desk.close()
    desk.dropDeferred()
    swapIn(dataDir, staging, mode)
    desk.emit('progress', { task: 'backup', done: 1000, total: 1000 })
    log.info('backup.restored', { mode })
    return { restoredAt, backupCreatedAt: read.manifest.createdAt }
  } catch (err) {
    rmSync(staging, { recursive: true, force: true })
    return problemToFailure(err)
  }
}

/**
 * Put the staged folder in place of the data folder with two renames. The old folder is kept when
 * it held a damaged database (nothing is ever deleted there) and removed after a replace (a safety
 * backup was written first) or when it was empty.
 */
function swapIn(dataDir: string, staging: string, mode: 'fresh' | 'damaged' | 'replace'): void {
  const aside = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`
  const hadData = dbExists(dataDir) || existsSync(join(dataDir, KEYRING_FILE))
  if (existsSync(dataDir)) renameSync(dataDir, aside)
  renameSync(staging, dataDir)
  fsyncDir(dirname(dataDir))
  if (existsSync(aside) && (mode === 'replace' || !hadData)) rmSync(aside, { recursive: true, force: true })
}
