import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'
import { asc, desc, gt } from 'drizzle-orm'
import { ormOf } from '../db/open'
import { beginRead, commit } from '../db/pragmas'
import { preparedInsert } from '../db/prepared-insert'
import { auditEvents } from '../db/schema'

/**
 * The audit trail is a hash chain: each event's hash covers its content and the previous hash, so
 * editing or deleting an event breaks every link after it and `verifyChain` says where.
 *
 * Keyed: from schema 8 on, an event's hash is an HMAC-SHA256 under the audit key (random, kept in
 * keyring.json sealed under the database key, never in the database itself), so rows edited with
 * SQL and re-hashed with SHA-256 no longer pass. Events written before the key existed keep their
 * SHA-256 hashes; once one keyed event exists every later one must be keyed. Deleting the newest
 * events leaves a valid chain, so the head is anchored outside the table: in keyring.json (updated
 * when the desk closes and after a backup, and MACed), in every backup's manifest and on the
 * printed audit export; `verifyChain` with an anchor reports a shortened tail.
 */
const keys = new WeakMap<Database.Database, Buffer>()

/** The audit key for events appended through this handle (held in memory only while it is open). */
export function setAuditKey(db: Database.Database, key: Buffer | null): void {
  if (key) keys.set(db, key)
  else keys.delete(db)
}

export function auditKeyOf(db: Database.Database): Buffer | null {
  return keys.get(db) ?? null
}

export function keyedHash(key: Buffer, prev: string, e: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([e.at, e.actor_id, e.action, e.subject_type, e.subject_id, e.details])
  return createHmac('sha256', key).update('petition-desk audit v2\n').update(prev).update('\n').update(canonical).digest('hex')
}

/** Where the chain's newest event was, kept outside the table. */
export interface AuditHead {
  id: number
  hash: string
}

export function anchorMac(key: Buffer, head: AuditHead): string {
  return createHmac('sha256', key).update(`petition-desk audit head\n${head.id}\n${head.hash}`).digest('hex')
}

export function chainHead(db: Database.Database): AuditHead {
  const last = ormOf(db).select({ id: auditEvents.id, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).get()
  return last ?? { id: 0, hash: GENESIS }
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}
export interface AuditInput {
  actorId: number | null
  action: string
  subjectType?: string | null
  subjectId?: string | number | null
  /** Ids, field names, counts: what happened, not the personal content itself. */
  details?: Record<string, unknown>
}

export interface AuditRow {
  id: number
  at: string
  actor_id: number | null
  action: string
  subject_type: string | null
  subject_id: string | null
  details: string
  prev_hash: string
  hash: string
}

/** An event as the hashes read it: the table's columns under their SQL names (the canonical form). */
export const auditRowColumns = {
  id: auditEvents.id,
  at: auditEvents.at,
  actor_id: auditEvents.actorId,
  action: auditEvents.action,
  subject_type: auditEvents.subjectType,
  subject_id: auditEvents.subjectId,
  details: auditEvents.details,
  prev_hash: auditEvents.prevHash,
  hash: auditEvents.hash
}

export const GENESIS = '0'.repeat(64)

export function eventHash(prev: string, e: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([e.at, e.actor_id, e.action, e.subject_type, e.subject_id, e.details])
  return createHash('sha256').update(prev).update('\n').update(canonical).digest('hex')
}

/**
 * Every audited write appends an event: the two statements it needs are built by drizzle and
 * prepared once per connection (building them per event doubled the cost of an append).
 */
const appending = new WeakMap<Database.Database, ReturnType<typeof prepareAppend>>()
const prepareAppend = (db: Database.Database) => {
  const orm = ormOf(db)
  return {
    last: orm.select({ hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1).prepare(),
    insert: preparedInsert(orm, auditEvents, ['at', 'actorId', 'action', 'subjectType', 'subjectId', 'details', 'prevHash', 'hash'])
  }
}
function appendStatements(db: Database.Database): ReturnType<typeof prepareAppend> {
  let st = appending.get(db)
  if (!st) appending.set(db, (st = prepareAppend(db)))
  return st
}

export function appendAudit(db: Database.Database, input: AuditInput, at: Date): number {
  const st = appendStatements(db)
  const prev = st.last.get()?.hash ?? GENESIS
  const row = {
    at: at.toISOString(),
    actor_id: input.actorId,
    action: input.action,
    subject_type: input.subjectType ?? null,
    subject_id: input.subjectId == null ? null : String(input.subjectId),
    details: JSON.stringify(input.details ?? {})
  }
  const key = keys.get(db)
  const hash = key ? keyedHash(key, prev, row) : eventHash(prev, row)
  return st.insert.runInOrder(row.at, row.actor_id, row.action, row.subject_type, row.subject_id, row.details, prev, hash)
}

export interface ChainVerdict {
  ok: boolean
  checked: number
  /** The first event whose link is broken (edited, or the one after a deletion). */
  brokenAt: number | null
  /**
   * edited: the content no longer matches its (keyed) hash; missing: events before it were removed;
   * unkeyed: a plain SHA-256 event after keyed ones (rewritten without the key); truncated: the
   * newest events named by the anchor are gone.
   */
  reason: 'edited' | 'missing' | 'unkeyed' | 'truncated' | null
  /** Events hashed under the audit key (the rest predate it). */
  keyed?: number
}

/**
 * Check the chain. With the audit key, keyed events are authenticated; with an anchor (from the
 * keyring, a backup, a printed export), a chain that ends before it is reported as truncated.
 */
/** Events a page at a time, in id order, all from one read (the trail may be long: never all in memory). */
function* eventsInOrder(db: Database.Database, page = 2000): Generator<AuditRow> {
  const orm = ormOf(db)
  const read = (after: number) => orm.select(auditRowColumns).from(auditEvents).where(gt(auditEvents.id, after)).orderBy(asc(auditEvents.id)).limit(page).all()
  const own = !db.inTransaction
  if (own) beginRead(db)
  try {
    for (let rows = read(-1); rows.length > 0; rows = rows.length < page ? [] : read(rows[rows.length - 1]!.id)) yield* rows
  } finally {
    if (own && db.inTransaction) commit(db)
  }
}

export function verifyChain(db: Database.Database, key: Buffer | null = keys.get(db) ?? null, anchor: AuditHead | null = null): ChainVerdict {
  let prev = GENESIS
  let checked = 0
  let keyed = 0
  let sawAnchor = !anchor || anchor.id === 0
  for (const row of eventsInOrder(db)) {
    checked++
    if (row.prev_hash !== prev) return { ok: false, checked, brokenAt: row.id, reason: 'missing', keyed }
    const plain = eventHash(prev, row)
    if (key && same(keyedHash(key, prev, row), row.hash)) keyed++
    else if (same(plain, row.hash)) {
      if (keyed > 0) return { ok: false, checked, brokenAt: row.id, reason: 'unkeyed', keyed }
    } else return { ok: false, checked, brokenAt: row.id, reason: 'edited', keyed }
    if (anchor && row.id === anchor.id) {
      if (!same(row.hash, anchor.hash)) return { ok: false, checked, brokenAt: row.id, reason: 'edited', keyed }
      sawAnchor = true
    }
    prev = row.hash
  }
  if (!sawAnchor) return { ok: false, checked, brokenAt: anchor!.id, reason: 'truncated', keyed }
  return { ok: true, checked, brokenAt: null, reason: null, keyed }
}
