import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fail } from '@shared/ipc/result'
import { GLOBAL, PER_LOGIN, retryAfter, type Counter } from '@shared/domain/session/throttle'
import type { Desk } from '../desk/desk'
import { writeFileAtomic } from '../fs/atomic'
import { appendAudit } from '../audit/chain'

/**
 * The login throttle's memory, kept in the state folder — never the data folder, so a failed
 * attempt leaves every byte of the data folder as it was — and surviving restarts, so closing the
 * app does not reset the wait. It holds no names: a login is known only by its keyed hash (the
 * keyring's lookup HMAC), and failures waiting to be audited carry only their time.
 */
export type FailureKind = 'login' | 'recovery' | 'passphrase' | 'cli'

interface ThrottleFile {
  format: 1
  global: Counter
  byKey: Record<string, Counter>
  /** Failures not yet written to the audit trail (it is encrypted: they wait for the next unlock). */
  pending: { at: string; kind: FailureKind }[]
}

export const THROTTLE_FILE = 'throttle.json'
/** The recovery key has its own counter, like a login. */
export const RECOVERY_KEY = 'recovery'
const MAX_KEYS = 500
const MAX_PENDING = 1000

const fresh = (): ThrottleFile => ({ format: 1, global: { failures: 0, lastAt: 0 }, byKey: {}, pending: [] })

function file(desk: Desk): string {
  return join(desk.stateDir, THROTTLE_FILE)
}

export function loadThrottle(desk: Desk): ThrottleFile {
  const path = file(desk)
  if (!existsSync(path)) return fresh()
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as ThrottleFile
    if (parsed.format !== 1 || typeof parsed.global?.failures !== 'number') return fresh()
    return { ...fresh(), ...parsed }
  } catch {
    // A torn or edited file: start again. Whoever can edit it can also delete it.
    return fresh()
  }
}

function save(desk: Desk, t: ThrottleFile): void {
  writeFileAtomic(file(desk), JSON.stringify(t))
}

/** Seconds before the next attempt for this key (or only the global counter) is accepted. */
export function throttleWait(desk: Desk, key?: string): number {
  const t = loadThrottle(desk)
  const now = desk.now().getTime()
  const own = key ? retryAfter(t.byKey[key], PER_LOGIN, now) : 0
  return Math.max(own, retryAfter(t.global, GLOBAL, now))
}

/** Refuse before any KDF work: a throttled attempt costs the machine nothing. */
export function checkThrottle(desk: Desk, key: string): void {
  const seconds = throttleWait(desk, key)
  if (seconds > 0) fail('THROTTLED', 'errors:login.throttled', { seconds })
}

export function recordFailure(desk: Desk, key: string, kind: FailureKind): void {
  const t = loadThrottle(desk)
  const now = desk.now()
  const at = now.getTime()
  const own = t.byKey[key] ?? { failures: 0, lastAt: 0 }
  t.byKey[key] = { failures: own.failures + 1, lastAt: at }
  t.global = { failures: t.global.failures + 1, lastAt: at }
  const keys = Object.entries(t.byKey)
  if (keys.length > MAX_KEYS) {
    keys.sort((a, b) => a[1].lastAt - b[1].lastAt)
    for (const [k] of keys.slice(0, keys.length - MAX_KEYS)) delete t.byKey[k]
  }
  t.pending.push({ at: now.toISOString(), kind })
  if (t.pending.length > MAX_PENDING) t.pending.splice(0, t.pending.length - MAX_PENDING)
  save(desk, t)
}

/** The right secret: this key's counter and the global one start again. */
export function recordSuccess(desk: Desk, key: string): void {
  const t = loadThrottle(desk)
  if (!t.byKey[key] && t.global.failures === 0) return
  delete t.byKey[key]
  t.global = { failures: 0, lastAt: 0 }
  save(desk, t)
}

/** Once the desk is unlocked, write the waiting failures to the audit trail and forget them. */
export function flushPendingFailures(desk: Desk): number {
  const t = loadThrottle(desk)
  if (t.pending.length === 0) return 0
  const db = desk.db().sqlite
  db.transaction(() => {
    for (const p of t.pending) {
      // No actor: who typed the wrong secret is exactly what is not known.
      appendAudit(db, { actorId: null, action: 'session.loginFailed', details: { at: p.at, kind: p.kind } }, desk.now())
    }
  })()
  const n = t.pending.length
  save(desk, { ...t, pending: [] })
  return n
}
