import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { caseDateProblems } from '@shared/domain/dates/order'
import { nextCaseNo } from '@shared/domain/case/case-no'
import { MAX_REPRESENTATIVES } from '@shared/domain/case/options'
import { createCaseInput, type CreateCaseInput } from '@shared/domain/case/schemas'
import type { CaseFields, CaseRecord } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { FIELD_COLUMNS, FIELD_NAMES, emptyFields, toColumn } from './columns'
import { reindexCase } from './index-text'
import { getCase } from './record'
import { writeRepeat } from './repeat-marks'
import { tooManyRepresentatives } from './representatives'
import { actor, parse, refuseDates, requireWorker, today, tx } from './shared'

// ───────────────────────────── registration ─────────────────────────────

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
