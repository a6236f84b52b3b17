import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { CaseStatus } from '@shared/domain/case/options'
import { isOpenStatus } from '@shared/domain/case/options'
import { isoDateAtOffset, type ReferralMethod } from '@shared/domain/dates'
import { createsReferral, defaultMethod, dueForSend, methodsFor, referralDateProblems, stageOf } from '@shared/domain/referrals/rules'
import type { RelayHow, Referral, ReferralEvent, SupervisionNote } from '@shared/domain/referrals/types'
import type { DiversionRoute } from '@shared/domain/screening/rules'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseDiversions, cases } from '../db/schema/cases'
import { users } from '../db/schema/foundation'
import { caseReferrals, directoryEntries, referralEvents, referralSupervisionNotes } from '../db/schema/referrals'
import { requireCaseAccess } from '../cases/confidential'

/**
 * The referral ledger (issue 16 §1): every confirmed diversion creates a referral; the worker records
 * how, to whom and when it was sent, the reply and when/how the result was relayed. The main process
 * keeps the chain in order (no reply before sending, no relay before the reply, nothing in the future),
 * lets a method through only where the case's route allows it, refuses writes on a closed case, and
 * writes each change as an event (with the values it replaced) for the case history.
 */
type Row = typeof caseReferrals.$inferSelect
type Orm = ReturnType<Desk['db']>['orm']

const today = (desk: Desk) => isoDateAtOffset(desk.now())

function toReferral(r: Row, caseNo: string, toBuiltin: string | null, notes: SupervisionNote[]): Referral {
  const base = {
    id: r.id,
    caseId: r.caseId,
    caseNo,
    route: r.route as DiversionRoute,
    method: r.method,
    directoryId: r.directoryId,
    toName: r.toName,
    toBuiltin,
    toAddress: r.toAddress,
    toPhone: r.toPhone,
    sentDate: r.sentDate,
    sentWhat: r.sentWhat,
    dueBasis: r.dueBasis,
    dueDeadline: r.dueDeadline,
    replyDue: r.replyDue,
    replyDate: r.replyDate,
    replySummary: r.replySummary,
    relayedDate: r.relayedDate,
    relayedHow: r.relayedHow,
    relayedNote: r.relayedNote,
    withdrawnAt: r.withdrawnAt,
    withdrawnReason: r.withdrawnReason,
    version: r.version,
    notes
  }
  return { ...base, stage: stageOf(base) }
}

const writer = alias(users, 'writer')
const acker = alias(users, 'acker')

export function notesFor(orm: Orm, referralIds: number[]): SupervisionNote[] {
  if (!referralIds.length) return []
  return orm
    .select({
      id: referralSupervisionNotes.id,
      referralId: referralSupervisionNotes.referralId,
      caseId: referralSupervisionNotes.caseId,
      note: referralSupervisionNotes.note,
      writtenAt: referralSupervisionNotes.writtenAt,
      writtenByName: writer.displayName,
      workerId: referralSupervisionNotes.workerId,
      acknowledgedAt: referralSupervisionNotes.acknowledgedAt,
      acknowledgedByName: acker.displayName
    })
    .from(referralSupervisionNotes)
    .leftJoin(writer, eq(writer.id, referralSupervisionNotes.writtenBy))
    .leftJoin(acker, eq(acker.id, referralSupervisionNotes.acknowledgedBy))
    .where(inArray(referralSupervisionNotes.referralId, referralIds))
    .orderBy(asc(referralSupervisionNotes.writtenAt), asc(referralSupervisionNotes.id))
    .all()
}

export function getReferral(desk: Desk, id: number): Referral {
  const orm = desk.db().orm
  const r = orm
    .select({ ref: caseReferrals, caseNo: cases.caseNo, builtin: directoryEntries.builtin })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, caseReferrals.directoryId))
    .where(eq(caseReferrals.id, id))
    .get()
  if (!r) fail('NOT_FOUND', 'referrals:errors.notFound')
  return toReferral(r!.ref, r!.caseNo, r!.builtin, notesFor(orm, [id]))
}

export function referralsForCase(desk: Desk, caseId: number): { referrals: Referral[]; events: ReferralEvent[] } {
  const orm = desk.db().orm
  const c = orm.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get()
  if (!c) fail('NOT_FOUND', 'cases:errors.notFound')
  const rows = orm
    .select({ ref: caseReferrals, caseNo: cases.caseNo, builtin: directoryEntries.builtin })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, caseReferrals.directoryId))
    .where(eq(caseReferrals.caseId, caseId))
    .orderBy(asc(caseReferrals.id))
    .all()
  const notes = notesFor(
    orm,
    rows.map((r) => r.ref.id)
  )
  const events = orm
    .select({
      id: referralEvents.id,
      referralId: referralEvents.referralId,
      kind: referralEvents.kind,
      changedFields: referralEvents.changedFields,
      before: referralEvents.before,
      at: referralEvents.at,
      byName: users.displayName
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.by))
    .where(eq(referralEvents.caseId, caseId))
    .orderBy(asc(referralEvents.at), asc(referralEvents.id))
    .all()
    .map((e) => ({ ...e, changedFields: JSON.parse(e.changedFields) as string[], before: JSON.parse(e.before) as Record<string, string | number | null> }))
  return {
    referrals: rows.map((r) =>
      toReferral(
        r.ref,
        r.caseNo,
        r.builtin,
        notes.filter((n) => n.referralId === r.ref.id)
      )
    ),
    events
  }
}

function event(orm: Orm, desk: Desk, r: { id: number; caseId: number }, kind: ReferralEvent['kind'], before: Partial<Row> = {}): void {
  orm
    .insert(referralEvents)
    .values({
      referralId: r.id,
      caseId: r.caseId,
      kind,
      changedFields: JSON.stringify(Object.keys(before)),
      before: JSON.stringify(before),
      at: desk.now().toISOString(),
      by: desk.session?.userId ?? null
    })
    .run()
}

function openCase(orm: Orm, caseId: number) {
  const c = orm.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).get()
  if (!c) fail('NOT_FOUND', 'cases:errors.notFound')
  if (!isOpenStatus(c!.status as CaseStatus)) fail('CONFLICT', 'cases:errors.closedRecord')
}

function createRow(orm: Orm, desk: Desk, caseId: number, route: DiversionRoute): number {
  const at = desk.now().toISOString()
  const by = desk.session?.userId ?? null
  const id = Number(
    orm
      .insert(caseReferrals)
      .values({ caseId, route, method: defaultMethod(route), createdAt: at, createdBy: by, updatedAt: at, updatedBy: by })
      .run().lastInsertRowid
  )
  event(orm, desk, { id, caseId }, 'created')
  return id
}

/**
 * Called inside the diversion's own transaction (cases/screening-diversion.ts): a confirmed route
 * creates its referral, unless one for that route is still open. A referral of an earlier route that
 * was never sent is withdrawn (nothing left the desk); one already sent stays, to be followed up.
 */
export function referralForDiversion(desk: Desk, caseId: number, route: DiversionRoute): void {
  const orm = desk.db().orm
  const open = orm
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.caseId, caseId), isNull(caseReferrals.withdrawnAt)))
    .all()
  const at = desk.now().toISOString()
  for (const r of open) {
    if (r.route !== route && !r.sentDate) {
      orm
        .update(caseReferrals)
        .set({ withdrawnAt: at, withdrawnReason: '', updatedAt: at, updatedBy: desk.session?.userId ?? null, version: r.version + 1 })
        .where(eq(caseReferrals.id, r.id))
        .run()
      event(orm, desk, r, 'withdrawn', { withdrawnAt: null })
    }
  }
  if (!createsReferral(route)) return
  if (open.some((r) => r.route === route)) return
  const id = createRow(orm, desk, caseId, route)
  desk.audit({ action: 'referrals.create', subjectType: 'case', subjectId: caseId, details: { referralId: id, route } })
}

function withReferral<T>(desk: Desk, referralId: number, fn: (orm: Orm, r: Row) => T): T {
  const sqlite = desk.db().sqlite
  return sqlite
    .transaction(() => {
      const orm = desk.db().orm
      const r = orm.select().from(caseReferrals).where(eq(caseReferrals.id, referralId)).get()
      if (!r) fail('NOT_FOUND', 'referrals:errors.notFound')
      // A referral of a confidential case (检举控告) is written only by someone who may open the case.
      requireCaseAccess(desk, r!.caseId)
      openCase(orm, r!.caseId)
      if (r!.withdrawnAt) fail('CONFLICT', 'referrals:errors.withdrawn')
      return fn(orm, r!)
    })
    .immediate()
}

function update(orm: Orm, desk: Desk, r: Row, set: Partial<Row>, kind: ReferralEvent['kind']): void {
  const next = { ...r, ...set }
  const problem = referralDateProblems(next, today(desk))[0]
  if (problem) throw new DeskFailure('BAD_ARGS', problem.key, undefined, problem.field)
  const before: Partial<Row> = {}
  for (const k of Object.keys(set) as (keyof Row)[]) if (r[k] !== set[k]) (before as Record<string, unknown>)[k] = r[k]
  if (Object.keys(before).length === 0) return
  orm
    .update(caseReferrals)
    .set({ ...set, updatedAt: desk.now().toISOString(), updatedBy: desk.session?.userId ?? null, version: r.version + 1 })
    .where(eq(caseReferrals.id, r.id))
    .run()
  event(orm, desk, r, kind, before)
  desk.audit({ action: `referrals.${kind}`, subjectType: 'case', subjectId: r.caseId, details: { referralId: r.id, fields: Object.keys(before) } })
}

export function createReferral(desk: Desk, caseId: number): Referral {
  const id = desk
    .db()
    .sqlite.transaction(() => {
      const orm = desk.db().orm
      openCase(orm, caseId)
      const d = orm.select({ chosen: caseDiversions.chosen }).from(caseDiversions).where(eq(caseDiversions.caseId, caseId)).get()
      // Without a diversion the matter's route is not decided: a referral by hand is a 转介 (6.4).
      const route = (d?.chosen as DiversionRoute | undefined) ?? 'referral'
      const id = createRow(orm, desk, caseId, route)
      desk.audit({ action: 'referrals.create', subjectType: 'case', subjectId: caseId, details: { referralId: id, route } })
      return id
    })
    .immediate()
  return getReferral(desk, id)
}

export function sendReferral(
  desk: Desk,
  a: { referralId: number; method: ReferralMethod; directoryId: number; sentDate: string; sentWhat: string; agreedDue?: string }
): Referral {
  withReferral(desk, a.referralId, (orm, r) => {
    if (r.replyDate) fail('CONFLICT', 'referrals:errors.alreadyReplied')
    const route = r.route as DiversionRoute
    if (!methodsFor(route).includes(a.method)) fail('BAD_ARGS', 'referrals:errors.methodNotAllowed', undefined, 'method')
    const to = orm.select().from(directoryEntries).where(eq(directoryEntries.id, a.directoryId)).get()
    if (!to) fail('NOT_FOUND', 'referrals:errors.directoryNotFound', undefined, 'directoryId')
    const due = dueForSend(route, a.method, a.sentDate, a.agreedDue)
    if (due.basis === 'agreed' && !due.due) fail('BAD_ARGS', 'referrals:errors.agreedDueRequired', undefined, 'agreedDue')
    update(
      orm,
      desk,
      r,
      {
        method: a.method,
        directoryId: to!.id,
        toName: to!.name,
        toAddress: to!.address,
        toPhone: to!.phone,
        sentDate: a.sentDate,
        sentWhat: a.sentWhat,
        dueBasis: due.basis,
        dueDeadline: due.deadline,
        replyDue: due.due
      },
      r.sentDate ? 'edited' : 'sent'
    )
  })
  return getReferral(desk, a.referralId)
}

export function recordReply(desk: Desk, a: { referralId: number; replyDate: string; replySummary: string }): Referral {
  withReferral(desk, a.referralId, (orm, r) => {
    if (!r.sentDate) fail('BAD_ARGS', 'referrals:errors.replyBeforeSent', undefined, 'replyDate')
    if (r.relayedDate) fail('CONFLICT', 'referrals:errors.alreadyRelayed')
    update(orm, desk, r, { replyDate: a.replyDate, replySummary: a.replySummary }, r.replyDate ? 'edited' : 'reply')
  })
  return getReferral(desk, a.referralId)
}

export function recordRelay(desk: Desk, a: { referralId: number; relayedDate: string; relayedHow: RelayHow; relayedNote: string }): Referral {
  withReferral(desk, a.referralId, (orm, r) => {
    if (!r.replyDate) fail('BAD_ARGS', 'referrals:errors.relayBeforeReply', undefined, 'relayedDate')
    update(orm, desk, r, { relayedDate: a.relayedDate, relayedHow: a.relayedHow, relayedNote: a.relayedNote }, r.relayedDate ? 'edited' : 'relayed')
  })
  return getReferral(desk, a.referralId)
}

export function withdrawReferral(desk: Desk, a: { referralId: number; reason: string }): Referral {
  withReferral(desk, a.referralId, (orm, r) => {
    if (r.relayedDate) fail('CONFLICT', 'referrals:errors.alreadyRelayed')
    update(orm, desk, r, { withdrawnAt: desk.now().toISOString(), withdrawnReason: a.reason }, 'withdrawn')
  })
  return getReferral(desk, a.referralId)
}
