import { eq, inArray } from 'drizzle-orm'
import { fail } from '@shared/ipc/result'
import {
  isCollectiveVisit,
  languagePlan,
  partyKindForHeadcount,
  spokenFromFormA,
  type CasePersonFacts,
  type Hukou,
  type InterviewPeople,
  type InterpreterRelation,
  type LanguageRecord,
  type SpokenLang
} from '@shared/domain/interview/people'
import type { OutputLang } from '@shared/domain/interview/types'
import type { PartyKind } from '@shared/domain/case/options'
import type { Desk } from '../desk/desk'
import { casePeople, interviewLanguage } from '../db/schema/people'
import { interviewEvents, interviews } from '../db/schema/interview'
import { caseLink } from './case-link'
import { requireCaseAccess } from '../cases/confidential'

/**
 * The people the standard names (issue 12 §4), in the main process: what Form A has no box for
 * (hearing, nationality, 户籍), the language of each contact and who interpreted, and the headcount
 * that decides a collective visit. The record is guarded here: an ended contact's language is not
 * rewritten, a headcount goes through the cases service (history and audit), and nothing is
 * written by reading.
 */

const NONE: Omit<CasePersonFacts, 'caseId'> = { hardOfHearing: false, foreignNational: false, nationality: '', hukou: null, updatedAt: null }

function requireCase(desk: Desk, caseId: number) {
  const c = caseLink.peopleFacts(desk, caseId)
  if (!c) fail('NOT_FOUND', 'interview:errors.caseNotFound')
  return c!
}

export function getCasePeople(desk: Desk, caseId: number): CasePersonFacts {
  requireCase(desk, caseId)
  return readCasePeople(desk, caseId)
}

function readCasePeople(desk: Desk, caseId: number): CasePersonFacts {
  const row = desk.db().orm.select().from(casePeople).where(eq(casePeople.caseId, caseId)).get()
  if (!row) return { caseId, ...NONE }
  return {
    caseId,
    hardOfHearing: row.hardOfHearing,
    foreignNational: row.foreignNational,
    nationality: row.nationality,
    hukou: row.hukou ?? null,
    updatedAt: row.updatedAt
  }
}

export interface CasePersonPatch {
  hardOfHearing?: boolean
  foreignNational?: boolean
  nationality?: string
  hukou?: Hukou | null
}

/** Record hearing, nationality or 户籍 on the case; audited by field name, never by value. */
export function setCasePeople(desk: Desk, input: { caseId: number; patch: CasePersonPatch }): CasePersonFacts {
  requireCase(desk, input.caseId)
  const before = readCasePeople(desk, input.caseId)
  const next = { ...before, ...input.patch }
  // A nationality belongs to a foreign national: clearing the flag clears it (said on screen).
  if (!next.foreignNational) next.nationality = ''
  const changed = (['hardOfHearing', 'foreignNational', 'nationality', 'hukou'] as const).filter((k) => next[k] !== before[k])
  if (!changed.length) return before
  const at = desk.now().toISOString()
  const userId = desk.requireSession().userId
  const values = { hardOfHearing: next.hardOfHearing, foreignNational: next.foreignNational, nationality: next.nationality, hukou: next.hukou, updatedAt: at, updatedBy: userId }
  desk.db().sqlite.transaction(() => {
    desk
      .db()
      .orm.insert(casePeople)
      .values({ caseId: input.caseId, ...values })
      .onConflictDoUpdate({ target: casePeople.caseId, set: values })
      .run()
    desk.audit({ action: 'people.update', subjectType: 'case', subjectId: input.caseId, details: { fields: changed } })
  })()
  return readCasePeople(desk, input.caseId)
}

/** The foreign-national flag for the cases a list shows (lists and the case header). */
export function peopleFlags(desk: Desk, caseIds: number[]): Record<number, { foreignNational: boolean; hardOfHearing: boolean }> {
  const out: Record<number, { foreignNational: boolean; hardOfHearing: boolean }> = {}
  if (!caseIds.length) return out
  const rows = desk
    .db()
    .orm.select({ caseId: casePeople.caseId, foreignNational: casePeople.foreignNational, hardOfHearing: casePeople.hardOfHearing })
    .from(casePeople)
    .where(inArray(casePeople.caseId, [...new Set(caseIds)]))
    .all()
  for (const r of rows) {
    if (!r.foreignNational && !r.hardOfHearing) continue
    // A confidential case this person may not open shows its number only: no flag either.
    try {
      requireCaseAccess(desk, r.caseId, 'get')
    } catch {
      continue
    }
    out[r.caseId] = { foreignNational: r.foreignNational, hardOfHearing: r.hardOfHearing }
  }
  return out
}

/**
 * Correct the headcount: 5 or more is a collective visit, 4 or fewer is not. The headcount and the
 * party kind it gives change in one change of the case (one version in its history, one audit
 * event), through the cases service.
 */
export function correctHeadcount(desk: Desk, input: { caseId: number; headcount: number }): { headcount: number; partyKind: PartyKind; collective: boolean } {
  const c = requireCase(desk, input.caseId)
  const partyKind = partyKindForHeadcount(c.partyKind, input.headcount)
  caseLink.setHeadcount(desk, input.caseId, input.headcount, partyKind)
  return { headcount: input.headcount, partyKind, collective: isCollectiveVisit(partyKind, input.headcount) }
}

function readLanguage(desk: Desk, interviewId: number): LanguageRecord | null {
  const row = desk.db().orm.select().from(interviewLanguage).where(eq(interviewLanguage.interviewId, interviewId)).get()
  if (!row) return null
  return {
    spoken: row.spoken,
    spokenText: row.spokenText,
    interpreterName: row.interpreterName,
    interpreterLanguage: row.interpreterLanguage,
    interpreterRelation: row.interpreterRelation ?? null
  }
}

export interface LanguageInput {
  interviewId: number
  spoken: SpokenLang
  spokenText?: string
  interpreterName?: string
  interpreterLanguage?: string
  interpreterRelation?: InterpreterRelation | null
}

/**
 * Stage 1: the language the person is comfortable in, and who interpreted. The lines switch to the
 * language the plan names (普通话 or 粵語; for Hakka, Chaozhou or a foreign language the lines stay
 * in 普通话 for the interpreter to relay, and the screen says so). An interpreter is recorded with
 * name and relation together. Refused on an ended contact.
 */
export function setLanguage(desk: Desk, input: LanguageInput): { language: LanguageRecord; outputLang: OutputLang } {
  const iv = desk
    .db()
    .orm.select({ endedAt: interviews.endedAt, outputLang: interviews.outputLang, caseId: interviews.caseId })
    .from(interviews)
    .where(eq(interviews.id, input.interviewId))
    .get()
  if (!iv) return fail('NOT_FOUND', 'interview:errors.notFound')
  if (iv.endedAt) fail('CONFLICT', 'interview:errors.ended')
  const name = (input.interpreterName ?? '').trim()
  const relation = input.interpreterRelation ?? null
  if (name && !relation) fail('BAD_ARGS', 'interview:people.needRelation', undefined, 'interpreterRelation')
  const record: LanguageRecord = {
    spoken: input.spoken,
    spokenText: (input.spokenText ?? '').trim(),
    interpreterName: name,
    interpreterLanguage: name ? (input.interpreterLanguage ?? '').trim() : '',
    interpreterRelation: name ? relation : null
  }
  const output = languagePlan(record.spoken).output
  const at = desk.now().toISOString()
  const userId = desk.requireSession().userId
  const db = desk.db()
  db.sqlite.transaction(() => {
    const values = { ...record, updatedAt: at, updatedBy: userId }
    db.orm
      .insert(interviewLanguage)
      .values({ interviewId: input.interviewId, ...values })
      .onConflictDoUpdate({ target: interviewLanguage.interviewId, set: values })
      .run()
    if (output !== iv.outputLang) {
      db.orm.update(interviews).set({ outputLang: output, updatedAt: at }).where(eq(interviews.id, input.interviewId)).run()
      db.orm.insert(interviewEvents).values({ interviewId: input.interviewId, kind: 'outputLang', detail: output, at }).run()
    }
    // Who interpreted is named in the record, not in the audit trail: the trail says that it changed.
    desk.audit({
      action: 'interview.language',
      subjectType: 'case',
      subjectId: iv.caseId,
      details: { interviewId: input.interviewId, spoken: record.spoken, interpreter: record.interpreterRelation ?? 'none' }
    })
  })()
  return { language: record, outputLang: output }
}

/** What the guide adapts to for this contact (InterviewState.people). */
export function interviewPeople(desk: Desk, interviewId: number, caseId: number): InterviewPeople {
  const c = caseLink.peopleFacts(desk, caseId)
  const p = readCasePeople(desk, caseId)
  return {
    caseId,
    hardOfHearing: p.hardOfHearing,
    foreignNational: p.foreignNational,
    nationality: p.nationality,
    hukou: p.hukou,
    partyKind: c?.partyKind ?? 'person',
    headcount: c?.headcount ?? null,
    collective: c ? isCollectiveVisit(c.partyKind, c.headcount) : false,
    age: c?.age ?? null,
    education: c?.education ?? null,
    formASpoken: c ? spokenFromFormA(c.language, c.languageOther) : null,
    language: readLanguage(desk, interviewId)
  }
}

/** Form A 语言 for the proposal after a contact: the language recorded at Stage 1, as Form A codes it. */
export function formALanguageFor(desk: Desk, interviewId: number): 'putonghua' | 'cantonese' | 'hakka' | 'other' | null {
  const l = readLanguage(desk, interviewId)
  if (!l) return null
  return l.spoken === 'putonghua' || l.spoken === 'cantonese' || l.spoken === 'hakka' ? l.spoken : 'other'
}
