import type { Desk } from '../desk/desk'
import type { RiskLevel } from '@shared/domain/interview'
import type { EducationCode, LanguageCode, NeedCode, PartyKind } from '@shared/domain/case/options'
import { petitionerLanguages, type PetitionerLanguages } from '@shared/domain/case/languages'
import { isCollectiveVisit } from '@shared/domain/interview/people'
import type { CaseRouteFacts, ProposalItem } from '@shared/domain/interview/types'
import { fail } from '@shared/ipc/result'
import * as cases from '../cases/api'
import { clipCodePoints, firstLine } from '@shared/text/characters'

/**
 * The interview's one door to the cases feature (src/main/cases/api.ts): every change the interview
 * makes to a case goes through the cases service, so it gets that feature's history and audit.
 */
export interface CaseSummary {
  id: number
  caseNo: string
  name: string
  /** Form A 语言 ticks, in the order recorded. */
  language: LanguageCode[]
  /** What the interview can speak of them, and which need an interpreter (domain/case/languages.ts). */
  languages: PetitionerLanguages
  riskLevel: RiskLevel
  /** Dates recorded on the case that start the rule clocks (受理, 答复, 复查意见). */
  ruleDates: Record<string, string>
  inPetitionProcedure: boolean
  /** What route-promises.ts needs from the case: the screening decision and the recorded dates. */
  route: CaseRouteFacts
}

// Deeper needs the worker accepted → Form A 问题/需要 codes.
const NEED_TO_FORM_A: Record<string, NeedCode> = {
  emotional: 'emotionalSupport',
  legalAid: 'legalAdvice',
  familySupport: 'familyRelations',
  mediation: 'demandResolution',
  evidence: 'legalAdvice',
  livingAssistance: 'resourceLinking',
  medicalCosts: 'resourceLinking',
  housing: 'resourceLinking',
  schooling: 'resourceLinking',
  employment: 'resourceLinking'
}

/** Rules-panel dates that belong on the case (interview rule id → case field). */
const RULE_DATE_FIELDS: Record<string, 'opinionReceivedDate' | 'reviewReceivedDate' | 'knewOfActDate' | 'infringementDate'> = {
  review: 'opinionReceivedDate',
  recheck: 'reviewReceivedDate',
  adminReview: 'knewOfActDate',
  arbitration: 'infringementDate'
}

/** What the guide adapts to from the case (people.ts): group size, age, reading, Form A 语言. */
export interface CasePeopleFacts {
  partyKind: PartyKind
  headcount: number | null
  age: number | null
  education: EducationCode | null
  /** Form A 语言 ticks, in the order recorded (the first is what they speak best). */
  language: readonly LanguageCode[]
  languageOther: string
}

export const caseLink = {
  /** A walk-in: a person, or a group counted at the door (5 or more: a collective visit). */
  createCase(desk: Desk, input: { name: string; partyKind?: PartyKind; headcount?: number | null }): { id: number; caseNo: string } {
    const c = cases.createCase(desk, { partyKind: input.partyKind ?? 'person', name: input.name, headcount: input.headcount ?? null })
    return { id: c.id, caseNo: c.caseNo }
  },

  peopleFacts(desk: Desk, caseId: number): CasePeopleFacts | null {
    let c: ReturnType<typeof cases.getCase>
    try {
      c = cases.getCase(desk, caseId)
    } catch {
      return null
    }
    const f = c.fields
    return {
      partyKind: f.partyKind,
      headcount: f.headcount,
      age: c.age,
      education: f.education,
      language: f.language,
      languageOther: f.languageOther ?? ''
    }
  },

  /** The headcount and the party kind it gives, as one change of the case (history, audit). */
  setHeadcount(desk: Desk, caseId: number, headcount: number, partyKind: PartyKind): void {
    const f = cases.getCase(desk, caseId).fields
    if (f.headcount === headcount && f.partyKind === partyKind) return
    cases.updateCase(desk, caseId, { headcount, partyKind })
  },

  caseSummary(desk: Desk, caseId: number): CaseSummary | null {
    let c: ReturnType<typeof cases.getCase>
    try {
      c = cases.getCase(desk, caseId)
    } catch {
      return null
    }
    const f = c.fields
    const ruleDates: Record<string, string> = {}
    if (f.acceptedDate) ruleDates.accepted = ruleDates.extension = f.acceptedDate
    if (f.opinionReceivedDate) ruleDates.review = f.opinionReceivedDate
    if (f.reviewReceivedDate) ruleDates.recheck = f.reviewReceivedDate
    return {
      id: c.id,
      caseNo: c.caseNo,
      name: f.name,
      language: f.language,
      languages: petitionerLanguages(f.language, f.languageOther),
      riskLevel: c.riskLevel,
      ruleDates,
      inPetitionProcedure: !!f.inPetitionProcedure,
      route: {
        diversion: c.diversion?.chosen ?? null,
        inPetitionProcedure: !!f.inPetitionProcedure,
        contactDate: f.contactDate,
        collective: isCollectiveVisit(f.partyKind, f.headcount),
        events: {
          acceptedDate: f.inPetitionProcedure ? f.acceptedDate : '',
          extended: !!f.extended,
          opinionReceivedDate: f.opinionReceivedDate,
          reviewReceivedDate: f.reviewReceivedDate,
          knewOfActDate: f.knewOfActDate,
          infringementDate: f.infringementDate
        }
      }
    }
  },

  /**
   * A date the worker recorded in the interview's rules panel that starts a clock on the case (the
   * written answer received, the act known…): written to the case, with its history and audit, so
   * Today and the case page show the same deadline.
   */
  recordRuleDate(desk: Desk, caseId: number, ruleId: string, date: string): void {
    const field = RULE_DATE_FIELDS[ruleId]
    if (!field) return
    const f = cases.getCase(desk, caseId).fields
    if (f[field] === date) return
    cases.updateCase(desk, caseId, { [field]: date })
  },

  setRiskLevel(desk: Desk, caseId: number, level: RiskLevel, reason: string): void {
    cases.setRiskLevel(desk, caseId, level, reason)
  },

  recordFlowAction(desk: Desk, input: { caseId: number; flow: 'crisis' | 'collective'; step: string; note?: string }): void {
    cases.recordFlowAction(desk, input)
  },

  scheduleFollowUp(desk: Desk, input: { caseId: number; dueDate: string; kind: 'short' | 'mid'; note?: string; interviewId?: number }): void {
    cases.scheduleFollowUp(desk, input)
  },

  /**
   * What a contact suggests for Form A: only fields the case has nothing in yet (never a
   * replacement for what someone typed), and needs the case does not have yet.
   */
  proposeFormA(
    desk: Desk,
    caseId: number,
    input: { demands: string; experience: string; personality: string; language: string; needs: string[]; crisis: boolean }
  ): ProposalItem[] {
    const f = cases.getCase(desk, caseId).fields
    const out: ProposalItem[] = []
    const demands = input.demands.trim()
    if (!f.demands.trim() && demands) out.push({ field: 'demands', value: demands })
    // 诉求概况: the demand's first line, cut by whole characters.
    if (!f.summary.trim() && demands) out.push({ field: 'summary', value: clipCodePoints(firstLine(demands), 200) })
    if (!f.petitionHistory.trim() && input.experience.trim()) out.push({ field: 'petitionHistory', value: input.experience.trim() })
    if (!f.personality.trim() && input.personality.trim()) out.push({ field: 'personality', value: input.personality.trim() })
    if (!f.language.length) out.push({ field: 'language', value: input.language })
    const have = new Set<string>(f.needs)
    const add = new Set<NeedCode>()
    for (const n of input.needs) if (NEED_TO_FORM_A[n] && !have.has(NEED_TO_FORM_A[n])) add.add(NEED_TO_FORM_A[n])
    if (input.crisis && !have.has('crisisIntervention')) add.add('crisisIntervention')
    if (add.size) out.push({ field: 'needs', value: [...add] })
    return out
  },

  /**
   * Put the items the worker accepted into Form A, as that worker's change from this contact
   * (the case history names the contact). A text field someone filled since the proposal was made
   * is refused, never overwritten; needs are only ever added.
   */
  acceptFormA(desk: Desk, caseId: number, items: ProposalItem[], interviewId: number): void {
    const f = cases.getCase(desk, caseId).fields
    const patch: Parameters<typeof cases.updateCase>[2] = {}
    for (const it of items) {
      if (it.field === 'needs') {
        if (!Array.isArray(it.value)) fail('BAD_ARGS', 'errors:arg.invalid', undefined, 'needs')
        patch.needs = [...new Set([...f.needs, ...(it.value as NeedCode[])])]
        continue
      }
      if (typeof it.value !== 'string') fail('BAD_ARGS', 'errors:arg.invalid', undefined, it.field)
      const value = (it.value as string).trim()
      if (!value) continue
      if (it.field === 'language') {
        if (f.language.length) fail('CONFLICT', 'interview:errors.proposalFieldFilled', undefined, it.field)
        patch.language = [value as LanguageCode]
        continue
      }
      if (f[it.field].trim()) fail('CONFLICT', 'interview:errors.proposalFieldFilled', undefined, it.field)
      patch[it.field] = value
    }
    if (Object.keys(patch).length) cases.updateCase(desk, caseId, patch, { source: `interview:${interviewId}` })
  }
}
