import { z } from 'zod'
import { isOpenStatus, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { longText } from '@shared/ipc/schemas'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from './record'
import { actor, nowIso, parse, requireCase, requireWorker, tx } from './shared'

// ───────────────────────────── status, risk, assignment ─────────────────────────────

export function setStatus(desk: Desk, id: number, status: CaseStatus): CaseRecord {
  if (!isOpenStatus(status)) fail('BAD_ARGS', 'cases:errors.closeWithFormC', undefined, 'status')
  tx(desk, (db) => {
    const row = requireCase(db, id)
    if (row.status === status) return
    db.prepare('UPDATE cases SET status = ?, updated_at = ? WHERE id = ?').run(status, nowIso(desk), id)
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
    db.prepare('UPDATE cases SET risk_level = ?, risk_reason = ?, risk_set_at = ?, risk_set_by = ?, updated_at = ? WHERE id = ?').run(
      level,
      why,
      at,
      actor(desk),
      at,
      id
    )
    db.prepare('INSERT INTO case_risk_history (case_id, level, reason, at, by) VALUES (?, ?, ?, ?, ?)').run(id, level, why, at, actor(desk))
    desk.audit({ action: 'cases.risk', subjectType: 'case', subjectId: id, details: { from: row.risk_level, to: level } })
  })
  return getCase(desk, id)
}

export function assignWorker(desk: Desk, id: number, workerId: number): CaseRecord {
  tx(desk, (db) => {
    const row = requireCase(db, id)
    requireWorker(db, workerId)
    db.prepare('UPDATE cases SET assigned_worker_id = ?, updated_at = ? WHERE id = ?').run(workerId, nowIso(desk), id)
    // Open follow-ups move with the case.
    db.prepare('UPDATE case_follow_ups SET assigned_worker_id = ? WHERE case_id = ? AND done_at IS NULL').run(workerId, id)
    desk.audit({ action: 'cases.assign', subjectType: 'case', subjectId: id, details: { from: row.assigned_worker_id ?? null, to: workerId } })
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
    db.prepare(
      'UPDATE cases SET intake_accepted = ?, intake_assigned_to = ?, intake_note = ?, intake_at = ?, intake_by = ?, updated_at = ? WHERE id = ?'
    ).run(d.accepted ? 1 : 0, d.accepted ? d.assignedWorkerId : null, d.note ?? '', at, actor(desk), at, id)
    if (d.accepted && d.assignedWorkerId) db.prepare('UPDATE cases SET assigned_worker_id = ? WHERE id = ?').run(d.assignedWorkerId, id)
    desk.audit({ action: 'cases.intake', subjectType: 'case', subjectId: id, details: { accepted: d.accepted, assignedTo: d.assignedWorkerId ?? null } })
  })
  return getCase(desk, id)
}
