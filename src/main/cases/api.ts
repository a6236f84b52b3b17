import type Database from 'better-sqlite3'
import { z } from 'zod'
import { ageAt } from '@shared/domain/dates/age'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { caseDateProblems, closingDateProblems, followUpDateProblems, newProblems, type DateProblem } from '@shared/domain/dates/order'
import { nextCaseNo } from '@shared/domain/case/case-no'
import {
  CONSENT_TEXT_VERSION,
  FLOW_STEPS,
  MAX_REPRESENTATIVES,
  isOpenStatus,
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
import {
  checkCaseInput,
  closingInput,
  createCaseInput,
  updateCaseInput,
  type ClosingInput,
  type CreateCaseInput,
  type UpdateCaseInput
} from '@shared/domain/case/schemas'
import type {
  CaseFieldName,
  CaseFields,
  CaseRecord,
  CaseSummary,
  CaseVersion,
  CaseloadRow,
  ClosingData,
  Consent,
  DiversionDecision,
  FlowAction,
  FollowUp,
  ResourceLink,
  RiskChange,
  ScreeningEntry,
  UserRef
} from '@shared/domain/case/types'
import {
  checkDecision,
  recommend,
  type DiversionRoute,
  type InadmissibleKind,
  type ScreeningAnswer,
  type ScreeningItem,
  type ScreeningState
} from '@shared/domain/screening/rules'
import { caseloadState } from '@shared/domain/case/caseload'
import { truncate } from '@shared/text/characters'
import { longText } from '@shared/ipc/schemas'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { FIELD_COLUMNS, FIELD_NAMES, emptyFields, fieldsFromRow, toColumn } from './columns'
import { reindexCase } from './index-text'

/**
 * The case service: every read and write of a case goes through here (IPC handlers, the CLI, the
 * demo, other features). Each write is one transaction with its audit event, so nothing is half
 * saved; audit details carry ids, codes and field NAMES — never what was typed.
 */

const sql = (desk: Desk) => desk.db().sqlite

/** Re-check arguments here too: the CLI, demo and other features call in without the router. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) {
    const bad = typeof r.data === 'object' && r.data ? checkCaseInput(r.data as never) : null
    if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, bad.field)
    return r.data
  }
  const issue = r.error.issues[0]
  const key = issue?.message?.includes(':') ? issue.message : 'errors:arg.invalid'
  throw new DeskFailure('BAD_ARGS', key, undefined, issue?.path.join('.') || undefined)
}

function tx<T>(desk: Desk, fn: (db: Database.Database) => T): T {
  const db = sql(desk)
  return db.transaction(() => fn(db)).immediate()
}

function nowIso(desk: Desk): string {
  return desk.now().toISOString()
}

function actor(desk: Desk): number | null {
  return desk.session?.userId ?? null
}

function users(db: Database.Database): Map<number, UserRef> {
  const rows = db.prepare('SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]))
}

function requireCase(db: Database.Database, id: number): Record<string, unknown> {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Record<string, unknown> | undefined
  if (!row) fail('NOT_FOUND', 'cases:errors.notFound')
  return row!
}

function requireWorker(db: Database.Database, id: number): void {
  const u = db.prepare('SELECT disabled FROM users WHERE id = ?').get(id) as { disabled: number } | undefined
  if (!u || u.disabled) fail('NOT_FOUND', 'cases:errors.workerNotFound', undefined, 'assignedWorkerId')
}

/** Today on the hall's wall calendar (Guangdong, UTC+8). */
function today(desk: Desk): string {
  return isoDateAtOffset(desk.now())
}

/** Refuse a save whose dates are out of order: the message names the date, beside the field it belongs to. */
function refuseDates(problems: DateProblem[]): void {
  const p = problems[0]
  if (p) throw new DeskFailure('BAD_ARGS', p.messageKey, p.params, p.field)
}

/** The dates of a case's first and latest contact (Form B), on the hall's calendar. */
function contactSpan(db: Database.Database, caseId: number): { first: string | null; last: string | null } {
  const r = db.prepare('SELECT min(started_at) AS first, max(started_at) AS last FROM interviews WHERE case_id = ?').get(caseId) as {
    first: string | null
    last: string | null
  }
  const day = (iso: string | null) => (iso ? isoDateAtOffset(new Date(iso)) : null)
  return { first: day(r.first), last: day(r.last) }
}

/** Form A dates in order against each other, today, the contacts and Form C on record. */
function caseDateContext(db: Database.Database, desk: Desk, caseId: number) {
  const k = db.prepare('SELECT opened_date, closed_date FROM case_closings WHERE case_id = ?').get(caseId) as
    | { opened_date: string; closed_date: string }
    | undefined
  return { today: today(desk), firstContact: contactSpan(db, caseId).first, openedDate: k?.opened_date || null, closedDate: k?.closed_date || null }
}

function touch(db: Database.Database, desk: Desk, id: number): void {
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(nowIso(desk), id)
}

// ───────────────────────────── create / read / update ─────────────────────────────

export function createCase(desk: Desk, input: CreateCaseInput): CaseRecord {
  const a = parse(createCaseInput, input)
  const now = desk.now()
  const fields: CaseFields = { ...emptyFields(isoDateAtOffset(now)), ...stripUndefined(a) } as CaseFields
  const reps = a.representatives ?? []
  if (reps.length > MAX_REPRESENTATIVES) tooManyRepresentatives()
  const worker = a.assignedWorkerId ?? actor(desk)
  refuseDates(caseDateProblems(fields, { today: today(desk) }))
  const id = tx(desk, (db) => {
    if (a.assignedWorkerId) requireWorker(db, a.assignedWorkerId)
    const year = Number(fields.contactDate.slice(0, 4)) || now.getFullYear()
    const last = db
      .prepare("SELECT case_no FROM cases WHERE case_no LIKE ? ORDER BY case_no DESC LIMIT 1")
      .get(`${year}-%`) as { case_no: string } | undefined
    const caseNo = nextCaseNo(year, last?.case_no)
    const cols = FIELD_NAMES.map((n) => FIELD_COLUMNS[n][0])
    const iso = now.toISOString()
    const info = db
      .prepare(
        `INSERT INTO cases (case_no, status, risk_level, assigned_worker_id, created_by, created_at, updated_at, ${cols.join(', ')})
         VALUES (?, 'intake', 'none', ?, ?, ?, ?, ${cols.map(() => '?').join(', ')})`
      )
      .run(caseNo, worker, actor(desk), iso, iso, ...FIELD_NAMES.map((n) => toColumn(n, fields[n])))
    const caseId = Number(info.lastInsertRowid)
    const insRep = db.prepare('INSERT INTO case_representatives (case_id, name, phone, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)')
    for (const r of reps) insRep.run(caseId, r.name, r.phone ?? '', r.note ?? '', iso, actor(desk))
    reindexCase(db, caseId)
    desk.audit({
      action: 'cases.create',
      subjectType: 'case',
      subjectId: caseId,
      details: { caseNo, partyKind: fields.partyKind, representatives: reps.length }
    })
    // The repeat decision taken while registering belongs to the same transaction: if it cannot be
    // recorded (an earlier case that no longer exists), nothing of the registration is kept.
    if (a.repeat) writeRepeat(db, desk, caseId, a.repeat)
    return caseId
  })
  return getCase(desk, id)
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) if (v !== undefined && k in FIELD_COLUMNS) out[k] = v
  return out as Partial<T>
}

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

type Row = Record<string, unknown>

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

export function caseHistory(desk: Desk, id: number): CaseVersion[] {
  const db = sql(desk)
  requireCase(db, id)
  const who = users(db)
  // 第 N 次 of the contact a proposal came from, counted as Form B counts it.
  const nth = db.prepare(
    `SELECT count(*) AS n FROM interviews a JOIN interviews b ON b.case_id = a.case_id
     WHERE a.id = ? AND (b.started_at < a.started_at OR (b.started_at = a.started_at AND b.id <= a.id))`
  )
  return (db.prepare('SELECT * FROM case_versions WHERE case_id = ? ORDER BY version DESC').all(id) as Row[]).map((r) => {
    const m = /^interview:(\d+)$/.exec(String(r.source ?? ''))
    return {
      version: r.version as number,
      changedFields: JSON.parse(r.changed_fields as string),
      before: JSON.parse(r.before as string),
      at: r.at as string,
      by: r.by == null ? null : (who.get(r.by as number) ?? null),
      source: m ? { kind: 'interviewProposal' as const, interviewId: Number(m[1]), workCount: (nth.get(Number(m[1])) as { n: number }).n } : null
    }
  })
}

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

// ───────────────────────────── representatives ─────────────────────────────

function tooManyRepresentatives(): never {
  throw new DeskFailure('CONFLICT', 'cases:errors.tooManyRepresentatives', { max: MAX_REPRESENTATIVES }, 'representatives')
}

/** 7.2.1 a / 条例 第二十条第三款: at most 5 representatives — checked inside the write transaction. */
export function addRepresentative(desk: Desk, caseId: number, r: { name: string; phone?: string; note?: string }): CaseRecord {
  const bad = checkCaseInput({ phone: r.phone })
  if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, bad.field)
  if (!r.name.trim()) fail('BAD_ARGS', 'errors:arg.required', undefined, 'name')
  tx(desk, (db) => {
    requireCase(db, caseId)
    const n = (db.prepare('SELECT count(*) AS n FROM case_representatives WHERE case_id = ?').get(caseId) as { n: number }).n
    if (n >= MAX_REPRESENTATIVES) tooManyRepresentatives()
    const info = db
      .prepare('INSERT INTO case_representatives (case_id, name, phone, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(caseId, r.name, r.phone ?? '', r.note ?? '', nowIso(desk), actor(desk))
    reindexCase(db, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.add', subjectType: 'case', subjectId: caseId, details: { representativeId: Number(info.lastInsertRowid), count: n + 1 } })
  })
  return getCase(desk, caseId)
}

export function removeRepresentative(desk: Desk, caseId: number, representativeId: number): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    const info = db.prepare('DELETE FROM case_representatives WHERE id = ? AND case_id = ?').run(representativeId, caseId)
    if (info.changes === 0) fail('NOT_FOUND', 'cases:errors.representativeNotFound')
    reindexCase(db, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.remove', subjectType: 'case', subjectId: caseId, details: { representativeId } })
  })
  return getCase(desk, caseId)
}

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
  })
  return getCase(desk, caseId)
}

// ───────────────────────────── flows, resources, consents ─────────────────────────────

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

/** PIPL: consent recorded with its time and the version of the text shown; disclosure must be written. */
export function recordConsent(
  desk: Desk,
  a: { caseId: number; kind: ConsentKind; granted: boolean; method: ConsentMethod; note?: string; textVersion?: string }
): CaseRecord {
  if (a.kind === 'disclosure' && a.granted && a.method !== 'written') {
    fail('BAD_ARGS', 'cases:errors.disclosureWritten', undefined, 'method')
  }
  if (a.kind === 'disclosure' && !(a.note ?? '').trim()) fail('BAD_ARGS', 'cases:errors.disclosureRecipient', undefined, 'note')
  tx(desk, (db) => {
    requireCase(db, a.caseId)
    db.prepare('INSERT INTO case_consents (case_id, kind, granted, method, text_version, note, at, by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      a.caseId,
      a.kind,
      a.granted ? 1 : 0,
      a.method,
      a.textVersion ?? CONSENT_TEXT_VERSION,
      a.note ?? '',
      nowIso(desk),
      actor(desk)
    )
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.consent', subjectType: 'case', subjectId: a.caseId, details: { kind: a.kind, granted: a.granted, method: a.method } })
  })
  return getCase(desk, a.caseId)
}

// ───────────────────────────── follow-ups ─────────────────────────────

export function scheduleFollowUp(
  desk: Desk,
  a: { caseId: number; dueDate: string; kind: FollowUpKind; note?: string; interviewId?: number | null }
): FollowUp {
  const id = tx(desk, (db) => {
    const row = requireCase(db, a.caseId)
    const iv = a.interviewId
      ? (db.prepare('SELECT started_at FROM interviews WHERE id = ? AND case_id = ?').get(a.interviewId, a.caseId) as { started_at: string } | undefined)
      : undefined
    if (a.interviewId && !iv) fail('NOT_FOUND', 'cases:errors.notFound', undefined, 'interviewId')
    refuseDates(
      followUpDateProblems(a.dueDate, {
        contactDate: row.contact_date as string,
        interviewDate: iv ? isoDateAtOffset(new Date(iv.started_at)) : null
      })
    )
    const info = db
      .prepare(
        `INSERT INTO case_follow_ups (case_id, due_date, kind, note, interview_id, assigned_worker_id, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(a.caseId, a.dueDate, a.kind, a.note ?? '', a.interviewId ?? null, row.assigned_worker_id ?? actor(desk), nowIso(desk), actor(desk))
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.followUp', subjectType: 'case', subjectId: a.caseId, details: { followUpId: Number(info.lastInsertRowid), kind: a.kind, dueDate: a.dueDate } })
    return Number(info.lastInsertRowid)
  })
  return getCase(desk, a.caseId).followUps.find((f) => f.id === id)!
}

export function completeFollowUp(desk: Desk, followUpId: number, note?: string): FollowUp {
  const caseId = tx(desk, (db) => {
    const f = db.prepare('SELECT case_id, done_at FROM case_follow_ups WHERE id = ?').get(followUpId) as { case_id: number; done_at: string | null } | undefined
    if (!f) fail('NOT_FOUND', 'cases:errors.followUpNotFound')
    db.prepare('UPDATE case_follow_ups SET done_at = ?, done_note = ?, done_by = ? WHERE id = ?').run(nowIso(desk), note ?? '', actor(desk), followUpId)
    touch(db, desk, f!.case_id)
    desk.audit({ action: 'cases.followUp.done', subjectType: 'case', subjectId: f!.case_id, details: { followUpId } })
    return f!.case_id
  })
  return getCase(desk, caseId).followUps.find((f) => f.id === followUpId)!
}

// ───────────────────────────── repeat detection ─────────────────────────────

export function markRepeat(desk: Desk, caseId: number, d: { mark: RepeatMark; ofCaseIds?: number[]; note?: string }): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    writeRepeat(db, desk, caseId, d)
  })
  return getCase(desk, caseId)
}

/** Inside a transaction: record the 重复上访 decision (the earlier cases must exist). */
function writeRepeat(db: Database.Database, desk: Desk, caseId: number, d: { mark: RepeatMark; ofCaseIds?: number[]; note?: string }): void {
  const of = (d.ofCaseIds ?? []).filter((x) => x !== caseId)
  for (const other of of) {
    if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(other)) fail('NOT_FOUND', 'cases:errors.repeatOfNotFound', undefined, 'repeat')
  }
  const at = nowIso(desk)
  db.prepare('UPDATE cases SET repeat_mark = ?, repeat_of = ?, repeat_note = ?, repeat_at = ?, repeat_by = ?, updated_at = ? WHERE id = ?').run(
    d.mark,
    JSON.stringify(d.mark === 'repeat' ? of : []),
    d.note ?? '',
    at,
    actor(desk),
    at,
    caseId
  )
  desk.audit({ action: 'cases.repeat', subjectType: 'case', subjectId: caseId, details: { mark: d.mark, ofCaseIds: of } })
}

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

// ───────────────────────────── lists ─────────────────────────────

const SUMMARY_COLS = `c.id, c.case_no, c.name, c.party_kind, c.status, c.risk_level, c.assigned_worker_id, c.contact_date,
  c.summary, c.updated_at, c.headcount, c.repeat_mark, u.display_name AS worker_name`

export function toSummary(r: Row): CaseSummary {
  return {
    id: r.id as number,
    caseNo: r.case_no as string,
    name: r.name as string,
    partyKind: r.party_kind as CaseSummary['partyKind'],
    status: r.status as CaseStatus,
    riskLevel: r.risk_level as RiskLevel,
    assignedWorker: r.assigned_worker_id == null ? null : { id: r.assigned_worker_id as number, displayName: (r.worker_name as string) ?? '' },
    contactDate: r.contact_date as string,
    // A list shows the first line of the summary only.
    summary: truncate(String(r.summary ?? '').split('\n')[0], 120, ''),
    updatedAt: r.updated_at as string,
    headcount: (r.headcount as number | null) ?? null,
    repeat: (r.repeat_mark as CaseSummary['repeat']) ?? null
  }
}

export interface ListFilter {
  workerId?: number
  status?: 'open' | 'closed' | CaseStatus
  minRisk?: RiskLevel
  order?: 'caseNo' | 'recent'
  limit?: number
  offset?: number
}

export function listCases(desk: Desk, f: ListFilter = {}): CaseSummary[] {
  const where: string[] = []
  const args: unknown[] = []
  if (f.workerId != null) {
    where.push('c.assigned_worker_id = ?')
    args.push(f.workerId)
  }
  if (f.status === 'open') where.push("c.status NOT IN ('closed', 'transferred')")
  else if (f.status === 'closed') where.push("c.status IN ('closed', 'transferred')")
  else if (f.status) {
    where.push('c.status = ?')
    args.push(f.status)
  }
  if (f.minRisk && f.minRisk !== 'none') {
    const levels = ['none', 'low', 'medium', 'high', 'critical']
    const wanted = levels.slice(levels.indexOf(f.minRisk))
    where.push(`c.risk_level IN (${wanted.map(() => '?').join(', ')})`)
    args.push(...wanted)
  }
  const order = f.order === 'recent' ? 'c.updated_at DESC, c.id DESC' : 'c.case_no'
  const limit = Math.min(Math.max(f.limit ?? 200, 1), 1_000_000)
  const rows = sql(desk)
    .prepare(
      `SELECT ${SUMMARY_COLS} FROM cases c LEFT JOIN users u ON u.id = c.assigned_worker_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`
    )
    .all(...args, limit, f.offset ?? 0) as Row[]
  return rows.map(toSummary)
}

/** Open cases per active worker against the 8.1 c ratios. */
export function caseload(desk: Desk): CaseloadRow[] {
  const rows = sql(desk)
    .prepare(
      `SELECT u.id, u.display_name,
         count(c.id) AS open,
         sum(CASE WHEN c.irrational = 1 OR c.repeat_mark = 'repeat' THEN 1 ELSE 0 END) AS irrational
       FROM users u LEFT JOIN cases c ON c.assigned_worker_id = u.id AND c.status NOT IN ('closed', 'transferred')
       WHERE u.disabled = 0
       GROUP BY u.id ORDER BY u.display_name`
    )
    .all() as { id: number; display_name: string; open: number; irrational: number | null }[]
  return rows.map((r) => {
    const irrational = r.irrational ?? 0
    const rational = r.open - irrational
    return {
      worker: { id: r.id, displayName: r.display_name },
      open: r.open,
      rational,
      irrational,
      rationalState: caseloadState('rational', rational),
      irrationalState: caseloadState('irrational', irrational)
    }
  })
}

export type { DiversionDecision }

export function activeWorkers(desk: Desk): UserRef[] {
  return (sql(desk).prepare('SELECT id, display_name FROM users WHERE disabled = 0 ORDER BY display_name').all() as { id: number; display_name: string }[]).map(
    (r) => ({ id: r.id, displayName: r.display_name })
  )
}
