import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { followUpDateProblems } from '@shared/domain/dates/order'
import { type FollowUpKind } from '@shared/domain/case/options'
import type { FollowUp } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
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
      ? (db.prepare('SELECT started_at FROM interviews WHERE id = ? AND case_id = ?').get(a.interviewId, a.caseId) as { started_at: string } | undefined)
      : undefined
    if (a.interviewId && !iv) fail('NOT_FOUND', 'cases:errors.notFound', undefined, 'interviewId')
    refuseDates(
      followUpDateProblems(a.dueDate, {
        contactDate: row.contact_date as string,
        interviewDate: iv ? isoDateAtOffset(new Date(iv.started_at)) : null
      })
    )
    const info = db
      .prepare(
        `INSERT INTO case_follow_ups (case_id, due_date, kind, note, interview_id, assigned_worker_id, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(a.caseId, a.dueDate, a.kind, a.note ?? '', a.interviewId ?? null, row.assigned_worker_id ?? actor(desk), nowIso(desk), actor(desk))
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.followUp', subjectType: 'case', subjectId: a.caseId, details: { followUpId: Number(info.lastInsertRowid), kind: a.kind, dueDate: a.dueDate } })
    return Number(info.lastInsertRowid)
  })
  return getCase(desk, a.caseId).followUps.find((f) => f.id === id)!
}

export function completeFollowUp(desk: Desk, followUpId: number, note?: string): FollowUp {
  const caseId = tx(desk, (db) => {
    const f = db.prepare('SELECT case_id, done_at FROM case_follow_ups WHERE id = ?').get(followUpId) as { case_id: number; done_at: string | null } | undefined
    if (!f) fail('NOT_FOUND', 'cases:errors.followUpNotFound')
    db.prepare('UPDATE case_follow_ups SET done_at = ?, done_note = ?, done_by = ? WHERE id = ?').run(nowIso(desk), note ?? '', actor(desk), followUpId)
    touch(db, desk, f!.case_id)
    desk.audit({ action: 'cases.followUp.done', subjectType: 'case', subjectId: f!.case_id, details: { followUpId } })
    return f!.case_id
  })
  return getCase(desk, caseId).followUps.find((f) => f.id === followUpId)!
}
