import { and, desc, eq, isNull, ne, or } from 'drizzle-orm'
import type { NoticeItem } from '@shared/domain/notices/types'
import type { DeskEvents } from '@shared/ipc/events'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseConfidential, cases, notices, users } from '../db/schema'

/**
 * Push a notice event to the person at the desk, if it is for them: a supervisor hears every event
 * (supervisors open every case); a worker only what is addressed to them (`forUserId`), so no case
 * number of someone else's case — a confidential one least of all — reaches a worker's window.
 */
export function pushNotice(desk: Desk, event: DeskEvents['notice']): void {
  const s = desk.session
  if (!s) return
  if (s.role === 'supervisor' || (event.forUserId != null && event.forUserId === s.userId)) desk.emit('notice', event)
}

/**
 * Record a notice and push it live to whoever is logged in and concerned. By default it is for the
 * supervisors; `forUserId` addresses it to one worker instead (a referral of their case whose reply is
 * overdue). `detail` says what it is about without personal text (a risk level, a deadline and its
 * date). A notice with a `onceKey` (a missed deadline) is raised once: a second call with the same key
 * records nothing and answers null.
 */
export function raiseNotice(
  desk: Desk,
  input: { kind: string; caseId: number | null; interviewId?: number | null; detail?: string; onceKey?: string; raisedBy?: number | null; forUserId?: number | null }
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
      onceKey: input.onceKey ?? null,
      forUserId: input.forUserId ?? null
    })
    .onConflictDoNothing()
    .returning({ id: notices.id })
    .get()
  if (!row) return null
  pushNotice(desk, { kind: input.kind, caseId: input.caseId ?? undefined, at, ...(input.forUserId != null ? { forUserId: input.forUserId } : {}) })
  return row.id
}

/**
 * Open notices for the person at the desk; the ones they raised themselves they already know. A
 * supervisor sees the supervisors' notices; a worker the ones addressed to them, of cases they may
 * still open (a confidential case given to another worker since drops out).
 */
export function openNotices(desk: Desk): NoticeItem[] {
  const s = desk.requireSession()
  const me = s.userId
  const forMe =
    s.role === 'supervisor'
      ? isNull(notices.forUserId)
      : and(eq(notices.forUserId, me), or(isNull(caseConfidential.caseId), eq(cases.assignedWorkerId, me)))
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
    .leftJoin(caseConfidential, eq(caseConfidential.caseId, notices.caseId))
    .leftJoin(users, eq(users.id, notices.raisedBy))
    .where(and(isNull(notices.acknowledgedAt), or(isNull(notices.raisedBy), ne(notices.raisedBy, me)), forMe))
    .orderBy(desc(notices.raisedAt), desc(notices.id))
    .limit(50)
    .all()
}

/**
 * A supervisor acknowledges a supervisors' notice, a worker one addressed to them, with a note (what
 * they did: phoned the worker, reported upward, chased the reply…). Someone else's notice is answered
 * as not found. The note is kept with the notice; the audit trail records who acknowledged which
 * notice, not the note.
 */
export function acknowledgeNotice(desk: Desk, noticeId: number, note: string): void {
  const s = desk.requireSession()
  const text = note.trim()
  if (!text) fail('BAD_ARGS', 'aftercare:errors.noteRequired', undefined, 'note')
  const db = desk.db()
  db.sqlite.transaction(() => {
    const row = db.orm
      .select({ caseId: notices.caseId, acknowledgedAt: notices.acknowledgedAt, kind: notices.kind, forUserId: notices.forUserId })
      .from(notices)
      .where(eq(notices.id, noticeId))
      .get()
    const mine = row && (s.role === 'supervisor' ? row.forUserId == null : row.forUserId === s.userId)
    if (!row || !mine) fail('NOT_FOUND', 'supervisor:notices.notFound')
    if (row!.acknowledgedAt) return
    db.orm
      .update(notices)
      .set({ acknowledgedBy: s.userId, acknowledgedAt: desk.now().toISOString(), acknowledgeNote: text })
      .where(eq(notices.id, noticeId))
      .run()
    desk.audit({ action: 'notices.acknowledge', subjectType: 'case', subjectId: row!.caseId, details: { noticeId, kind: row!.kind } })
  })()
}
