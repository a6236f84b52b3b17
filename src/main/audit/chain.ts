import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'

/**
 * The audit trail is a hash chain: each event's hash covers its content and the previous hash, so
 * editing or deleting an event breaks every link after it and `verifyChain` says where.
 */
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

export const GENESIS = '0'.repeat(64)

export function eventHash(prev: string, e: Omit<AuditRow, 'id' | 'prev_hash' | 'hash'>): string {
  const canonical = JSON.stringify([e.at, e.actor_id, e.action, e.subject_type, e.subject_id, e.details])
  return createHash('sha256').update(prev).update('\n').update(canonical).digest('hex')
}

export function appendAudit(db: Database.Database, input: AuditInput, at: Date): number {
  const last = db.prepare('SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined
  const prev = last?.hash ?? GENESIS
  const row = {
    at: at.toISOString(),
    actor_id: input.actorId,
    action: input.action,
    subject_type: input.subjectType ?? null,
    subject_id: input.subjectId == null ? null : String(input.subjectId),
    details: JSON.stringify(input.details ?? {})
  }
  const hash = eventHash(prev, row)
  const info = db
    .prepare(
      `INSERT INTO audit_events (at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
       VALUES (@at, @actor_id, @action, @subject_type, @subject_id, @details, @prev_hash, @hash)`
    )
    .run({ ...row, prev_hash: prev, hash })
  return Number(info.lastInsertRowid)
}

export interface ChainVerdict {
  ok: boolean
  checked: number
  /** The first event whose link is broken (edited, or the one after a deletion). */
  brokenAt: number | null
  reason: 'edited' | 'missing' | null
}

export function verifyChain(db: Database.Database): ChainVerdict {
  let prev = GENESIS
  let checked = 0
  for (const row of db.prepare('SELECT * FROM audit_events ORDER BY id').iterate() as Iterable<AuditRow>) {
    checked++
    if (row.prev_hash !== prev) return { ok: false, checked, brokenAt: row.id, reason: 'missing' }
    if (eventHash(prev, row) !== row.hash) return { ok: false, checked, brokenAt: row.id, reason: 'edited' }
    prev = row.hash
  }
  return { ok: true, checked, brokenAt: null, reason: null }
}
