import { closingDateProblems } from '@shared/domain/dates/order'
import { isOpenStatus, type CaseStatus } from '@shared/domain/case/options'
import { closingInput, type ClosingInput } from '@shared/domain/case/schemas'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from './record'
import { actor, contactSpan, nowIso, parse, refuseDates, requireCase, today, tx } from './shared'

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
    if (!isOpenStatus(row.status as CaseStatus)) fail('CONFLICT', 'cases:errors.closedRecord')
    // 结案/转出 ≥ 开案/转入 ≥ 初次接触, not before the last contact, not in the future — drafts too.
    refuseDates(
      closingDateProblems(c, { today: today(desk), contactDate: row.contact_date as string, lastContact: contactSpan(db, caseId).last, draft: !opts.finalize })
    )
    const at = nowIso(desk)
    db.prepare(
      `INSERT INTO case_closings (case_id, category, opened_date, closed_date, transfer_reason, transfer_reason_other, closing_type,
         closing_type_other, linked_resources, contacted_departments, reflection, worker_signed_date, transfer_to, saved_at, saved_by)
       VALUES (@caseId, @category, @openedDate, @closedDate, @transferReason, @transferReasonOther, @closingType, @closingTypeOther,
         @linkedResources, @contactedDepartments, @reflection, @workerSignedDate, @transferTo, @at, @by)
       ON CONFLICT (case_id) DO UPDATE SET category = excluded.category, opened_date = excluded.opened_date, closed_date = excluded.closed_date,
         transfer_reason = excluded.transfer_reason, transfer_reason_other = excluded.transfer_reason_other, closing_type = excluded.closing_type,
         closing_type_other = excluded.closing_type_other, linked_resources = excluded.linked_resources,
         contacted_departments = excluded.contacted_departments, reflection = excluded.reflection,
         worker_signed_date = excluded.worker_signed_date, transfer_to = excluded.transfer_to, saved_at = excluded.saved_at, saved_by = excluded.saved_by`
    // Stored as typed: an empty 开案/转入日期 reads as the case's 初次接触日期 (never written in the worker's name).
    ).run({ ...c, caseId, at, by: actor(desk) })
    db.prepare('DELETE FROM case_goals WHERE case_id = ?').run(caseId)
    const ins = db.prepare('INSERT INTO case_goals (case_id, seq, goal, achievement, note) VALUES (?, ?, ?, ?, ?)')
    for (const g of c.goals) ins.run(caseId, g.seq, g.goal, g.achievement, g.note)
    const status = opts.finalize ? (c.category === 'transfer' ? 'transferred' : 'closed') : (row.status as string)
    db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, at, caseId)
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
    if (isOpenStatus(row.status as CaseStatus)) return
    db.prepare("UPDATE cases SET status = 'intervention', updated_at = ? WHERE id = ?").run(nowIso(desk), caseId)
    desk.audit({ action: 'cases.reopen', subjectType: 'case', subjectId: caseId, details: { from: row.status } })
  })
  return getCase(desk, caseId)
}
