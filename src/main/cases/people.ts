import { and, asc, count, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { checkCaseInput } from '@shared/domain/case/schemas'
import {
  MAX_ALT_CONTACTS,
  MAX_OTHER_VISITS,
  otherVisitDateProblems,
  type AltContact,
  type CasePeople,
  type ConfidentialOpening,
  type OtherVisit
} from '@shared/domain/case/people-extras'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseAccessGrants, caseAltContacts, caseConfidential, caseOtherVisits, cases, users } from '../db/schema'
import { handlers } from '../ipc/router'
import { reindexCase } from './index-text'
import { openConfidential } from './confidential'

/**
 * Issue 12 §4 on the case: confidentiality (read), alternative contacts and earlier visits to other
 * agencies. Each write is one transaction with its audit event; the audit names ids and counts,
 * never a name, a phone or an agency typed by the worker. Alternative contacts are searchable: their
 * names and phones go into the case's search row in the same transaction (index-text.ts).
 */

function requireCaseRow(desk: Desk, caseId: number): void {
  if (!desk.db().orm.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).get()) fail('NOT_FOUND', 'cases:errors.notFound')
}

function touch(desk: Desk, caseId: number): void {
  desk.db().orm.update(cases).set({ updatedAt: desk.now().toISOString() }).where(eq(cases.id, caseId)).run()
}

export function casePeople(desk: Desk, caseId: number): CasePeople {
  requireCaseRow(desk, caseId)
  const orm = desk.db().orm
  const who = alias(users, 'who')
  const conf = orm.select({ since: caseConfidential.since }).from(caseConfidential).where(eq(caseConfidential.caseId, caseId)).get()
  const altContacts: AltContact[] = orm
    .select({
      id: caseAltContacts.id,
      name: caseAltContacts.name,
      relation: caseAltContacts.relation,
      phone: caseAltContacts.phone,
      note: caseAltContacts.note,
      addedAt: caseAltContacts.addedAt,
      byId: who.id,
      byName: who.displayName
    })
    .from(caseAltContacts)
    .leftJoin(who, eq(who.id, caseAltContacts.addedBy))
    .where(eq(caseAltContacts.caseId, caseId))
    .orderBy(asc(caseAltContacts.id))
    .all()
    .map(({ byId, byName, ...r }) => ({ ...r, addedBy: byId == null ? null : { id: byId, displayName: byName ?? '' } }))
  const otherVisits: OtherVisit[] = orm
    .select({
      id: caseOtherVisits.id,
      agency: caseOtherVisits.agency,
      firstDate: caseOtherVisits.firstDate,
      lastDate: caseOtherVisits.lastDate,
      times: caseOtherVisits.times,
      note: caseOtherVisits.note,
      addedAt: caseOtherVisits.addedAt,
      byId: who.id,
      byName: who.displayName
    })
    .from(caseOtherVisits)
    .leftJoin(who, eq(who.id, caseOtherVisits.addedBy))
    .where(eq(caseOtherVisits.caseId, caseId))
    .orderBy(asc(caseOtherVisits.id))
    .all()
    .map(({ byId, byName, ...r }) => ({ ...r, addedBy: byId == null ? null : { id: byId, displayName: byName ?? '' } }))
  return { caseId, confidential: !!conf, confidentialSince: conf?.since ?? null, altContacts, otherVisits, openings: conf ? openingsFor(desk, caseId) : null }
}

/**
 * The reasons others gave for opening a confidential report (条例 第十八条: the reporter is
 * protected, so those who answer for it see who looked and why). Supervisors and the assigned
 * worker only; everyone else gets null, never an empty list that would read as "nobody looked".
 */
function openingsFor(desk: Desk, caseId: number): ConfidentialOpening[] | null {
  const s = desk.requireSession()
  const orm = desk.db().orm
  const row = orm.select({ worker: cases.assignedWorkerId }).from(cases).where(eq(cases.id, caseId)).get()
  if (s.role !== 'supervisor' && !(s.role === 'worker' && row?.worker === s.userId)) return null
  return orm
    .select({ at: caseAccessGrants.grantedAt, by: users.displayName, reason: caseAccessGrants.reason })
    .from(caseAccessGrants)
    .innerJoin(users, eq(users.id, caseAccessGrants.userId))
    .where(eq(caseAccessGrants.caseId, caseId))
    .orderBy(desc(caseAccessGrants.id))
    .limit(200)
    .all()
}

export function addAltContact(desk: Desk, a: { caseId: number; name: string; relation?: string; phone?: string; note?: string }): CasePeople {
  const bad = checkCaseInput({ phone: a.phone })
  if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, 'phone')
  const name = a.name.trim()
  if (!name) fail('BAD_ARGS', 'errors:arg.required', undefined, 'name')
  const { sqlite, orm } = desk.db()
  sqlite
    .transaction(() => {
      requireCaseRow(desk, a.caseId)
      const n = orm.select({ n: count() }).from(caseAltContacts).where(eq(caseAltContacts.caseId, a.caseId)).get()!.n
      if (n >= MAX_ALT_CONTACTS) fail('CONFLICT', 'people:errors.tooManyContacts', { max: MAX_ALT_CONTACTS })
      const row = orm
        .insert(caseAltContacts)
        .values({
          caseId: a.caseId,
          name,
          relation: (a.relation ?? '').trim(),
          phone: (a.phone ?? '').trim(),
          note: a.note ?? '',
          addedAt: desk.now().toISOString(),
          addedBy: desk.session?.userId ?? null
        })
        .returning({ id: caseAltContacts.id })
        .get()
      reindexCase(sqlite, a.caseId)
      touch(desk, a.caseId)
      desk.audit({ action: 'cases.altContact.add', subjectType: 'case', subjectId: a.caseId, details: { altContactId: row.id, count: n + 1 } })
    })
    .immediate()
  return casePeople(desk, a.caseId)
}

export function removeAltContact(desk: Desk, caseId: number, altContactId: number): CasePeople {
  const { sqlite, orm } = desk.db()
  sqlite
    .transaction(() => {
      const r = orm.delete(caseAltContacts).where(and(eq(caseAltContacts.id, altContactId), eq(caseAltContacts.caseId, caseId))).run()
      if (r.changes === 0) fail('NOT_FOUND', 'people:errors.contactNotFound')
      reindexCase(sqlite, caseId)
      touch(desk, caseId)
      desk.audit({ action: 'cases.altContact.remove', subjectType: 'case', subjectId: caseId, details: { altContactId } })
    })
    .immediate()
  return casePeople(desk, caseId)
}

export function addOtherVisit(
  desk: Desk,
  a: { caseId: number; agency: string; firstDate?: string; lastDate?: string; times?: number; note?: string }
): CasePeople {
  const agency = a.agency.trim()
  if (!agency) fail('BAD_ARGS', 'errors:arg.required', undefined, 'agency')
  const p = otherVisitDateProblems(a, isoDateAtOffset(desk.now()))[0]
  if (p) throw new DeskFailure('BAD_ARGS', p.messageKey, p.params, p.field)
  const { sqlite, orm } = desk.db()
  sqlite
    .transaction(() => {
      requireCaseRow(desk, a.caseId)
      const n = orm.select({ n: count() }).from(caseOtherVisits).where(eq(caseOtherVisits.caseId, a.caseId)).get()!.n
      if (n >= MAX_OTHER_VISITS) fail('CONFLICT', 'people:errors.tooManyVisits', { max: MAX_OTHER_VISITS })
      const row = orm
        .insert(caseOtherVisits)
        .values({
          caseId: a.caseId,
          agency,
          firstDate: a.firstDate ?? '',
          lastDate: a.lastDate ?? '',
          times: a.times ?? null,
          note: a.note ?? '',
          addedAt: desk.now().toISOString(),
          addedBy: desk.session?.userId ?? null
        })
        .returning({ id: caseOtherVisits.id })
        .get()
      touch(desk, a.caseId)
      desk.audit({ action: 'cases.otherVisit.add', subjectType: 'case', subjectId: a.caseId, details: { otherVisitId: row.id, times: a.times ?? null } })
    })
    .immediate()
  return casePeople(desk, a.caseId)
}

export function removeOtherVisit(desk: Desk, caseId: number, otherVisitId: number): CasePeople {
  const { sqlite, orm } = desk.db()
  sqlite
    .transaction(() => {
      const r = orm.delete(caseOtherVisits).where(and(eq(caseOtherVisits.id, otherVisitId), eq(caseOtherVisits.caseId, caseId))).run()
      if (r.changes === 0) fail('NOT_FOUND', 'people:errors.visitNotFound')
      touch(desk, caseId)
      desk.audit({ action: 'cases.otherVisit.remove', subjectType: 'case', subjectId: caseId, details: { otherVisitId } })
    })
    .immediate()
  return casePeople(desk, caseId)
}

/** The calls of src/shared/ipc/contracts/people.ts. */
export const peopleHandlers = (desk: Desk) =>
  handlers({
    'cases.people': (a) => casePeople(desk, a.caseId),
    'cases.openConfidential': (a) => openConfidential(desk, a.caseId, a.reason),
    'cases.altContact.add': (a) => addAltContact(desk, a),
    'cases.altContact.remove': (a) => removeAltContact(desk, a.caseId, a.altContactId),
    'cases.otherVisit.add': (a) => addOtherVisit(desk, a),
    'cases.otherVisit.remove': (a) => removeOtherVisit(desk, a.caseId, a.otherVisitId)
  })
