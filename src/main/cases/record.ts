import { asc, eq } from 'drizzle-orm'
import { ageAt } from '@shared/domain/dates/age'
import { caseDateProblems, newProblems } from '@shared/domain/dates/order'
import { updateCaseInput, type UpdateCaseInput } from '@shared/domain/case/schemas'
import { partyKindForHeadcount } from '@shared/domain/case/people'
import type { CaseFieldName, CaseRecord, FollowUp, UserRef } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import {
  caseClosings,
  caseConsents,
  caseDiversions,
  caseFlowActions,
  caseFollowUps,
  caseGoals,
  caseRepresentatives,
  caseResources,
  caseRiskHistory,
  caseScreening,
  caseVersions,
  cases
} from '../db/schema'
import { FIELD_COLUMNS, fieldPatch, fieldsOf, pick } from './columns'
import { reindexCase } from './index-text'
import { actor, caseDateContext, nowIso, orm, parse, refuseDates, requireCase, tx, users } from './shared'

// ───────────────────────────── record: read and update ─────────────────────────────

export function getCase(desk: Desk, id: number): CaseRecord {
  const db = orm(desk)
  const row = requireCase(db, id)
  const who = users(db)
  const u = (v: number | null) => (v == null ? null : (who.get(v) ?? null))
  const fields = fieldsOf(row)
  const riskHistory = db
    .select()
    .from(caseRiskHistory)
    .where(eq(caseRiskHistory.caseId, id))
    .orderBy(asc(caseRiskHistory.id))
    .all()
    .map((r) => ({ level: r.level, reason: r.reason, at: r.at, by: u(r.by) }))
  const closingRow = db.select().from(caseClosings).where(eq(caseClosings.caseId, id)).get()
  const goals = db
    .select({ seq: caseGoals.seq, goal: caseGoals.goal, achievement: caseGoals.achievement, note: caseGoals.note })
    .from(caseGoals)
    .where(eq(caseGoals.caseId, id))
    .orderBy(asc(caseGoals.seq), asc(caseGoals.id))
    .all()
  const diversionRow = db.select().from(caseDiversions).where(eq(caseDiversions.caseId, id)).get()
  return {
    id,
    caseNo: row.caseNo,
    status: row.status,
    riskLevel: row.riskLevel,
    risk: row.riskSetAt ? { level: row.riskLevel, reason: row.riskReason, at: row.riskSetAt, by: u(row.riskSetBy) } : null,
    assignedWorker: u(row.assignedWorkerId),
    createdBy: u(row.createdBy),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
    fields,
    age: fields.birth ? ageAt(fields.birth, fields.contactDate) : null,
    representatives: db
      .select({ id: caseRepresentatives.id, name: caseRepresentatives.name, phone: caseRepresentatives.phone, note: caseRepresentatives.note, addedAt: caseRepresentatives.addedAt })
      .from(caseRepresentatives)
      .where(eq(caseRepresentatives.caseId, id))
      .orderBy(asc(caseRepresentatives.id))
      .all(),
    screening: db
      .select()
      .from(caseScreening)
      .where(eq(caseScreening.caseId, id))
      .orderBy(asc(caseScreening.item))
      .all()
      .map((r) => ({ item: r.item, answer: r.answer, detail: r.detail, note: r.note, updatedAt: r.updatedAt, updatedBy: u(r.updatedBy) })),
    largeScaleJudged: row.largeScaleJudged,
    diversion: diversionRow
      ? {
          recommended: diversionRow.recommended,
          chosen: diversionRow.chosen,
          overridden: diversionRow.overridden,
          overrideReason: diversionRow.overrideReason,
          reporterConfidential: diversionRow.reporterConfidential,
          note: diversionRow.note,
          decidedAt: diversionRow.decidedAt,
          decidedBy: u(diversionRow.decidedBy)
        }
      : null,
    flowActions: db
      .select()
      .from(caseFlowActions)
      .where(eq(caseFlowActions.caseId, id))
      .orderBy(asc(caseFlowActions.at), asc(caseFlowActions.id))
      .all()
      .map((r) => ({ id: r.id, flow: r.flow, step: r.step, note: r.note, at: r.at, by: u(r.by) })),
    resources: db
      .select()
      .from(caseResources)
      .where(eq(caseResources.caseId, id))
      .orderBy(asc(caseResources.id))
      .all()
      .map((r) => ({ id: r.id, kind: r.kind, kindOther: r.kindOther, department: r.department, result: r.result, note: r.note, at: r.at, by: u(r.by) })),
    consents: db
      .select()
      .from(caseConsents)
      .where(eq(caseConsents.caseId, id))
      .orderBy(asc(caseConsents.id))
      .all()
      .map((r) => ({ id: r.id, kind: r.kind, granted: r.granted, method: r.method, textVersion: r.textVersion, note: r.note, at: r.at, by: u(r.by) })),
    followUps: db
      .select()
      .from(caseFollowUps)
      .where(eq(caseFollowUps.caseId, id))
      .orderBy(asc(caseFollowUps.dueDate), asc(caseFollowUps.id))
      .all()
      .map((r) => toFollowUp(r, u)),
    riskHistory,
    repeat: row.repeatMark
      ? { mark: row.repeatMark, ofCaseIds: row.repeatOf, note: row.repeatNote, at: row.repeatAt ?? '', by: u(row.repeatBy) }
      : null,
    intake:
      row.intakeAccepted == null
        ? null
        : { accepted: row.intakeAccepted, assignedTo: u(row.intakeAssignedTo), note: row.intakeNote, at: row.intakeAt ?? '', by: u(row.intakeBy) },
    closing: closingRow
      ? {
          category: closingRow.category,
          openedDate: closingRow.openedDate || fields.contactDate,
          closedDate: closingRow.closedDate,
          transferReason: closingRow.transferReason,
          transferReasonOther: closingRow.transferReasonOther,
          closingType: closingRow.closingType,
          closingTypeOther: closingRow.closingTypeOther,
          linkedResources: closingRow.linkedResources,
          contactedDepartments: closingRow.contactedDepartments,
          goals,
          reflection: closingRow.reflection,
          workerSignedDate: closingRow.workerSignedDate,
          transferTo: closingRow.transferTo
        }
      : null
  }
}

function toFollowUp(r: typeof caseFollowUps.$inferSelect, u: (v: number | null) => UserRef | null): FollowUp {
  return {
    id: r.id,
    caseId: r.caseId,
    dueDate: r.dueDate,
    kind: r.kind,
    note: r.note,
    interviewId: r.interviewId,
    doneAt: r.doneAt,
    doneNote: r.doneNote,
    createdAt: r.createdAt,
    createdBy: u(r.createdBy)
  }
}

/**
 * Change fields of a case. The previous values of the changed fields go into case_versions (a
 * supervisor can see what the record said before); the audit event names the fields, not the values.
 * `source` says which action the change came from when it is not typed by the person saving it
 * ('interview:<id>': a proposal from that contact the person accepted) — history and audit show it.
 */
export function updateCase(desk: Desk, id: number, patch: UpdateCaseInput, opts: { source?: `interview:${number}` } = {}): CaseRecord {
  const parsed = parse(updateCaseInput, patch)
  tx(desk, (db) => {
    const row = requireCase(db, id)
    const before = fieldsOf(row)
    // 3.7: 5 or more people is a collective visit, 4 or fewer is not. A corrected headcount moves
    // the party kind in the same change, so the history shows both and every list agrees.
    const p = { ...parsed }
    if (p.headcount !== undefined || p.partyKind !== undefined) {
      const kind = partyKindForHeadcount(p.partyKind ?? before.partyKind, p.headcount !== undefined ? p.headcount : before.headcount)
      if (kind !== before.partyKind || p.partyKind !== undefined) p.partyKind = kind
    }
    const changed: CaseFieldName[] = []
    for (const name of Object.keys(p)) {
      if (!isFieldName(name)) continue
      if (JSON.stringify(p[name]) !== JSON.stringify(before[name])) changed.push(name)
    }
    if (changed.length === 0) return
    // Dates in order (drafts included): refused only for what this save would make worse.
    const ctx = caseDateContext(db, desk, id)
    refuseDates(newProblems(caseDateProblems(before, ctx), caseDateProblems({ ...before, ...p }, ctx)))
    const version = row.version + 1
    const at = nowIso(desk)
    db.insert(caseVersions)
      .values({ caseId: id, version, changedFields: changed, before: pick(before, changed), at, by: actor(desk), source: opts.source ?? '' })
      .run()
    db.update(cases)
      .set({ ...fieldPatch(p, changed), version, updatedAt: at })
      .where(eq(cases.id, id))
      .run()
    if (changed.some((n) => ['name', 'contactPerson', 'phone', 'address', 'locality', 'summary', 'demands', 'partyKind'].includes(n))) {
      reindexCase(db.$client, id)
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

function isFieldName(name: string): name is CaseFieldName {
  return name in FIELD_COLUMNS
}
