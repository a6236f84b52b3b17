import { and, eq } from 'drizzle-orm'
import { FLOW_STEPS, type Flow, type ResourceKind, type ResourceResult } from '@shared/domain/case/options'
import type { CaseRecord, FlowAction } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseFlowActions, caseResources } from '../db/schema'
import { getCase } from './record'
import { actor, nowIso, requireCase, touch, tx } from './shared'
import { raiseNotice } from '../notices/service'

// ───────────────────────────── flows and resources ─────────────────────────────

export function recordFlowAction(desk: Desk, a: { caseId: number; flow: Flow; step: string; note?: string }): FlowAction {
  const steps: readonly string[] | undefined = FLOW_STEPS[a.flow]
  if (!steps || !steps.includes(a.step)) fail('BAD_ARGS', 'cases:errors.unknownStep', undefined, 'step')
  const id = tx(desk, (db) => {
    requireCase(db, a.caseId)
    const { id } = db
      .insert(caseFlowActions)
      .values({ caseId: a.caseId, flow: a.flow, step: a.step, note: a.note ?? '', at: nowIso(desk), by: actor(desk) })
      .returning({ id: caseFlowActions.id })
      .get()
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.flow', subjectType: 'case', subjectId: a.caseId, details: { flow: a.flow, step: a.step } })
    // 7.2.2 d 及时上报风险性事件: a 非理性上访 risk event reaches the supervisors at once.
    if (a.flow === 'irrational' && a.step === 'reportEvent') raiseNotice(desk, { kind: 'irrational.event', caseId: a.caseId })
    return id
  })
  return getCase(desk, a.caseId).flowActions.find((f) => f.id === id)!
}

export function linkResource(
  desk: Desk,
  a: { caseId: number; kind: ResourceKind; kindOther?: string; department?: string; result?: ResourceResult; note?: string }
): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, a.caseId)
    const { id } = db
      .insert(caseResources)
      .values({
        caseId: a.caseId,
        kind: a.kind,
        kindOther: a.kindOther ?? '',
        department: a.department ?? '',
        result: a.result ?? 'pending',
        note: a.note ?? '',
        at: nowIso(desk),
        by: actor(desk)
      })
      .returning({ id: caseResources.id })
      .get()
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.resource', subjectType: 'case', subjectId: a.caseId, details: { resourceId: id, kind: a.kind, result: a.result ?? 'pending' } })
  })
  return getCase(desk, a.caseId)
}

export function updateResourceResult(desk: Desk, caseId: number, resourceId: number, result: ResourceResult, note?: string): CaseRecord {
  tx(desk, (db) => {
    const info = db
      .update(caseResources)
      .set({ result, ...(note == null ? {} : { note }), at: nowIso(desk), by: actor(desk) })
      .where(and(eq(caseResources.id, resourceId), eq(caseResources.caseId, caseId)))
      .run()
    if (info.changes === 0) fail('NOT_FOUND', 'cases:errors.notFound')
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.resource.result', subjectType: 'case', subjectId: caseId, details: { resourceId, result } })
  })
  return getCase(desk, caseId)
}
