import type { CaseRecord } from '@shared/domain/case/types'
import {
  checkDecision,
  recommend,
  type DiversionRoute,
  type InadmissibleKind,
  type ScreeningAnswer,
  type ScreeningItem,
  type ScreeningState
} from '@shared/domain/screening/rules'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from './record'
import { referralForDiversion } from '../referrals/ledger'
import { type Row, actor, nowIso, requireCase, sql, touch, tx } from './shared'

// ───────────────────────────── screening and diversion ─────────────────────────────

export function screeningState(desk: Desk, caseId: number): ScreeningState {
  const db = sql(desk)
  const row = requireCase(db, caseId)
  const answers: ScreeningState['answers'] = {}
  for (const r of db.prepare('SELECT item, answer, detail FROM case_screening WHERE case_id = ?').all(caseId) as Row[]) {
    answers[r.item as ScreeningItem] = { answer: (r.answer as ScreeningAnswer) ?? null, detail: (r.detail as InadmissibleKind | null) ?? null }
  }
  const reps = (db.prepare('SELECT count(*) AS n FROM case_representatives WHERE case_id = ?').get(caseId) as { n: number }).n
  return {
    answers,
    partyKind: row.party_kind as ScreeningState['partyKind'],
    representativeCount: reps,
    largeScaleJudged: !!row.large_scale_judged
  }
}

export function saveScreening(
  desk: Desk,
  caseId: number,
  e: { item: ScreeningItem; answer: ScreeningAnswer; detail?: InadmissibleKind | null; note?: string }
): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    db.prepare(
      `INSERT INTO case_screening (case_id, item, answer, detail, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, item) DO UPDATE SET answer = excluded.answer, detail = excluded.detail, note = excluded.note,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`
    ).run(caseId, e.item, e.answer, e.item === 'l' && e.answer === 'yes' ? (e.detail ?? null) : null, e.note ?? '', nowIso(desk), actor(desk))
    // Screening started: the case moves from 接案 to 预估 (guided, never backwards).
    db.prepare("UPDATE cases SET status = 'assessment' WHERE id = ? AND status = 'intake'").run(caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.screening', subjectType: 'case', subjectId: caseId, details: { item: e.item, answer: e.answer } })
  })
  return getCase(desk, caseId)
}

export function setLargeScale(desk: Desk, caseId: number, judged: boolean): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    db.prepare('UPDATE cases SET large_scale_judged = ?, updated_at = ? WHERE id = ?').run(judged ? 1 : 0, nowIso(desk), caseId)
    desk.audit({ action: 'cases.largeScale', subjectType: 'case', subjectId: caseId, details: { judged } })
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
    const rec = recommend(screeningState(desk, caseId), row.headcount as number | null)
    const verdict = checkDecision(rec, d.chosen, d.reason ?? '')
    if (!verdict.ok) fail('BAD_ARGS', verdict.messageKey, undefined, 'reason')
    const overridden = verdict.ok && verdict.overridden
    db.prepare(
      `INSERT INTO case_diversions (case_id, recommended, chosen, overridden, override_reason, reporter_confidential, note, decided_at, decided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET recommended = excluded.recommended, chosen = excluded.chosen, overridden = excluded.overridden,
         override_reason = excluded.override_reason, reporter_confidential = excluded.reporter_confidential, note = excluded.note,
         decided_at = excluded.decided_at, decided_by = excluded.decided_by`
    ).run(
      caseId,
      JSON.stringify(rec.routes.map((r) => r.route)),
      d.chosen,
      overridden ? 1 : 0,
      overridden ? (d.reason ?? '').trim() : '',
      rec.reporterConfidential || d.chosen === 'discipline' ? 1 : 0,
      d.note ?? '',
      nowIso(desk),
      actor(desk)
    )
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
