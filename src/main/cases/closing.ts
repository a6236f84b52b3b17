import { eq } from 'drizzle-orm'
import { closingDateProblems } from '@shared/domain/dates/order'
import { isOpenStatus } from '@shared/domain/case/options'
import { closingInput, type ClosingInput } from '@shared/domain/case/schemas'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseClosings, caseGoals, cases } from '../db/schema'
import { getCase } from './record'
import { actor, contactSpan, nowIso, parse, refuseDates, requireCase, today, tx } from './shared'
import { scheduleReturnVisit } from '../aftercare/return-visits'

// ───────────────────────────── closing (Form C) ─────────────────────────────

/**
 * Save Form C. `finalize` closes the case (个案结束 → closed, 个案转介 → transferred); without it the
 * form is a draft the worker can come back to. Goal rows are replaced as a whole.
 */
export function saveClosing(desk: Desk, caseId: number, input: ClosingInput, opts: { finalize: boolean }): CaseRecord {
  const c = parse(closingInput, input)
  if (opts.finalize && c.category === 'transfer' && !c.transferReason) fail('BAD_ARGS', 'cases:errors.transferReason', undefined, 'transferReason')
  if (opts.finalize && !c.closingType) fail('BAD_ARGS', 'cases:errors.closingType', undefined, 'closingType')
  tx(desk, (db) => {
    const row = requireCase(db, caseId)
    // A closed or transferred case's Form C is a finished record: re-opening (with a reason) comes first.
    if (!isOpenStatus(row.status)) fail('CONFLICT', 'cases:errors.closedRecord')
    // 结案/转出 ≥ 开案/转入 ≥ 初次接触, not before the last contact, not in the future — drafts too.
    refuseDates(
      closingDateProblems(c, { today: today(desk), contactDate: row.contactDate, lastContact: contactSpan(db, caseId).last, draft: !opts.finalize })
    )
    const at = nowIso(desk)
    // Stored as typed: an empty 开案/转入日期 reads as the case's 初次接触日期 (never written in the worker's name).
    const { goals, ...form } = c
    const saved = { ...form, savedAt: at, savedBy: actor(desk) }
    db.insert(caseClosings)
      .values({ caseId, ...saved })
      .onConflictDoUpdate({ target: caseClosings.caseId, set: saved })
      .run()
    db.delete(caseGoals).where(eq(caseGoals.caseId, caseId)).run()
    for (const g of goals) db.insert(caseGoals).values({ caseId, seq: g.seq, goal: g.goal, achievement: g.achievement, note: g.note }).run()
    const status = opts.finalize ? (c.category === 'transfer' ? 'transferred' : 'closed') : row.status
    db.update(cases).set({ status, updatedAt: at }).where(eq(cases.id, caseId)).run()
    // 7.1.5: closing or transferring schedules the return visit, in the same transaction.
    if (opts.finalize && (status === 'closed' || status === 'transferred')) scheduleReturnVisit(desk, caseId, status, row.assignedWorkerId ?? null)
    desk.audit({
      action: opts.finalize ? 'cases.close' : 'cases.closing.draft',
      subjectType: 'case',
      subjectId: caseId,
      details: { category: c.category, closingType: c.closingType, goals: c.goals.length, status }
    })
  })
  return getCase(desk, caseId)
}

/** Re-open a closed or transferred case (e.g. the petitioner returns); Form C stays as it was. */
export function reopenCase(desk: Desk, caseId: number, reason: string): CaseRecord {
  if (!reason.trim()) fail('BAD_ARGS', 'cases:errors.reopenReason', undefined, 'reason')
  tx(desk, (db) => {
    const row = requireCase(db, caseId)
    if (isOpenStatus(row.status)) return
    db.update(cases).set({ status: 'intervention', updatedAt: nowIso(desk) }).where(eq(cases.id, caseId)).run()
    desk.audit({ action: 'cases.reopen', subjectType: 'case', subjectId: caseId, details: { from: row.status } })
  })
  return getCase(desk, caseId)
}
