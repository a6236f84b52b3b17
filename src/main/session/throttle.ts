import { randomUUID } from 'node:crypto'
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
/**
 * Failed attempts waiting for the audit trail, in a file of their own (with the keyed login hash),
 * so deleting throttle.json — to skip a wait — neither drops them nor resets the wait: the counters
 * are rebuilt from them. The running app also keeps the ones it recorded in memory until they are
 * written. (Not in the data folder: a failed attempt must leave every byte there as it was.)
 */
export const PENDING_FILE = 'failed-logins.json'
interface Pending {
  id: string
  at: string
  kind: FailureKind
  key?: string
}
const held = new WeakMap<Desk, Pending[]>()
/** The recovery key has its own counter, like a login. */
export const RECOVERY_KEY = 'recovery'
const MAX_KEYS = 500
const MAX_PENDING = 1000

const fresh = (): ThrottleFile => ({ format: 1, global: { failures: 0, lastAt: 0 }, byKey: {}, pending: [] })

function file(desk: Desk): string {
  return join(desk.stateDir, THROTTLE_FILE)
}

function pendingFile(desk: Desk): string {
  return join(desk.stateDir, PENDING_FILE)
}

function loadPending(desk: Desk): Pending[] {
  try {
    const parsed = JSON.parse(readFileSync(pendingFile(desk), 'utf8')) as { format: 1; pending: Pending[] }
    return Array.isArray(parsed.pending) ? parsed.pending.filter((p) => typeof p?.at === 'string' && typeof p?.id === 'string') : []
  } catch {
    return []
  }
}

function savePending(desk: Desk, pending: Pending[]): void {
  writeFileAtomic(pendingFile(desk), JSON.stringify({ format: 1, pending: pending.slice(-MAX_PENDING) }))
}

/** throttle.json is gone: its counters again, from the failures still waiting for the audit trail. */
function rebuilt(desk: Desk): ThrottleFile {
  const t = fresh()
  for (const p of loadPending(desk)) {
    const at = Date.parse(p.at)
    if (!Number.isFinite(at)) continue
    t.global = { failures: t.global.failures + 1, lastAt: Math.max(t.global.lastAt, at) }
    if (p.key) {
      const own = t.byKey[p.key] ?? { failures: 0, lastAt: 0 }
      t.byKey[p.key] = { failures: own.failures + 1, lastAt: Math.max(own.lastAt, at) }
    }
  }
  return t
}

export function loadThrottle(desk: Desk): ThrottleFile {
  const path = file(desk)
  if (!existsSync(path)) return rebuilt(desk)
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
  save(desk, { ...t, pending: t.pending })
  const event: Pending = { id: randomUUID(), at: now.toISOString(), kind, key }
  const mine = held.get(desk) ?? []
  mine.push(event)
  held.set(desk, mine.slice(-MAX_PENDING))
  savePending(desk, [...loadPending(desk), event])
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
  // This process's own (kept in memory), the waiting file's, and any an older version left in throttle.json.
  const byId = new Map<string, { at: string; kind: FailureKind }>()
  for (const p of [...(held.get(desk) ?? []), ...loadPending(desk)]) byId.set(p.id, p)
  const all = [...byId.values(), ...t.pending].sort((a, b) => a.at.localeCompare(b.at))
  if (all.length === 0) return 0
  const db = desk.db().sqlite
  db.transaction(() => {
    for (const p of all) {
      // No actor: who typed the wrong secret is exactly what is not known.
      appendAudit(db, { actorId: null, action: 'session.loginFailed', details: { at: p.at, kind: p.kind } }, desk.now())
    }
  })()
  held.delete(desk)
  savePending(desk, [])
  if (t.pending.length) save(desk, { ...t, pending: [] })
  return all.length
}
