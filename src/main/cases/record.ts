import { ageAt } from '@shared/domain/dates/age'
import { caseDateProblems, newProblems } from '@shared/domain/dates/order'
import {
  type CaseStatus,
  type ConsentKind,
  type ConsentMethod,
  type Flow,
  type FollowUpKind,
  type RepeatMark,
  type ResourceKind,
  type ResourceResult,
  type RiskLevel
} from '@shared/domain/case/options'
import { updateCaseInput, type UpdateCaseInput } from '@shared/domain/case/schemas'
import type {
  CaseFieldName,
  CaseFields,
  CaseRecord,
  ClosingData,
  Consent,
  FlowAction,
  FollowUp,
  ResourceLink,
  RiskChange,
  ScreeningEntry,
  UserRef
} from '@shared/domain/case/types'
import { type DiversionRoute, type InadmissibleKind, type ScreeningAnswer, type ScreeningItem } from '@shared/domain/screening/rules'
import type { Desk } from '../desk/desk'
import { FIELD_COLUMNS, fieldsFromRow, toColumn } from './columns'
import { reindexCase } from './index-text'
import { type Row, actor, caseDateContext, nowIso, parse, refuseDates, requireCase, sql, tx, users } from './shared'

export function getCase(desk: Desk, id: number): CaseRecord {
  const db = sql(desk)
  const row = requireCase(db, id)
  const who = users(db)
  const u = (v: unknown) => (v == null ? null : (who.get(Number(v)) ?? null))
  const fields = fieldsFromRow(row)
  const riskHistory = (db.prepare('SELECT * FROM case_risk_history WHERE case_id = ? ORDER BY id').all(id) as Row[]).map(
    (r): RiskChange => ({ level: r.level as RiskLevel, reason: r.reason as string, at: r.at as string, by: u(r.by) })
  )
  const closingRow = db.prepare('SELECT * FROM case_closings WHERE case_id = ?').get(id) as Row | undefined
  const goals = (db.prepare('SELECT seq, goal, achievement, note FROM case_goals WHERE case_id = ? ORDER BY seq, id').all(id) as Row[]).map(
    (g) => ({ seq: g.seq as number, goal: g.goal as string, achievement: g.achievement as string, note: g.note as string })
  )
  const diversionRow = db.prepare('SELECT * FROM case_diversions WHERE case_id = ?').get(id) as Row | undefined
  return {
    id,
    caseNo: row.case_no as string,
    status: row.status as CaseStatus,
    riskLevel: row.risk_level as RiskLevel,
    risk: row.risk_set_at
      ? { level: row.risk_level as RiskLevel, reason: row.risk_reason as string, at: row.risk_set_at as string, by: u(row.risk_set_by) }
      : null,
    assignedWorker: u(row.assigned_worker_id),
    createdBy: u(row.created_by),
    createdAt: row.created_at as string,
    updatedAt: row.updated_at as string,
    version: row.version as number,
    fields,
    age: fields.birth ? ageAt(fields.birth, fields.contactDate) : null,
    representatives: (db.prepare('SELECT * FROM case_representatives WHERE case_id = ? ORDER BY id').all(id) as Row[]).map((r) => ({
      id: r.id as number,
      name: r.name as string,
      phone: r.phone as string,
      note: r.note as string,
      addedAt: r.added_at as string
    })),
    screening: (db.prepare('SELECT * FROM case_screening WHERE case_id = ? ORDER BY item').all(id) as Row[]).map(
      (r): ScreeningEntry & { detail: InadmissibleKind | null } => ({
        item: r.item as ScreeningItem,
        answer: (r.answer as ScreeningAnswer) ?? null,
        detail: (r.detail as InadmissibleKind | null) ?? null,
        note: r.note as string,
        updatedAt: r.updated_at as string,
        updatedBy: u(r.updated_by)
      })
    ),
    largeScaleJudged: !!row.large_scale_judged,
    diversion: diversionRow
      ? {
          recommended: JSON.parse(diversionRow.recommended as string),
          chosen: diversionRow.chosen as DiversionRoute,
          overridden: !!diversionRow.overridden,
          overrideReason: diversionRow.override_reason as string,
          reporterConfidential: !!diversionRow.reporter_confidential,
          note: diversionRow.note as string,
          decidedAt: diversionRow.decided_at as string,
          decidedBy: u(diversionRow.decided_by)
        }
      : null,
    flowActions: (db.prepare('SELECT * FROM case_flow_actions WHERE case_id = ? ORDER BY at, id').all(id) as Row[]).map(
      (r): FlowAction => ({ id: r.id as number, flow: r.flow as Flow, step: r.step as string, note: r.note as string, at: r.at as string, by: u(r.by) })
    ),
    resources: (db.prepare('SELECT * FROM case_resources WHERE case_id = ? ORDER BY id').all(id) as Row[]).map(
      (r): ResourceLink => ({
        id: r.id as number,
        kind: r.kind as ResourceKind,
        kindOther: r.kind_other as string,
        department: r.department as string,
        result: r.result as ResourceResult,
        note: r.note as string,
        at: r.at as string,
        by: u(r.by)
      })
    ),
    consents: (db.prepare('SELECT * FROM case_consents WHERE case_id = ? ORDER BY id').all(id) as Row[]).map(
      (r): Consent => ({
        id: r.id as number,
        kind: r.kind as ConsentKind,
        granted: !!r.granted,
        method: r.method as ConsentMethod,
        textVersion: r.text_version as string,
        note: r.note as string,
        at: r.at as string,
        by: u(r.by)
      })
    ),
    followUps: (db.prepare('SELECT * FROM case_follow_ups WHERE case_id = ? ORDER BY due_date, id').all(id) as Row[]).map((r) => toFollowUp(r, u)),
    riskHistory,
    repeat: row.repeat_mark
      ? {
          mark: row.repeat_mark as RepeatMark,
          ofCaseIds: JSON.parse(row.repeat_of as string),
          note: row.repeat_note as string,
          at: row.repeat_at as string,
          by: u(row.repeat_by)
        }
      : null,
    intake:
      row.intake_accepted == null
        ? null
        : {
            accepted: !!row.intake_accepted,
            assignedTo: u(row.intake_assigned_to),
            note: row.intake_note as string,
            at: row.intake_at as string,
            by: u(row.intake_by)
          },
    closing: closingRow
      ? {
          category: closingRow.category as ClosingData['category'],
          openedDate: (closingRow.opened_date as string) || fields.contactDate,
          closedDate: closingRow.closed_date as string,
          transferReason: (closingRow.transfer_reason as ClosingData['transferReason']) ?? null,
          transferReasonOther: closingRow.transfer_reason_other as string,
          closingType: (closingRow.closing_type as ClosingData['closingType']) ?? null,
          closingTypeOther: closingRow.closing_type_other as string,
          linkedResources: closingRow.linked_resources as string,
          contactedDepartments: closingRow.contacted_departments as string,
          goals,
          reflection: closingRow.reflection as string,
          workerSignedDate: closingRow.worker_signed_date as string,
          transferTo: closingRow.transfer_to as string
        }
      : null
  } as CaseRecord
}

function toFollowUp(r: Row, u: (v: unknown) => UserRef | null): FollowUp {
  return {
    id: r.id as number,
    caseId: r.case_id as number,
    dueDate: r.due_date as string,
    kind: r.kind as FollowUpKind,
    note: r.note as string,
    interviewId: (r.interview_id as number | null) ?? null,
    doneAt: (r.done_at as string | null) ?? null,
    doneNote: r.done_note as string,
    createdAt: r.created_at as string,
    createdBy: u(r.created_by)
  }
}

/**
 * Change fields of a case. The previous values of the changed fields go into case_versions (a
 * supervisor can see what the record said before); the audit event names the fields, not the values.
 * `source` says which action the change came from when it is not typed by the person saving it
 * ('interview:<id>': a proposal from that contact the person accepted) — history and audit show it.
 */
export function updateCase(desk: Desk, id: number, patch: UpdateCaseInput, opts: { source?: `interview:${number}` } = {}): CaseRecord {
  const p = parse(updateCaseInput, patch)
  tx(desk, (db) => {
    const row = requireCase(db, id)
    const before = fieldsFromRow(row)
    const changed: CaseFieldName[] = []
    for (const name of Object.keys(p) as CaseFieldName[]) {
      if (!(name in FIELD_COLUMNS)) continue
      if (JSON.stringify(p[name]) !== JSON.stringify(before[name])) changed.push(name)
    }
    if (changed.length === 0) return
    // Dates in order (drafts included): refused only for what this save would make worse.
    const ctx = caseDateContext(db, desk, id)
    refuseDates(newProblems(caseDateProblems(before, ctx), caseDateProblems({ ...before, ...p } as CaseFields, ctx)))
    const version = (row.version as number) + 1
    const prev: Partial<Record<CaseFieldName, unknown>> = {}
    for (const n of changed) prev[n] = before[n]
    db.prepare('INSERT INTO case_versions (case_id, version, changed_fields, before, at, by, source) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      id,
      version,
      JSON.stringify(changed),
      JSON.stringify(prev),
      nowIso(desk),
      actor(desk),
      opts.source ?? ''
    )
    const sets = changed.map((n) => `${FIELD_COLUMNS[n][0]} = ?`).join(', ')
    db.prepare(`UPDATE cases SET ${sets}, version = ?, updated_at = ? WHERE id = ?`).run(
      ...changed.map((n) => toColumn(n, p[n])),
      version,
      nowIso(desk),
      id
    )
    if (changed.some((n) => ['name', 'contactPerson', 'phone', 'address', 'locality', 'summary', 'demands', 'partyKind'].includes(n))) {
      reindexCase(db, id)
    }
    desk.audit({
      action: 'cases.update',
      subjectType: 'case',
      subjectId: id,
      details: opts.source ? { fields: changed, version, source: opts.source } : { fields: changed, version }
    })
  })
  return getCase(desk, id)
}
