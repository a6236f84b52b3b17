import { z } from 'zod'
import { call } from '../define'
import { id, shortText } from '../schemas'
import { HUKOU, INTERPRETER_RELATIONS, SPOKEN_LANGS, type CasePersonFacts, type LanguageRecord } from '../../domain/interview/people'
import type { PartyKind } from '../../domain/case/options'
import type { OutputLang } from '../../domain/interview/types'

/**
 * The people the standard names (issue 12 §4): hearing, nationality and 户籍 on the case, the
 * language of a contact and who interpreted, the headcount that decides a collective visit.
 * Owned by the interview feature; merged into the one contract in ../contract.ts.
 */
export const personCalls = {
  'person.get': call(z.object({ caseId: id() }), 'worker').returns<CasePersonFacts>(),
  'person.set': call(
    z.object({
      caseId: id(),
      patch: z
        .object({
          hardOfHearing: z.boolean().optional(),
          foreignNational: z.boolean().optional(),
          nationality: shortText(100).optional(),
          hukou: z.enum(HUKOU).nullable().optional()
        })
        .strict()
    }),
    'worker'
  ).returns<CasePersonFacts>(),
  /** The flags a list shows beside each case (foreign national, hard of hearing); only flagged cases. */
  'person.flags': call(z.object({ caseIds: z.array(id()).max(1000) }), 'worker').returns<
    Record<number, { foreignNational: boolean; hardOfHearing: boolean }>
  >(),
  /** Correct the headcount: 5 or more is a collective visit, 4 or fewer is not (case history shows it). */
  'person.headcount': call(z.object({ caseId: id(), headcount: z.number().int().min(1).max(100_000) }), 'worker').returns<{
    headcount: number
    partyKind: PartyKind
    collective: boolean
  }>(),
  /** Stage 1: the language the person is comfortable in, and who interpreted (name and relation together). */
  'interview.language': call(
    z.object({
      interviewId: id(),
      spoken: z.enum(SPOKEN_LANGS),
      spokenText: shortText(100).optional(),
      interpreterName: shortText(100).optional(),
      interpreterLanguage: shortText(100).optional(),
      interpreterRelation: z.enum(INTERPRETER_RELATIONS).nullable().optional()
    }),
    'worker'
  ).returns<{ language: LanguageRecord; outputLang: OutputLang }>()
} as const
