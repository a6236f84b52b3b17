import { randomBytes } from 'node:crypto'
import type { DeskStatus, Locale, Role, SessionInfo, SetupResult, UserSummary } from '@shared/domain/session/types'
import { fail } from '@shared/ipc/result'
import { checkPassphrase } from '@shared/domain/session/passphrase'
import type { Desk, Session } from '../desk/desk'
import {
  findUserSlot,
  lookupFor,
  newKeyring,
  newRecoveryKey,
  readKeyring,
  unwrapKey,
  wrapKey,
  writeKeyring,
  type Keyring
} from '../db/keyring'
import { dbExists, openDatabase } from '../db/open'
import { LATEST_SCHEMA } from '../db/migrate'
import { getSetting } from '../settings/settings'

interface UserRow {
  id: number
  login_name: string
  display_name: string
  role: Role
  locale: Locale
  disabled: number
  created_at: string
}

export function toSummary(r: UserRow): UserSummary {
  return {
    id: r.id,
    displayName: r.display_name,
    loginName: r.login_name,
    role: r.role,
    disabled: !!r.disabled,
    createdAt: r.created_at,
    locale: r.locale
  }
}

export function sessionInfo(desk: Desk, s: Session): SessionInfo {
  const idleMinutes = getSetting<number>(desk, 'idleMinutes')
  const lockAt = new Date(desk.lastActivity + idleMinutes * 60_000).toISOString()
  return { ...s, idleMinutes, lockAt }
}

export function status(desk: Desk): DeskStatus {
  const ring = readKeyring(desk.dataDir)
  const state = desk.isOpen && desk.session ? 'unlocked' : ring && dbExists(desk.dataDir) ? 'locked' : 'new'
  const locked = desk.lockedSession
  return {
    state,
    lockedUser: locked ? { loginName: locked.loginName, displayName: locked.displayName } : null,
    retryAfterSeconds: 0,
    appVersion: desk.appVersion,
    schemaVersion: LATEST_SCHEMA
  }
}

function requirePolicy(pass: string, context: string[]): void {
  const verdict = checkPassphrase(pass, context)
  if (!verdict.ok) fail('WEAK_PASSPHRASE', `errors:passphrase.${verdict.problems[0] ?? 'weak'}`, undefined, 'passphrase')
}

/** First run: a new key, the database, the first supervisor and a recovery slot. */
export function setup(
  desk: Desk,
  a: { displayName: string; loginName: string; passphrase: string; locale: Locale }
): SetupResult {
  if (readKeyring(desk.dataDir) || dbExists(desk.dataDir)) fail('ALREADY_SET_UP', 'errors:setup.already')
  requirePolicy(a.passphrase, [a.loginName, a.displayName])
  const key = randomBytes(32)
  const ring = newKeyring()
  const conn = openDatabase(desk.dataDir, key, { create: true })
  const now = desk.now().toISOString()
  const recoveryKey = newRecoveryKey()
  let userId = 0
  conn.sqlite.transaction(() => {
    userId = Number(
      conn.sqlite
        .prepare(
          `INSERT INTO users (login_name, display_name, role, locale, created_at, updated_at) VALUES (?, ?, 'supervisor', ?, ?, ?)`
        )
        .run(a.loginName, a.displayName, a.locale, now, now).lastInsertRowid
    )
    const userSlot = wrapKey(key, a.passphrase, { kind: 'user', lookup: lookupFor(ring, a.loginName), userId }, desk.kdf)
    const recSlot = wrapKey(key, recoveryKey, { kind: 'recovery', lookup: '', userId: null }, desk.kdf)
    ring.slots.push(userSlot, recSlot)
    const ins = conn.sqlite.prepare('INSERT INTO key_slots (id, kind, user_id, created_at) VALUES (?, ?, ?, ?)')
    ins.run(userSlot.id, 'user', userId, now)
    ins.run(recSlot.id, 'recovery', null, now)
  })()
  writeKeyring(desk.dataDir, ring)
  desk.attach(conn, key)
  const session = startSession(desk, userId)
  desk.audit({ action: 'desk.setup', subjectType: 'user', subjectId: userId })
  return { session, recoveryKey }
}

function startSession(desk: Desk, userId: number): SessionInfo {
  const row = desk.db().sqlite.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow | undefined
  if (!row) return fail('NOT_FOUND', 'errors:login.failed')
  desk.session = {
    userId: row.id,
    role: row.role,
    loginName: row.login_name,
    displayName: row.display_name,
    locale: row.locale
  }
  desk.lockedSession = null
  desk.lastActivity = desk.now().getTime()
  return sessionInfo(desk, desk.session)
}

export function ring(desk: Desk): Keyring {
  return readKeyring(desk.dataDir) ?? fail('NOT_SET_UP', 'errors:setup.notYet')
}

export function login(desk: Desk, a: { loginName: string; passphrase: string }): SessionInfo {
  const keyring = ring(desk)
  const slot = findUserSlot(keyring, a.loginName)
  const key = slot ? unwrapKey(slot, a.passphrase) : null
  if (!slot || !key) return fail('WRONG_PASSPHRASE', 'errors:login.failed')
  if (desk.isOpen) desk.close()
  desk.session = null
  const conn = openDatabase(desk.dataDir, key)
  desk.attach(conn, key)
  const row = conn.sqlite.prepare('SELECT disabled FROM users WHERE id = ?').get(slot.userId) as { disabled: number } | undefined
  if (!row || row.disabled) {
    desk.close()
    return fail('ACCOUNT_DISABLED', 'errors:login.disabled')
  }
  const info = startSession(desk, slot.userId!)
  desk.audit({ action: 'session.login' })
  return info
}

export function lock(desk: Desk, reason: 'user' | 'idle' | 'os' | 'suspend'): void {
  if (!desk.isOpen) return
  if (desk.session) desk.audit({ action: 'session.lock', details: { reason } })
  desk.lockedSession = desk.session
  desk.session = null
  desk.close()
  desk.emit('session.locked', { reason })
}

export function logout(desk: Desk): void {
  if (desk.isOpen && desk.session) desk.audit({ action: 'session.logout' })
  desk.session = null
  desk.lockedSession = null
  desk.close()
}

export function listUsers(desk: Desk): UserSummary[] {
  return (desk.db().sqlite.prepare('SELECT * FROM users ORDER BY id').all() as UserRow[]).map(toSummary)
}

export function addUser(
  desk: Desk,
  a: { displayName: string; loginName: string; role: Role; passphrase: string }
): UserSummary {
  const keyring = ring(desk)
  const db = desk.db().sqlite
  const taken = db.prepare('SELECT 1 FROM users WHERE login_name = ?').get(a.loginName) || findUserSlot(keyring, a.loginName)
  if (taken) fail('CONFLICT', 'errors:users.loginTaken', undefined, 'loginName')
  requirePolicy(a.passphrase, [a.loginName, a.displayName])
  const now = desk.now().toISOString()
  let userId = 0
  db.transaction(() => {
    userId = Number(
      db
        .prepare(`INSERT INTO users (login_name, display_name, role, locale, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(a.loginName, a.displayName, a.role, desk.session?.locale ?? 'zh-CN', now, now).lastInsertRowid
    )
    const slot = wrapKey(desk.dbKey(), a.passphrase, { kind: 'user', lookup: lookupFor(keyring, a.loginName), userId }, desk.kdf)
    keyring.slots.push(slot)
    db.prepare('INSERT INTO key_slots (id, kind, user_id, created_at) VALUES (?, ?, ?, ?)').run(slot.id, 'user', userId, now)
    desk.audit({ action: 'users.add', subjectType: 'user', subjectId: userId, details: { role: a.role } })
    // The keyring is written inside the transaction: if it fails, the user row is rolled back.
    writeKeyring(desk.dataDir, keyring)
  })()
  return toSummary(db.prepare('SELECT * FROM users WHERE id = ?').get(userId) as UserRow)
}

export function setLocale(desk: Desk, locale: Locale): void {
  const s = desk.requireSession()
  desk.db().sqlite.prepare('UPDATE users SET locale = ?, updated_at = ? WHERE id = ?').run(locale, desk.now().toISOString(), s.userId)
  s.locale = locale
  desk.audit({ action: 'session.setLocale', details: { locale } })
}

export function touch(desk: Desk): { lockAt: string } {
  desk.lastActivity = desk.now().getTime()
  return { lockAt: sessionInfo(desk, desk.requireSession()).lockAt }
}
