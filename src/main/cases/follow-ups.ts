import { and, eq } from 'drizzle-orm'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { followUpDateProblems } from '@shared/domain/dates/order'
import type { FollowUpKind } from '@shared/domain/case/options'
import type { FollowUp } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseFollowUps, interviews } from '../db/schema'
import { getCase } from './record'
import { actor, nowIso, refuseDates, requireCase, touch, tx } from './shared'

// ───────────────────────────── follow-ups ─────────────────────────────

export function scheduleFollowUp(
  desk: Desk,
  a: { caseId: number; dueDate: string; kind: FollowUpKind; note?: string; interviewId?: number | null }
): FollowUp {
  const id = tx(desk, (db) => {
    const row = requireCase(db, a.caseId)
    const iv = a.interviewId
      ? db
          .select({ startedAt: interviews.startedAt })
          .from(interviews)
          .where(and(eq(interviews.id, a.interviewId), eq(interviews.caseId, a.caseId)))
          .get()
      : undefined
    if (a.interviewId && !iv) fail('NOT_FOUND', 'cases:errors.notFound', undefined, 'interviewId')
    refuseDates(
      followUpDateProblems(a.dueDate, {
        contactDate: row.contactDate,
        interviewDate: iv ? isoDateAtOffset(new Date(iv.startedAt)) : null
      })
    )
    const { id } = db
      .insert(caseFollowUps)
      .values({
        caseId: a.caseId,
        dueDate: a.dueDate,
        kind: a.kind,
        note: a.note ?? '',
        interviewId: a.interviewId ?? null,
        assignedWorkerId: row.assignedWorkerId ?? actor(desk),
        createdAt: nowIso(desk),
        createdBy: actor(desk)
      })
      .returning({ id: caseFollowUps.id })
      .get()
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.followUp', subjectType: 'case', subjectId: a.caseId, details: { followUpId: id, kind: a.kind, dueDate: a.dueDate } })
    return id
  })
  return getCase(desk, a.caseId).followUps.find((f) => f.id === id)!
}

export function completeFollowUp(desk: Desk, followUpId: number, note?: string): FollowUp {
  const caseId = tx(desk, (db) => {
    const f =
      db.select({ caseId: caseFollowUps.caseId }).from(caseFollowUps).where(eq(caseFollowUps.id, followUpId)).get() ??
      fail('NOT_FOUND', 'cases:errors.followUpNotFound')
    db.update(caseFollowUps)
      .set({ doneAt: nowIso(desk), doneNote: note ?? '', doneBy: actor(desk) })
      .where(eq(caseFollowUps.id, followUpId))
      .run()
    touch(db, desk, f.caseId)
    desk.audit({ action: 'cases.followUp.done', subjectType: 'case', subjectId: f.caseId, details: { followUpId } })
    return f.caseId
  })
  return getCase(desk, caseId).followUps.find((f) => f.id === followUpId)!
}
