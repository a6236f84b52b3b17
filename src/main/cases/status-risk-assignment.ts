import { and, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { isOpenStatus, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { longText } from '@shared/ipc/schemas'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseFollowUps, caseRiskHistory, cases } from '../db/schema'
import { getCase } from './record'
import { actor, nowIso, parse, requireCase, requireWorker, tx } from './shared'
import { noticeRiskRaised } from '../aftercare/notices'

// ───────────────────────────── status, risk, assignment ─────────────────────────────

export function setStatus(desk: Desk, id: number, status: CaseStatus): CaseRecord {
  if (!isOpenStatus(status)) fail('BAD_ARGS', 'cases:errors.closeWithFormC', undefined, 'status')
  tx(desk, (db) => {
    const row = requireCase(db, id)
    if (row.status === status) return
    db.update(cases).set({ status, updatedAt: nowIso(desk) }).where(eq(cases.id, id)).run()
    desk.audit({ action: 'cases.status', subjectType: 'case', subjectId: id, details: { from: row.status, to: status } })
  })
  return getCase(desk, id)
}

export function setRiskLevel(desk: Desk, id: number, level: RiskLevel, reason: string): CaseRecord {
  parse(z.enum(['none', 'low', 'medium', 'high', 'critical']), level)
  const why = parse(longText(2_000), reason).trim()
  if (!why) fail('BAD_ARGS', 'cases:errors.riskReason', undefined, 'reason')
  tx(desk, (db) => {
    const row = requireCase(db, id)
    const at = nowIso(desk)
    db.update(cases)
      .set({ riskLevel: level, riskReason: why, riskSetAt: at, riskSetBy: actor(desk), updatedAt: at })
      .where(eq(cases.id, id))
      .run()
    db.insert(caseRiskHistory).values({ caseId: id, level, reason: why, at, by: actor(desk) }).run()
    desk.audit({ action: 'cases.risk', subjectType: 'case', subjectId: id, details: { from: row.riskLevel, to: level } })
    // Supervisors are told whichever path raised it (case page, interview, risk cue), in the same transaction.
    noticeRiskRaised(desk, id, row.riskLevel, level, why)
  })
  return getCase(desk, id)
}

export function assignWorker(desk: Desk, id: number, workerId: number): CaseRecord {
  tx(desk, (db) => {
    const row = requireCase(db, id)
    requireWorker(db, workerId)
    db.update(cases).set({ assignedWorkerId: workerId, updatedAt: nowIso(desk) }).where(eq(cases.id, id)).run()
    // Open follow-ups move with the case.
    db.update(caseFollowUps)
      .set({ assignedWorkerId: workerId })
      .where(and(eq(caseFollowUps.caseId, id), isNull(caseFollowUps.doneAt)))
      .run()
    desk.audit({ action: 'cases.assign', subjectType: 'case', subjectId: id, details: { from: row.assignedWorkerId ?? null, to: workerId } })
  })
  return getCase(desk, id)
}

/** Form A 服务立案: 是否接案 — yes, assigned to a worker; or no, with the reason (说明). */
export function setIntakeDecision(
  desk: Desk,
  id: number,
  d: { accepted: boolean; assignedWorkerId?: number | null; note?: string }
): CaseRecord {
  if (!d.accepted && !(d.note ?? '').trim()) fail('BAD_ARGS', 'cases:errors.intakeReason', undefined, 'note')
  if (d.accepted && !d.assignedWorkerId) fail('BAD_ARGS', 'cases:errors.intakeWorker', undefined, 'assignedWorkerId')
  tx(desk, (db) => {
    requireCase(db, id)
    if (d.assignedWorkerId) requireWorker(db, d.assignedWorkerId)
    const at = nowIso(desk)
    db.update(cases)
      .set({
        intakeAccepted: d.accepted,
        intakeAssignedTo: d.accepted ? (d.assignedWorkerId ?? null) : null,
        intakeNote: d.note ?? '',
        intakeAt: at,
        intakeBy: actor(desk),
        updatedAt: at
      })
      .where(eq(cases.id, id))
      .run()
    if (d.accepted && d.assignedWorkerId) db.update(cases).set({ assignedWorkerId: d.assignedWorkerId }).where(eq(cases.id, id)).run()
    desk.audit({ action: 'cases.intake', subjectType: 'case', subjectId: id, details: { accepted: d.accepted, assignedTo: d.assignedWorkerId ?? null } })
  })
  return getCase(desk, id)
}
