import { and, count, eq } from 'drizzle-orm'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import {
  checkDecision,
  recommend,
  type DiversionRoute,
  type InadmissibleKind,
  type ScreeningAnswer,
  type ScreeningItem,
  type ScreeningState
} from '@shared/domain/screening/rules'
import type { Desk } from '../desk/desk'
import { caseDiversions, caseRepresentatives, caseScreening, cases } from '../db/schema'
import { getCase } from './record'
import { referralForDiversion } from '../referrals/ledger'
import { actor, nowIso, orm, requireCase, touch, tx } from './shared'
import { raiseNotice } from '../notices/service'

// ───────────────────────────── screening and diversion ─────────────────────────────

export function screeningState(desk: Desk, caseId: number): ScreeningState {
  const db = orm(desk)
  const row = requireCase(db, caseId)
  const answers: ScreeningState['answers'] = {}
  const rows = db
    .select({ item: caseScreening.item, answer: caseScreening.answer, detail: caseScreening.detail })
    .from(caseScreening)
    .where(eq(caseScreening.caseId, caseId))
    .all()
  for (const r of rows) answers[r.item] = { answer: r.answer, detail: r.detail }
  return {
    answers,
    partyKind: row.partyKind,
    representativeCount: db.select({ n: count() }).from(caseRepresentatives).where(eq(caseRepresentatives.caseId, caseId)).get()?.n ?? 0,
    largeScaleJudged: row.largeScaleJudged
  }
}

export function saveScreening(
  desk: Desk,
  caseId: number,
  e: { item: ScreeningItem; answer: ScreeningAnswer; detail?: InadmissibleKind | null; note?: string }
): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    const answer = {
      answer: e.answer,
      detail: e.item === 'l' && e.answer === 'yes' ? (e.detail ?? null) : null,
      note: e.note ?? '',
      updatedAt: nowIso(desk),
      updatedBy: actor(desk)
    }
    db.insert(caseScreening)
      .values({ caseId, item: e.item, ...answer })
      .onConflictDoUpdate({ target: [caseScreening.caseId, caseScreening.item], set: answer })
      .run()
    // Screening started: the case moves from 接案 to 预估 (guided, never backwards).
    db.update(cases)
      .set({ status: 'assessment' })
      .where(and(eq(cases.id, caseId), eq(cases.status, 'intake')))
      .run()
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.screening', subjectType: 'case', subjectId: caseId, details: { item: e.item, answer: e.answer } })
  })
  return getCase(desk, caseId)
}

export function setLargeScale(desk: Desk, caseId: number, judged: boolean): CaseRecord {
  tx(desk, (db) => {
    const row = requireCase(db, caseId)
    db.update(cases).set({ largeScaleJudged: judged, updatedAt: nowIso(desk) }).where(eq(cases.id, caseId)).run()
    desk.audit({ action: 'cases.largeScale', subjectType: 'case', subjectId: caseId, details: { judged } })
    // 7.2.1 b: a large-scale collective visit is reported upward: the supervisors are told at once.
    if (judged && !row.largeScaleJudged) raiseNotice(desk, { kind: 'collective.largeScale', caseId })
  })
  return getCase(desk, caseId)
}

export function decideDiversion(
  desk: Desk,
  caseId: number,
  d: { chosen: DiversionRoute; reason?: string; note?: string }
): CaseRecord {
  tx(desk, (db) => {
    const row = requireCase(db, caseId)
    const rec = recommend(screeningState(desk, caseId), row.headcount)
    const verdict = checkDecision(rec, d.chosen, d.reason ?? '')
    if (!verdict.ok) fail('BAD_ARGS', verdict.messageKey, undefined, 'reason')
    const overridden = verdict.ok && verdict.overridden
    const decision = {
      recommended: rec.routes.map((r) => r.route),
      chosen: d.chosen,
      overridden,
      overrideReason: overridden ? (d.reason ?? '').trim() : '',
      reporterConfidential: rec.reporterConfidential || d.chosen === 'discipline',
      note: d.note ?? '',
      decidedAt: nowIso(desk),
      decidedBy: actor(desk)
    }
    db.insert(caseDiversions)
      .values({ caseId, ...decision })
      .onConflictDoUpdate({ target: caseDiversions.caseId, set: decision })
      .run()
    touch(db, desk, caseId)
    desk.audit({
      action: 'cases.diversion',
      subjectType: 'case',
      subjectId: caseId,
      details: { recommended: rec.primary, chosen: d.chosen, overridden }
    })
    // Issue 16 §1: every confirmed diversion creates its referral, in the same transaction.
    referralForDiversion(desk, caseId, d.chosen)
  })
  return getCase(desk, caseId)
}
