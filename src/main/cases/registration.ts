import { desc, like } from 'drizzle-orm'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { caseDateProblems } from '@shared/domain/dates/order'
import { nextCaseNo } from '@shared/domain/case/case-no'
import { MAX_REPRESENTATIVES } from '@shared/domain/case/options'
import { partyKindForHeadcount } from '@shared/domain/case/people'
import { createCaseInput, type CreateCaseInput } from '@shared/domain/case/schemas'
import type { CaseFields, CaseRecord } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { caseRepresentatives, cases } from '../db/schema'
import { FIELD_NAMES, emptyFields, fieldPatch, pick } from './columns'
import { reindexCase } from './index-text'
import { getCase } from './record'
import { writeRepeat } from './repeat-marks'
import { tooManyRepresentatives } from './representatives'
import { actor, parse, refuseDates, requireWorker, today, tx } from './shared'

// ───────────────────────────── registration ─────────────────────────────

/**
 * Registrations made in this run, by the screen's request token: a second 保存 after a lost reply
 * (the transport dropped, the window reloaded mid-call) gets the case the first one made. Per desk
 * and per worker, so one worker's token never reaches another's case.
 */
const madeByRequest = new WeakMap<Desk, Map<string, number>>()

export function createCase(desk: Desk, input: CreateCaseInput): CaseRecord {
  const a = parse(createCaseInput, input)
  const token = a.requestId ? `${actor(desk)}:${a.requestId}` : null
  let made = madeByRequest.get(desk)
  if (!made) madeByRequest.set(desk, (made = new Map()))
  const already = token ? made.get(token) : undefined
  if (already != null) return getCase(desk, already)
  const now = desk.now()
  const given = FIELD_NAMES.filter((n) => a[n] !== undefined)
  const fields: CaseFields = { ...emptyFields(isoDateAtOffset(now)), ...pick(a, given) }
  // 3.7: a group counted at 4 or fewer is registered as individuals, 5 or more as a collective visit.
  fields.partyKind = partyKindForHeadcount(fields.partyKind, fields.headcount)
  const reps = a.representatives ?? []
  if (reps.length > MAX_REPRESENTATIVES) tooManyRepresentatives()
  const worker = a.assignedWorkerId ?? actor(desk)
  refuseDates(caseDateProblems(fields, { today: today(desk) }))
  const id = tx(desk, (db) => {
    if (a.assignedWorkerId) requireWorker(db, a.assignedWorkerId)
    const year = Number(fields.contactDate.slice(0, 4)) || now.getFullYear()
    const last = db
      .select({ caseNo: cases.caseNo })
      .from(cases)
      .where(like(cases.caseNo, `${year}-%`))
      .orderBy(desc(cases.caseNo))
      .limit(1)
      .get()
    const caseNo = nextCaseNo(year, last?.caseNo)
    const iso = now.toISOString()
    const { id: caseId } = db
      .insert(cases)
      .values({
        ...fieldPatch(fields, FIELD_NAMES),
        caseNo,
        status: 'intake',
        riskLevel: 'none',
        assignedWorkerId: worker,
        createdBy: actor(desk),
        createdAt: iso,
        updatedAt: iso
      })
      .returning({ id: cases.id })
      .get()
    for (const r of reps) {
      db.insert(caseRepresentatives)
        .values({ caseId, name: r.name, phone: r.phone ?? '', note: r.note ?? '', addedAt: iso, addedBy: actor(desk) })
        .run()
    }
    reindexCase(db.$client, caseId)
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
  if (token) made.set(token, id)
  return getCase(desk, id)
}
