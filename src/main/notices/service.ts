import { and, desc, eq, isNull, ne, or } from 'drizzle-orm'
import type { NoticeItem } from '@shared/domain/notices/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases, notices, users } from '../db/schema'

/**
 * Record a notice for the supervisors and push it live to whoever is logged in. `detail` says what it
 * is about without personal text (a risk level, a deadline and its date). A notice with a `onceKey`
 * (a missed deadline) is raised once: a second call with the same key records nothing and answers null.
 */
export function raiseNotice(
  desk: Desk,
  input: { kind: string; caseId: number | null; interviewId?: number | null; detail?: string; onceKey?: string; raisedBy?: number | null }
): number | null {
  const at = desk.now().toISOString()
  const row = desk
    .db()
    .orm.insert(notices)
    .values({
      kind: input.kind,
      caseId: input.caseId,
      interviewId: input.interviewId ?? null,
      raisedBy: input.raisedBy !== undefined ? input.raisedBy : (desk.session?.userId ?? null),
      raisedAt: at,
      detail: input.detail ?? '',
      onceKey: input.onceKey ?? null
    })
    .onConflictDoNothing()
    .returning({ id: notices.id })
    .get()
  if (!row) return null
  desk.emit('notice', { kind: input.kind, caseId: input.caseId ?? undefined, at })
  return row.id
}

/** Open notices for the supervisor at the desk; the ones they raised themselves they already know. */
export function openNotices(desk: Desk): NoticeItem[] {
  const me = desk.requireSession().userId
  return desk
    .db()
    .orm.select({
      id: notices.id,
      kind: notices.kind,
      caseId: notices.caseId,
      caseNo: cases.caseNo,
      interviewId: notices.interviewId,
      raisedByName: users.displayName,
      raisedAt: notices.raisedAt,
      acknowledgedAt: notices.acknowledgedAt,
      detail: notices.detail
    })
    .from(notices)
    .leftJoin(cases, eq(cases.id, notices.caseId))
    .leftJoin(users, eq(users.id, notices.raisedBy))
    .where(and(isNull(notices.acknowledgedAt), or(isNull(notices.raisedBy), ne(notices.raisedBy, me))))
    .orderBy(desc(notices.raisedAt), desc(notices.id))
    .limit(50)
    .all()
}

/**
 * A supervisor acknowledges a notice with a note (what they did: phoned the worker, reported upward…).
 * The note is kept with the notice; the audit trail records who acknowledged which notice, not the note.
 */
export function acknowledgeNotice(desk: Desk, noticeId: number, note: string): void {
  const s = desk.requireSession()
  const text = note.trim()
  if (!text) fail('BAD_ARGS', 'aftercare:errors.noteRequired', undefined, 'note')
  const db = desk.db()
  db.sqlite.transaction(() => {
    const row = db.orm.select({ caseId: notices.caseId, acknowledgedAt: notices.acknowledgedAt, kind: notices.kind }).from(notices).where(eq(notices.id, noticeId)).get()
    if (!row) fail('NOT_FOUND', 'supervisor:notices.notFound')
    if (row!.acknowledgedAt) return
    db.orm
      .update(notices)
      .set({ acknowledgedBy: s.userId, acknowledgedAt: desk.now().toISOString(), acknowledgeNote: text })
      .where(eq(notices.id, noticeId))
      .run()
    desk.audit({ action: 'notices.acknowledge', subjectType: 'case', subjectId: row!.caseId, details: { noticeId, kind: row!.kind } })
  })()
}
