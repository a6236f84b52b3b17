import { keyOr } from '@shared/i18n/keys'
import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import type { DeskStatus, Locale, Role, SessionInfo, SetupResult, UserSummary } from '@shared/domain/session/types'
import { DeskFailure, fail } from '@shared/ipc/result'
import { checkPassphrase } from '@shared/domain/session/passphrase'
import type { Desk, Session } from '../desk/desk'
import {
  findUserSlot,
  holdsAuthority,
  lookupFor,
  newAuthority,
  newKeyring,
  openSlot,
  resealSlot,
  newRecoveryKey,
  normaliseRecoveryKey,
  readKeyring,
  unwrapKey,
  wrapKey,
  writeKeyring,
  type Keyring,
  type KeySlot
} from '../db/keyring'
import { and, asc, count, eq } from 'drizzle-orm'
import { dbExists, dbPath, openDatabase, type Connection, type Orm } from '../db/open'
import { keySlots, users } from '../db/schema'
import { LATEST_SCHEMA } from '../db/migrate'
import { getSetting, setDeskSettings } from '../settings/settings'
import { storageFailure } from '../fs/storage'
import { checkThrottle, flushPendingFailures, recordFailure, recordSuccess, RECOVERY_KEY, throttleWait } from './throttle'
import { ensureAuthority, establishAuthority, pinAuthority, resignAll, sealSlot, signNewSlot, slotProblem, type SlotProblem } from './slots'

/** An account as drizzle's schema types it. */
type UserRow = typeof users.$inferSelect

/** The columns an account list shows: selected as they are, typed by the schema. */
const summaryColumns = {
  id: users.id,
  displayName: users.displayName,
  loginName: users.loginName,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
  locale: users.locale
}

export function sessionInfo(desk: Desk, s: Session): SessionInfo {
  const idleMinutes = getSetting<number>(desk, 'idleMinutes')
  const lockAt = new Date(desk.lastActivity + idleMinutes * 60_000).toISOString()
  return { ...s, idleMinutes, lockAt }
}

/**
 * What an open attempt found wrong with the database file, remembered with the file's size and
 * time so that a restored file is tried afresh. Kept in memory: the next start tries again.
 */
const health = new WeakMap<Desk, { state: 'damaged' | 'tooNew'; fingerprint: string }>()

function fingerprint(desk: Desk): string {
  try {
    const st = statSync(dbPath(desk.dataDir))
    return `${st.size}:${st.mtimeMs}`
  } catch {
    return 'missing'
  }
}

function fileState(desk: Desk): DeskStatus['state'] {
  const found = health.get(desk)
  if (found && found.fingerprint === fingerprint(desk)) return found.state
  let hasRing: boolean
  try {
    hasRing = readKeyring(desk.dataDir) !== null
  } catch {
    return 'damaged'
  }
  const hasDb = dbExists(desk.dataDir)
  if (hasRing && hasDb) return 'locked'
  // One without the other is never "new": a keyring without its database (or the reverse) means
  // something was lost, and starting an empty desk over it would hide that.
  if (hasRing || hasDb) return 'damaged'
  return 'new'
}

export function status(desk: Desk): DeskStatus {
  const state = desk.isOpen && desk.session ? 'unlocked' : fileState(desk)
  const locked = desk.lockedSession
  let wait = 0
  try {
    const keyring = state === 'locked' ? readKeyring(desk.dataDir) : null
    wait = throttleWait(desk, keyring && locked ? lookupFor(keyring, locked.loginName) : undefined)
  } catch {
    wait = 0
  }
  return {
    state,
    lockedUser: locked ? { loginName: locked.loginName, displayName: locked.displayName } : null,
    retryAfterSeconds: wait,
    appVersion: desk.appVersion,
    schemaVersion: LATEST_SCHEMA
  }
}

/** Open the database with a key known to be right; a failure says the file is damaged or too new. */
function openChecked(desk: Desk, key: Buffer): Connection {
  try {
    const conn = openDatabase(desk.dataDir, key)
    health.delete(desk)
    return conn
  } catch (err) {
    // A full or read-only disk is said as such; the file is not damaged and no restore is offered.
    const storage = storageFailure(err)
    if (storage) throw storage
    if (err instanceof DeskFailure && (err.code === 'DB_DAMAGED' || err.code === 'DB_TOO_NEW' || err.code === 'NOT_FOUND')) {
      health.set(desk, { state: err.code === 'DB_TOO_NEW' ? 'tooNew' : 'damaged', fingerprint: fingerprint(desk) })
      if (err.code === 'NOT_FOUND') fail('DB_DAMAGED', 'errors:db.missing')
      throw err
    }
    // Anything else from SQLite on open (malformed schema, I/O error) is also a damaged file.
    health.set(desk, { state: 'damaged', fingerprint: fingerprint(desk) })
    return fail('DB_DAMAGED', 'errors:db.damaged')
  }
}

function requirePolicy(pass: string, context: string[], field = 'passphrase'): void {
  const verdict = checkPassphrase(pass, context)
  if (!verdict.ok) fail('WEAK_PASSPHRASE', keyOr(`errors:passphrase.${verdict.problems[0] ?? 'weak'}`, 'errors:passphrase.weak'), undefined, field)
}

/** First run: a new key, the database, the first supervisor and a recovery slot. */
export function setup(
  desk: Desk,
  a: { displayName: string; loginName: string; passphrase: string; locale: Locale; orgName?: string }
): SetupResult {
  if (readKeyring(desk.dataDir) || dbExists(desk.dataDir)) fail('ALREADY_SET_UP', 'errors:setup.already')
  requirePolicy(a.passphrase, [a.loginName, a.displayName])
  const key = randomBytes(32)
  const ring = newKeyring()
  const conn = openDatabase(desk.dataDir, key, { create: true })
  const now = desk.now().toISOString()
  const recoveryKey = newRecoveryKey()
  // The keyring authority signs every slot (role and identity); the supervisor's and the recovery
  // slot receive it, sealed to their own keys.
  const made = newAuthority()
  ring.authority = made.authority
  let userId = 0
  conn.sqlite.transaction(() => {
    userId = conn.orm
      .insert(users)
      .values({ loginName: a.loginName, displayName: a.displayName, role: 'supervisor', locale: a.locale, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get().id
    const userSlot = sealSlot(wrapKey(key, a.passphrase, { kind: 'user', lookup: lookupFor(ring, a.loginName), userId }, desk.kdf), 'supervisor', made.secret)
    const recSlot = sealSlot(wrapKey(key, recoveryKey, { kind: 'recovery', lookup: '', userId: null }, desk.kdf), undefined, made.secret)
    ring.slots.push(userSlot, recSlot)
    pinAuthority(conn.orm, made.authority.pub, now, null)
    conn.orm.insert(keySlots).values({ id: userSlot.id, kind: 'user', userId, createdAt: now }).run()
    conn.orm.insert(keySlots).values({ id: recSlot.id, kind: 'recovery', userId: null, createdAt: now }).run()
  })()
  writeKeyring(desk.dataDir, ring)
  desk.attach(conn, key)
  desk.setAuthority(made.secret)
  const session = startSession(desk, userId)
  desk.audit({ action: 'desk.setup', subjectType: 'user', subjectId: userId })
  if (a.orgName?.trim()) setDeskSettings(desk, { orgName: a.orgName.trim() })
  return { session, recoveryKey }
}

function startSession(desk: Desk, userId: number): SessionInfo {
  const row = desk
    .db()
    .orm.select({ userId: users.id, role: users.role, loginName: users.loginName, displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.id, userId))
    .get()
  if (!row) return fail('NOT_FOUND', 'errors:login.failed')
  desk.session = row
  desk.lockedSession = null
  desk.lastActivity = desk.now().getTime()
  return sessionInfo(desk, desk.session)
}

export function ring(desk: Desk): Keyring {
  return readKeyring(desk.dataDir) ?? fail('NOT_SET_UP', 'errors:setup.notYet')
}

export function login(desk: Desk, a: { loginName: string; passphrase: string }): SessionInfo {
  const keyring = ring(desk)
  const throttleKey = lookupFor(keyring, a.loginName)
  checkThrottle(desk, throttleKey)
  const slot = findUserSlot(keyring, a.loginName)
  // An unknown name costs the same KDF work as a known one, so timing does not tell names apart.
  const opened = slot ? openSlot(slot, a.passphrase) : dummyUnwrap(keyring, a.passphrase)
  const key = opened?.dbKey ?? null
  if (!slot || !key) {
    recordFailure(desk, throttleKey, 'login')
    return fail('WRONG_PASSPHRASE', 'errors:login.failed')
  }
  const grant = opened!.authority
  const afterLock = desk.lockedSession?.userId === slot.userId
  const current = desk.isOpen ? desk.session : null
  // The account is checked before anything changes: a disabled (or unknown) account's login leaves
  // whoever is signed in signed in, and counts as a failed attempt. So is a slot the keyring
  // authority did not sign for this account and role (forged or edited).
  if (desk.isOpen) {
    const problem = slotProblem(keyring, slot, desk.db().orm, grant)
    if (problem) {
      key.fill(0)
      grant?.fill(0)
      refuseSlot(desk, throttleKey, slot, problem)
    }
  }
  if (desk.isOpen && !activeUser(desk.db().orm, slot.userId)) {
    key.fill(0)
    grant?.fill(0)
    recordFailure(desk, throttleKey, 'login')
    flushPendingFailures(desk)
    return fail('ACCOUNT_DISABLED', 'errors:login.disabled')
  }
  if (desk.isOpen) {
    if (current && current.userId !== slot.userId) {
      // Someone else signs in over a live session: recorded (who replaced whom) before it closes.
      recordAfterSession(desk, { action: 'session.replaced', actorId: slot.userId, subjectType: 'user', subjectId: current.userId })
    }
    desk.close()
  }
  desk.session = null
  let conn: Connection
  try {
    conn = openChecked(desk, key)
  } catch (err) {
    key.fill(0)
    grant?.fill(0)
    throw err
  }
  desk.attach(conn, key)
  // The login has started only once everything it needs is written (events held since the lock,
  // its own audit event, the throttle reset). If any of it fails (a full disk), the database is
  // closed again, the key zeroed, and whoever was locked out is still the one asked to unlock.
  const lockedBefore = desk.lockedSession
  try {
    const problem = slotProblem(keyring, slot, conn.orm, grant)
    if (problem) refuseSlot(desk, throttleKey, slot, problem)
    if (!activeUser(conn.orm, slot.userId)) {
      recordFailure(desk, throttleKey, 'login')
      fail('ACCOUNT_DISABLED', 'errors:login.disabled')
    }
    desk.runDeferred()
    desk.audit({ action: afterLock ? 'session.unlock' : 'session.login', actorId: slot.userId })
    flushPendingFailures(desk)
    recordSuccess(desk, throttleKey)
    const info = startSession(desk, slot.userId!)
    desk.setAuthority(grant)
    pruneRevokedSlots(desk)
    upgradeSlot(desk, slot, a.passphrase)
    establishAuthority(desk, readKeyring(desk.dataDir) ?? keyring, readKeyring(desk.dataDir)?.slots.find((s) => s.id === slot.id) ?? slot)
    return info
  } catch (err) {
    grant?.fill(0)
    desk.session = null
    desk.lockedSession = lockedBefore
    desk.close()
    throw err
  }
}

/**
 * A slot the keyring authority did not sign for this account and role: refused, counted as a failed
 * attempt, and recorded (the database is open: the slot did unwrap its key) with what was wrong.
 */
function refuseSlot(desk: Desk, throttleKey: string, slot: KeySlot, problem: SlotProblem): never {
  recordFailure(desk, throttleKey, 'login')
  try {
    desk.db().sqlite.transaction(() => {
      desk.audit({ action: 'session.slotRefused', actorId: null, subjectType: slot.kind === 'user' ? 'user' : null, subjectId: slot.userId, details: { problem, kind: slot.kind } })
      flushPendingFailures(desk)
    })()
  } catch {
    /* the refusal stands whether or not the disk takes its record */
  }
  return fail('FORBIDDEN', 'errors:login.slotForged')
}

/**
 * A version 1 slot (from before key rotation existed) is rewritten as version 2 with the secret just
 * typed, keeping its id: from then on the database key can be rotated without this person.
 */
function upgradeSlot(desk: Desk, slot: KeySlot, secret: string): void {
  if (slot.v === 2) return
  let keyring = readKeyring(desk.dataDir)
  if (!keyring) return
  // On a signed keyring the new slot must be signed: by the supervisor (or recovery key) opening it,
  // who signs afresh; a worker's version 1 slot stays as it is until a supervisor resets it.
  if (keyring.authority) {
    keyring = ensureAuthority(desk, keyring)
    if (!desk.authority()) return
  }
  const role = slot.kind === 'user' ? desk.session?.role : undefined
  const next = signNewSlot(desk, keyring, wrapKey(desk.dbKey(), secret, { kind: slot.kind, lookup: slot.lookup, userId: slot.userId }, desk.kdf, slot.id), role)
  writeKeyring(desk.dataDir, { ...keyring, slots: keyring.slots.map((s) => (s.id === slot.id ? next : s)) })
}

function activeUser(db: Orm, userId: number | null): boolean {
  if (userId == null) return false
  const row = db.select({ disabled: users.disabled }).from(users).where(eq(users.id, userId)).get()
  return !!row && !row.disabled
}

/**
 * Slots of disabled accounts (kept by versions before revocation removed them) are dropped at the
 * next login, so a revoked passphrase unwraps nothing from then on.
 */
export function pruneRevokedSlots(desk: Desk): number {
  const keyring = readKeyring(desk.dataDir)
  if (!keyring) return 0
  const { sqlite, orm } = desk.db()
  const disabled = new Set(orm.select({ id: users.id }).from(users).where(eq(users.disabled, true)).all().map((r) => r.id))
  const revoked = keyring.slots.filter((s) => s.kind === 'user' && s.userId != null && disabled.has(s.userId))
  if (revoked.length === 0) return 0
  sqlite.transaction(() => {
    for (const s of revoked) orm.delete(keySlots).where(eq(keySlots.id, s.id)).run()
    desk.audit({ action: 'users.revokeSlots', actorId: null, details: { slots: revoked.length } })
    writeKeyring(desk.dataDir, { ...keyring, slots: keyring.slots.filter((s) => !revoked.includes(s)) })
  })()
  return revoked.length
}

function dummyUnwrap(keyring: Keyring, secret: string): null {
  const any = keyring.slots[0]
  if (any) unwrapKey({ ...any, kdf: { ...any.kdf, salt: randomBytes(16).toString('hex') } }, secret)?.fill(0)
  return null
}

/**
 * Lock: fail closed. The session is dropped before anything else, so no call is answered as that
 * person from here on; the database is closed and the key zeroed whatever happens in between. The
 * audit event is written if the disk takes it, else it waits in memory (with its time) and is
 * written at the next login. Never throws (the idle timer and the OS lock call it).
 */
export function lock(desk: Desk, reason: 'user' | 'idle' | 'os' | 'suspend'): void {
  if (!desk.isOpen) return
  const who = desk.session
  desk.session = null
  desk.lockedSession = who
  try {
    if (who) recordAfterSession(desk, { action: 'session.lock', actorId: who.userId, details: { reason } })
  } finally {
    desk.close()
  }
  try {
    desk.emit('session.locked', { reason })
  } catch {
    /* a listener's failure (a closed window) does not undo the lock */
  }
}

export function logout(desk: Desk): void {
  const who = desk.isOpen ? desk.session : null
  desk.session = null
  desk.lockedSession = null
  try {
    if (who) recordAfterSession(desk, { action: 'session.logout', actorId: who.userId })
  } finally {
    desk.close()
  }
}

/**
 * Write an audit event for a session that has just ended (the connection is still open, the
 * session is not): now if the disk takes it, else held in memory until the next login. Any other
 * failure is dropped: ending a session never fails on its record.
 */
function recordAfterSession(desk: Desk, event: { action: string; actorId: number | null; subjectType?: string; subjectId?: number; details?: Record<string, unknown> }): void {
  const at = desk.now()
  const record = () => desk.audit({ ...event, at })
  try {
    record()
  } catch (err) {
    if (storageFailure(err)) desk.whenOpen(record)
  }
}

export function listUsers(desk: Desk): UserSummary[] {
  return desk.db().orm.select(summaryColumns).from(users).orderBy(asc(users.id)).all()
}

export function addUser(
  desk: Desk,
  a: { displayName: string; loginName: string; role: Role; passphrase: string }
): UserSummary {
  const keyring = ring(desk)
  const { sqlite, orm } = desk.db()
  const taken = orm.select({ id: users.id }).from(users).where(eq(users.loginName, a.loginName)).get() || findUserSlot(keyring, a.loginName)
  if (taken) fail('CONFLICT', 'errors:users.loginTaken', undefined, 'loginName')
  requirePolicy(a.passphrase, [a.loginName, a.displayName])
  const now = desk.now().toISOString()
  let userId = 0
  sqlite.transaction(() => {
    userId = orm
      .insert(users)
      .values({ loginName: a.loginName, displayName: a.displayName, role: a.role, locale: desk.session?.locale ?? 'zh-CN', createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get().id
    // Signed for this account and role by the keyring authority the supervisor holds.
    const signing = ensureAuthority(desk, keyring)
    const slot = signNewSlot(desk, signing, wrapKey(desk.dbKey(), a.passphrase, { kind: 'user', lookup: lookupFor(keyring, a.loginName), userId }, desk.kdf), a.role)
    orm.insert(keySlots).values({ id: slot.id, kind: 'user', userId, createdAt: now }).run()
    desk.audit({ action: 'users.add', subjectType: 'user', subjectId: userId, details: { role: a.role } })
    // The keyring is written inside the transaction: if it fails, the user row is rolled back.
    writeKeyring(desk.dataDir, { ...signing, slots: [...signing.slots, slot] })
  })()
  return orm.select(summaryColumns).from(users).where(eq(users.id, userId)).get() ?? fail('NOT_FOUND', 'errors:users.notFound')
}

export function setLocale(desk: Desk, locale: Locale): void {
  const s = desk.requireSession()
  desk.db().orm.update(users).set({ locale, updatedAt: desk.now().toISOString() }).where(eq(users.id, s.userId)).run()
  s.locale = locale
  desk.audit({ action: 'session.setLocale', details: { locale } })
}

export function touch(desk: Desk): { lockAt: string } {
  desk.lastActivity = desk.now().getTime()
  return { lockAt: sessionInfo(desk, desk.requireSession()).lockAt }
}

/**
 * Give one person a new passphrase: a new slot wrapping the same database key replaces their old
 * one. The database itself is never re-encrypted. The keyring is written inside the transaction,
 * so if writing it fails the slot table and audit trail roll back with it.
 */
function rewrapUserSlot(
  desk: Desk,
  { sqlite, orm }: Connection,
  keyring: Keyring,
  dbKey: Buffer,
  user: UserRow,
  pass: string,
  audit: { action: string; actorId: number | null },
  prepared?: KeySlot
): void {
  const now = desk.now().toISOString()
  sqlite.transaction(() => {
    // A new key pair is signed for the account's role by the supervisor (or recovery key) doing it;
    // one's own new passphrase keeps the key pair (`prepared`), so its signature stays valid.
    const signing = prepared ? keyring : ensureAuthority(desk, keyring)
    const slot = prepared ?? signNewSlot(desk, signing, wrapKey(dbKey, pass, { kind: 'user', lookup: lookupFor(keyring, user.loginName), userId: user.id }, desk.kdf), user.role)
    orm.delete(keySlots).where(and(eq(keySlots.kind, 'user'), eq(keySlots.userId, user.id))).run()
    orm.insert(keySlots).values({ id: slot.id, kind: 'user', userId: user.id, createdAt: now }).run()
    orm.update(users).set({ updatedAt: now }).where(eq(users.id, user.id)).run()
    desk.audit({ action: audit.action, actorId: audit.actorId, subjectType: 'user', subjectId: user.id })
    writeKeyring(desk.dataDir, {
      ...signing,
      slots: [...signing.slots.filter((s) => !(s.kind === 'user' && s.userId === user.id)), slot]
    })
  })()
}

function userRow(db: Orm, id: number): UserRow {
  return db.select().from(users).where(eq(users.id, id)).get() ?? fail('NOT_FOUND', 'errors:users.notFound')
}

export interface RecoverResult {
  supervisors: { id: number; displayName: string; loginName: string }[]
  session: SessionInfo | null
}

/**
 * The recovery key alone opens the desk. Without a user and passphrase it only lists the active
 * supervisors (to choose whose passphrase to set); with them it re-wraps that supervisor's slot
 * and logs them in. A wrong key is throttled like a wrong passphrase.
 */
export function recover(desk: Desk, a: { recoveryKey: string; userId?: number; newPassphrase?: string }): RecoverResult {
  const keyring = ring(desk)
  checkThrottle(desk, RECOVERY_KEY)
  const slot = keyring.slots.find((s) => s.kind === 'recovery')
  const opened = slot ? openSlot(slot, normaliseRecoveryKey(a.recoveryKey)) : null
  const key = opened?.dbKey ?? null
  const grant = opened?.authority ?? null
  if (!key) {
    recordFailure(desk, RECOVERY_KEY, 'recovery')
    return fail('WRONG_PASSPHRASE', 'errors:login.recoveryFailed', undefined, 'recoveryKey')
  }
  recordSuccess(desk, RECOVERY_KEY)
  // Whoever was logged in is logged out: the desk now belongs to the holder of the recovery key.
  if (desk.isOpen) {
    if (desk.session) desk.audit({ action: 'session.replaced', actorId: null, subjectType: 'user', subjectId: desk.session.userId, details: { by: 'recovery' } })
    logout(desk)
  }
  let conn: Connection
  try {
    conn = openChecked(desk, key)
  } catch (err) {
    key.fill(0)
    grant?.fill(0)
    throw err
  }
  // The recovery slot, too, must be the one the keyring authority signed.
  const problem = slotProblem(keyring, slot!, conn.orm, grant)
  if (problem) {
    grant?.fill(0)
    desk.attach(conn, key)
    try {
      refuseSlot(desk, RECOVERY_KEY, slot!, problem)
    } finally {
      desk.close()
    }
  }
  const supervisors = conn.orm
    .select({ id: users.id, displayName: users.displayName, loginName: users.loginName })
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .all()
  if (a.userId === undefined || a.newPassphrase === undefined) {
    conn.sqlite.close()
    key.fill(0)
    grant?.fill(0)
    return { supervisors, session: null }
  }
  const found = supervisors.find((r) => r.id === a.userId)
  const target = found && userRow(conn.orm, found.id)
  try {
    if (!target) fail('NOT_FOUND', 'errors:users.notFound', undefined, 'userId')
    requirePolicy(a.newPassphrase, [target!.loginName, target!.displayName], 'newPassphrase')
  } catch (err) {
    conn.sqlite.close()
    key.fill(0)
    grant?.fill(0)
    throw err
  }
  desk.attach(conn, key)
  // The recovery key holds the keyring authority like a supervisor: it signs the new slot.
  desk.recovering = true
  desk.setAuthority(grant)
  upgradeSlot(desk, slot!, normaliseRecoveryKey(a.recoveryKey))
  rewrapUserSlot(desk, conn, readKeyring(desk.dataDir) ?? keyring, key, target!, a.newPassphrase, { action: 'session.recovered', actorId: target!.id })
  const session = startSession(desk, target!.id)
  desk.recovering = false
  flushPendingFailures(desk)
  return { supervisors, session }
}

/** Your own passphrase: the current one proves it is you (and is throttled like a login). */
export function changePassphrase(desk: Desk, a: { current: string; next: string }): null {
  const s = desk.requireSession()
  const keyring = ring(desk)
  const throttleKey = lookupFor(keyring, s.loginName)
  checkThrottle(desk, throttleKey)
  const slot = keyring.slots.find((k) => k.kind === 'user' && k.userId === s.userId)
  const check = slot ? unwrapKey(slot, a.current) : null
  if (!check) {
    recordFailure(desk, throttleKey, 'passphrase')
    flushPendingFailures(desk)
    return fail('WRONG_PASSPHRASE', 'errors:passphrase.wrongCurrent', undefined, 'current')
  }
  check.fill(0)
  recordSuccess(desk, throttleKey)
  requirePolicy(a.next, [s.loginName, s.displayName], 'next')
  const db = desk.db()
  // The same key pair under the new passphrase: its signature (role, account) stays valid, so a
  // worker changes their own passphrase without anyone signing. A version 1 slot on a signed keyring
  // needs a new, signed one: only a supervisor (or the person, if a supervisor) can make it.
  const resealed = resealSlot(slot!, a.current, a.next, desk.kdf) ?? undefined
  if (!resealed && keyring.authority && !holdsAuthority(s.role)) fail('FORBIDDEN', 'errors:passphrase.needsReset', undefined, 'current')
  rewrapUserSlot(desk, db, keyring, desk.dbKey(), userRow(db.orm, s.userId), a.next, { action: 'session.changePassphrase', actorId: s.userId }, resealed)
  return null
}

/** A supervisor sets a new passphrase for someone else (who forgot theirs). */
export function resetPassphrase(desk: Desk, a: { userId: number; passphrase: string }): null {
  const s = desk.requireSession()
  if (a.userId === s.userId) fail('FORBIDDEN', 'errors:users.resetSelf', undefined, 'userId')
  const db = desk.db()
  const user = userRow(db.orm, a.userId)
  // A disabled account gets no slot: re-enabling it (with a new passphrase) is the way back.
  if (user.disabled) fail('FORBIDDEN', 'errors:users.resetDisabled', undefined, 'userId')
  requirePolicy(a.passphrase, [user.loginName, user.displayName])
  rewrapUserSlot(desk, db, ring(desk), desk.dbKey(), user, a.passphrase, { action: 'users.resetPassphrase', actorId: s.userId })
  return null
}

function activeSupervisors(db: Orm): number {
  return db.select({ n: count() }).from(users).where(and(eq(users.role, 'supervisor'), eq(users.disabled, false))).get()?.n ?? 0
}

/**
 * Disabling revokes: the account's key slot is removed from keyring.json (in the same transaction as
 * the flag, the audit event and the slot table), so its passphrase unwraps nothing any more, in the
 * app or the CLI. Re-enabling needs a new passphrase, which wraps a new slot.
 */
export function setDisabled(desk: Desk, a: { userId: number; disabled: boolean; passphrase?: string }): null {
  const s = desk.requireSession()
  const db = desk.db()
  const { sqlite, orm } = db
  const user = userRow(orm, a.userId)
  if (a.disabled && a.userId === s.userId) fail('FORBIDDEN', 'errors:users.disableSelf')
  const keyring = ring(desk)
  if (a.disabled) {
    const hasSlot = keyring.slots.some((k) => k.kind === 'user' && k.userId === a.userId)
    if (user.disabled && !hasSlot) return null
    sqlite.transaction(() => {
      if (!user.disabled && user.role === 'supervisor' && activeSupervisors(orm) <= 1) fail('CONFLICT', 'errors:users.lastSupervisor')
      orm.update(users).set({ disabled: true, updatedAt: desk.now().toISOString() }).where(eq(users.id, a.userId)).run()
      orm.delete(keySlots).where(and(eq(keySlots.kind, 'user'), eq(keySlots.userId, a.userId))).run()
      desk.audit({ action: 'users.disable', subjectType: 'user', subjectId: a.userId })
      const remaining = { ...keyring, slots: keyring.slots.filter((k) => !(k.kind === 'user' && k.userId === a.userId)) }
      // A supervisor could open the keyring authority: a new one signs every remaining slot.
      writeKeyring(desk.dataDir, keyring.authority && holdsAuthority(user.role) ? resignAll(desk, remaining, { rotate: true }) : remaining)
    })()
    return null
  }
  if (!user.disabled) return null
  if (a.passphrase === undefined) return fail('BAD_ARGS', 'errors:users.enableNeedsPassphrase', undefined, 'passphrase')
  requirePolicy(a.passphrase, [user.loginName, user.displayName])
  sqlite.transaction(() => {
    orm.update(users).set({ disabled: false, updatedAt: desk.now().toISOString() }).where(eq(users.id, a.userId)).run()
    rewrapUserSlot(desk, db, keyring, desk.dbKey(), user, a.passphrase!, { action: 'users.enable', actorId: s.userId })
  })()
  return null
}

/** Worker ↔ supervisor. The last active supervisor cannot be demoted (nobody could manage the desk). */
export function setRole(desk: Desk, a: { userId: number; role: Role }): null {
  const s = desk.requireSession()
  const { sqlite, orm } = desk.db()
  const user = userRow(orm, a.userId)
  if (user.role === a.role) return null
  sqlite.transaction(() => {
    if (user.role === 'supervisor' && !user.disabled && activeSupervisors(orm) <= 1) fail('CONFLICT', 'errors:users.lastSupervisor')
    orm.update(users).set({ role: a.role, updatedAt: desk.now().toISOString() }).where(eq(users.id, a.userId)).run()
    desk.audit({ action: 'users.setRole', subjectType: 'user', subjectId: a.userId, details: { from: user.role, to: a.role } })
    // The role is part of every slot's signature: signed again (under a new authority when the one
    // losing the role could open it), and a new supervisor's slot receives the authority.
    const keyring = ring(desk)
    if (keyring.authority) writeKeyring(desk.dataDir, resignAll(desk, keyring, { rotate: holdsAuthority(user.role) && !holdsAuthority(a.role), role: { userId: a.userId, role: a.role } }))
  })()
  // Demoting yourself takes effect at once: the router checks the role on every call.
  if (a.userId === s.userId) s.role = a.role
  if (a.userId === s.userId && !holdsAuthority(a.role)) desk.setAuthority(null)
  return null
}
