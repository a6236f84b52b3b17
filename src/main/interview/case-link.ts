import type { Desk } from '../desk/desk'
import type { RiskLevel } from '@shared/domain/interview'
import type { NeedCode } from '@shared/domain/case/options'
import type { CaseRouteFacts } from '@shared/domain/interview/types'
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
  /** Form A 语言 code: putonghua | cantonese | hakka | other | null */
  language: string | null
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

export const caseLink = {
  createCase(desk: Desk, input: { name: string }): { id: number; caseNo: string } {
    const c = cases.createCase(desk, { partyKind: 'person', name: input.name })
    return { id: c.id, caseNo: c.caseNo }
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
      language: f.language ?? null,
      riskLevel: c.riskLevel,
      ruleDates,
      inPetitionProcedure: !!f.inPetitionProcedure,
      route: {
        diversion: c.diversion?.chosen ?? null,
        inPetitionProcedure: !!f.inPetitionProcedure,
        contactDate: f.contactDate,
        collective: f.partyKind === 'collective' || (f.headcount ?? 0) >= 5,
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

  /** Form A fields from the first interview, only where the case has nothing yet (never overwrite). */
  fillFormA(
    desk: Desk,
    caseId: number,
    input: { demands: string; experience: string; personality: string; language: string; needs: string[]; crisis: boolean }
  ): void {
    const c = cases.getCase(desk, caseId)
    const f = c.fields
    const patch: Parameters<typeof cases.updateCase>[2] = {}
    if (!f.demands.trim() && input.demands.trim()) patch.demands = input.demands.trim()
    if (!f.summary.trim() && input.demands.trim()) patch.summary = clipCodePoints(firstLine(input.demands), 200)
    if (!f.petitionHistory.trim() && input.experience.trim()) patch.petitionHistory = input.experience.trim()
    if (!f.personality.trim() && input.personality.trim()) patch.personality = input.personality.trim()
    if (!f.language) patch.language = input.language as NonNullable<typeof f.language>
    const needs = new Set<NeedCode>(f.needs)
    for (const n of input.needs) if (NEED_TO_FORM_A[n]) needs.add(NEED_TO_FORM_A[n])
    if (input.crisis) needs.add('crisisIntervention')
    if (needs.size !== f.needs.length) patch.needs = [...needs]
    if (Object.keys(patch).length) cases.updateCase(desk, caseId, patch)
  }
}
