import { and, asc, desc, eq, isNull, lte } from 'drizzle-orm'
import {
  parseSatisfaction,
  returnVisitDue,
  type PetitionedAgain,
  type ReturnVisit,
  type Satisfaction,
  type VisitMethod
} from '@shared/domain/aftercare/return-visits'
import { isoDateAtOffset, addDays } from '@shared/domain/dates/calendar'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseClosings, cases, returnVisits, users } from '../db/schema'

/**
 * Return visits (7.1.5, 8.3 b). Closing or transferring a case (Form C finalised) schedules one, in the
 * same transaction as the closing (the closing service calls `scheduleReturnVisit`); the worker who
 * holds the case records it. A recorded visit is a finished record: it is not overwritten.
 */
export function scheduleReturnVisit(desk: Desk, caseId: number, status: 'closed' | 'transferred', workerId: number | null): void {
  const orm = desk.db().orm
  const pending = orm
    .select({ id: returnVisits.id })
    .from(returnVisits)
    .where(and(eq(returnVisits.caseId, caseId), isNull(returnVisits.recordedAt)))
    .get()
  if (pending) return
  const closing = orm.select({ closedDate: caseClosings.closedDate }).from(caseClosings).where(eq(caseClosings.caseId, caseId)).get()
  const closedDate = closing?.closedDate || isoDateAtOffset(desk.now())
  orm
    .insert(returnVisits)
    .values({
      caseId,
      reason: status,
      closedDate,
      dueDate: returnVisitDue(closedDate),
      workerId: workerId ?? desk.session?.userId ?? null,
      scheduledAt: desk.now().toISOString()
    })
    .run()
  desk.audit({ action: 'aftercare.returnVisit.schedule', subjectType: 'case', subjectId: caseId, details: { dueDate: returnVisitDue(closedDate) } })
}

const VISIT_COLS = {
  id: returnVisits.id,
  caseId: returnVisits.caseId,
  caseNo: cases.caseNo,
  reason: returnVisits.reason,
  closedDate: returnVisits.closedDate,
  dueDate: returnVisits.dueDate,
  workerId: returnVisits.workerId,
  workerName: users.displayName,
  recordedAt: returnVisits.recordedAt,
  visitDate: returnVisits.visitDate,
  happened: returnVisits.happened,
  method: returnVisits.method,
  outcome: returnVisits.outcome,
  petitionedAgain: returnVisits.petitionedAgain,
  satisfaction: returnVisits.satisfaction,
  note: returnVisits.note
}

type VisitRow = Omit<ReturnVisit, 'satisfaction'> & { satisfaction: string }
const toVisit = (r: VisitRow): ReturnVisit => ({ ...r, satisfaction: parseSatisfaction(r.satisfaction) })

/** This worker's return visits not yet recorded and due within a week (overdue first). */
export function myReturnVisits(desk: Desk): ReturnVisit[] {
  const me = desk.requireSession().userId
  const horizon = addDays(isoDateAtOffset(desk.now()), 7)
  return desk
    .db()
    .orm.select(VISIT_COLS)
    .from(returnVisits)
    .innerJoin(cases, eq(cases.id, returnVisits.caseId))
    .leftJoin(users, eq(users.id, returnVisits.workerId))
    .where(and(eq(returnVisits.workerId, me), isNull(returnVisits.recordedAt), lte(returnVisits.dueDate, horizon)))
    .orderBy(asc(returnVisits.dueDate), asc(returnVisits.id))
    .limit(200)
    .all()
    .map(toVisit)
}

export function caseReturnVisits(desk: Desk, caseId: number): ReturnVisit[] {
  return desk
    .db()
    .orm.select(VISIT_COLS)
    .from(returnVisits)
    .innerJoin(cases, eq(cases.id, returnVisits.caseId))
    .leftJoin(users, eq(users.id, returnVisits.workerId))
    .where(eq(returnVisits.caseId, caseId))
    .orderBy(desc(returnVisits.dueDate), desc(returnVisits.id))
    .all()
    .map(toVisit)
}

export interface VisitRecordInput {
  visitId: number
  happened: boolean
  visitDate: string
  method?: VisitMethod | null
  outcome?: string
  petitionedAgain?: PetitionedAgain | null
  satisfaction?: Satisfaction
  note?: string
}

/**
 * Record what happened. Only the worker the visit is for, or a supervisor. The date is on or after the
 * closing and not in the future; a visit that did not happen has no answers (only its note: not
 * reached, declined…). Recorded once.
 */
export function recordReturnVisit(desk: Desk, input: VisitRecordInput): ReturnVisit {
  const s = desk.requireSession()
  const db = desk.db()
  const today = isoDateAtOffset(desk.now())
  db.sqlite.transaction(() => {
    const v = db.orm.select().from(returnVisits).where(eq(returnVisits.id, input.visitId)).get()
    if (!v) fail('NOT_FOUND', 'aftercare:errors.visitNotFound')
    if (s.role !== 'supervisor' && v!.workerId !== s.userId) fail('FORBIDDEN', 'aftercare:errors.notYourVisit')
    if (v!.recordedAt) fail('CONFLICT', 'aftercare:errors.visitRecorded')
    if (input.visitDate < v!.closedDate) fail('BAD_ARGS', 'aftercare:errors.visitBeforeClosing', { date: v!.closedDate }, 'visitDate')
    if (input.visitDate > today) fail('BAD_ARGS', 'aftercare:errors.visitInFuture', undefined, 'visitDate')
    const happened = input.happened
    db.orm
      .update(returnVisits)
      .set({
        recordedAt: desk.now().toISOString(),
        recordedBy: s.userId,
        visitDate: input.visitDate,
        happened,
        method: input.method ?? null,
        outcome: happened ? (input.outcome ?? '').trim() : '',
        petitionedAgain: happened ? (input.petitionedAgain ?? null) : null,
        satisfaction: JSON.stringify(happened ? (input.satisfaction ?? {}) : {}),
        note: (input.note ?? '').trim()
      })
      .where(eq(returnVisits.id, input.visitId))
      .run()
    desk.audit({
      action: 'aftercare.returnVisit.record',
      subjectType: 'case',
      subjectId: v!.caseId,
      details: { visitId: input.visitId, happened, answered: Object.keys(input.satisfaction ?? {}).length }
    })
  })()
  const caseId = db.orm.select({ caseId: returnVisits.caseId }).from(returnVisits).where(eq(returnVisits.id, input.visitId)).get()!.caseId
  return caseReturnVisits(desk, caseId).find((x) => x.id === input.visitId)!
}
