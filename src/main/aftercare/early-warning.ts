import { and, asc, eq, gte, inArray } from 'drizzle-orm'
import { earlyWarnings, subjectKey, warningSince, type SubjectKind, type WarningCase, type WarningSignal } from '@shared/domain/aftercare/early-warning'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseSubjects, cases } from '../db/schema'

/**
 * The early warning (5.1 f) over the case archive: the cases of the last four windows, read by date
 * through the contact-date order, with their subjects and matter types; the counting is the pure
 * domain module's. Answers case numbers, counts and subject names — never a petitioner.
 */
export function warnings(desk: Desk): { today: string; signals: WarningSignal[] } {
  const today = isoDateAtOffset(desk.now())
  const since = warningSince(today)
  const orm = desk.db().orm
  const rows = orm
    .select({ id: cases.id, caseNo: cases.caseNo, date: cases.contactDate, repeatMark: cases.repeatMark, needs: cases.needs })
    .from(cases)
    .where(gte(cases.contactDate, since))
    .all()
  const byCase = new Map<number, WarningCase>()
  for (const r of rows) {
    if (!r.date || r.date > today) continue
    const matters: string[] = Array.isArray(r.needs) ? [...r.needs] : []
    byCase.set(r.id, { caseId: r.id, caseNo: r.caseNo, date: r.date, repeat: r.repeatMark === 'repeat', subjects: [], matters })
  }
  const subjects = orm
    .select({ caseId: caseSubjects.caseId, kind: caseSubjects.kind, name: caseSubjects.name })
    .from(caseSubjects)
    .innerJoin(cases, eq(cases.id, caseSubjects.caseId))
    .where(gte(cases.contactDate, since))
    .orderBy(asc(caseSubjects.id))
    .all()
  // The key is made again from the name: one stored before the key folded Traditional to Simplified
  // script (廣州市恆達建築 / 广州市恒达建筑) then counts with the other spelling.
  for (const s of subjects) byCase.get(s.caseId)?.subjects.push({ kind: s.kind, key: subjectKey(s.name), name: s.name })
  return { today, signals: earlyWarnings([...byCase.values()], today) }
}

export interface CaseSubject {
  id: number
  kind: SubjectKind
  name: string
}

export function caseSubjectList(desk: Desk, caseId: number): CaseSubject[] {
  return desk
    .db()
    .orm.select({ id: caseSubjects.id, kind: caseSubjects.kind, name: caseSubjects.name })
    .from(caseSubjects)
    .where(eq(caseSubjects.caseId, caseId))
    .orderBy(asc(caseSubjects.id))
    .all()
}

/** Name the employer, estate, village or project a case is about (as the petitioner names it). */
export function addCaseSubject(desk: Desk, input: { caseId: number; kind: SubjectKind; name: string }): CaseSubject[] {
  const name = input.name.trim()
  const key = subjectKey(name)
  if (!key) fail('BAD_ARGS', 'aftercare:errors.subjectEmpty', undefined, 'name')
  const db = desk.db()
  db.sqlite.transaction(() => {
    const c = db.orm.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get()
    if (!c) fail('NOT_FOUND', 'aftercare:errors.caseNotFound')
    const added = db.orm
      .insert(caseSubjects)
      .values({ caseId: input.caseId, kind: input.kind, name, nameKey: key, addedAt: desk.now().toISOString(), addedBy: desk.session?.userId ?? null })
      .onConflictDoNothing()
      .returning({ id: caseSubjects.id })
      .get()
    if (added) desk.audit({ action: 'aftercare.subject.add', subjectType: 'case', subjectId: input.caseId, details: { kind: input.kind } })
  })()
  return caseSubjectList(desk, input.caseId)
}

export function removeCaseSubject(desk: Desk, input: { caseId: number; subjectId: number }): CaseSubject[] {
  const db = desk.db()
  db.sqlite.transaction(() => {
    const gone = db.orm
      .delete(caseSubjects)
      .where(and(eq(caseSubjects.id, input.subjectId), eq(caseSubjects.caseId, input.caseId)))
      .returning({ id: caseSubjects.id })
      .get()
    if (!gone) fail('NOT_FOUND', 'aftercare:errors.subjectNotFound')
    desk.audit({ action: 'aftercare.subject.remove', subjectType: 'case', subjectId: input.caseId, details: {} })
  })()
  return caseSubjectList(desk, input.caseId)
}

/** Known names of a kind for the picker (so a second worker writes the employer the same way). */
export function subjectNames(desk: Desk, kind: SubjectKind): string[] {
  const rows = desk.db().orm.selectDistinct({ name: caseSubjects.name }).from(caseSubjects).where(inArray(caseSubjects.kind, [kind])).orderBy(asc(caseSubjects.name)).limit(500).all()
  return rows.map((r) => r.name)
}
