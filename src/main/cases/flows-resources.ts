import { FLOW_STEPS, type Flow, type ResourceKind, type ResourceResult } from '@shared/domain/case/options'
import type { CaseRecord, FlowAction } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from './record'
import { actor, nowIso, requireCase, touch, tx } from './shared'

// ───────────────────────────── flows and resources ─────────────────────────────

export function recordFlowAction(desk: Desk, a: { caseId: number; flow: Flow; step: string; note?: string }): FlowAction {
  const steps = FLOW_STEPS[a.flow] as readonly string[] | undefined
  if (!steps || !steps.includes(a.step)) fail('BAD_ARGS', 'cases:errors.unknownStep', undefined, 'step')
  const id = tx(desk, (db) => {
    requireCase(db, a.caseId)
    const info = db
      .prepare('INSERT INTO case_flow_actions (case_id, flow, step, note, at, by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(a.caseId, a.flow, a.step, a.note ?? '', nowIso(desk), actor(desk))
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.flow', subjectType: 'case', subjectId: a.caseId, details: { flow: a.flow, step: a.step } })
    return Number(info.lastInsertRowid)
  })
  return getCase(desk, a.caseId).flowActions.find((f) => f.id === id)!
}

export function linkResource(
  desk: Desk,
  a: { caseId: number; kind: ResourceKind; kindOther?: string; department?: string; result?: ResourceResult; note?: string }
): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, a.caseId)
    const info = db
      .prepare('INSERT INTO case_resources (case_id, kind, kind_other, department, result, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.caseId, a.kind, a.kindOther ?? '', a.department ?? '', a.result ?? 'pending', a.note ?? '', nowIso(desk), actor(desk))
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.resource', subjectType: 'case', subjectId: a.caseId, details: { resourceId: Number(info.lastInsertRowid), kind: a.kind, result: a.result ?? 'pending' } })
  })
  return getCase(desk, a.caseId)
}

export function updateResourceResult(desk: Desk, caseId: number, resourceId: number, result: ResourceResult, note?: string): CaseRecord {
  tx(desk, (db) => {
    const info = db
      .prepare('UPDATE case_resources SET result = ?, note = coalesce(?, note), at = ?, by = ? WHERE id = ? AND case_id = ?')
      .run(result, note ?? null, nowIso(desk), actor(desk), resourceId, caseId)
    if (info.changes === 0) fail('NOT_FOUND', 'cases:errors.notFound')
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.resource.result', subjectType: 'case', subjectId: caseId, details: { resourceId, result } })
  })
  return getCase(desk, caseId)
}
