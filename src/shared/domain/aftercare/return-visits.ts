import { addMonths } from '../dates/calendar'

/**
 * Return visits (DB4401/T 321-2025 7.1.5 b, 8.3 b, 8.4 c–d): closing or transferring a case schedules
 * one, one month after the closing date (the practice guide's mid-term follow-up of 1–3 months; a
 * service target, not a statute). The worker records whether it happened, how, the outcome, whether
 * the petitioner petitioned again, and the petitioner's answers to four questions of our own.
 *
 * The satisfaction questions are the desk's own wording (no licensed instrument), each answered on
 * one four-point scale — 4 很满意 / 3 满意 / 2 不太满意 / 1 不满意 — or left unanswered (declined,
 * not asked). The satisfaction rate counts the overall question only: answers 3 or 4 among those who
 * answered it.
 */
export const RETURN_VISIT_AFTER_MONTHS = 1

export const SATISFACTION_QUESTIONS = ['listened', 'explained', 'result', 'overall'] as const
export type SatisfactionQuestion = (typeof SATISFACTION_QUESTIONS)[number]
export const SATISFACTION_SCALE = [4, 3, 2, 1] as const
export type SatisfactionAnswer = (typeof SATISFACTION_SCALE)[number]
export type Satisfaction = Partial<Record<SatisfactionQuestion, SatisfactionAnswer>>

export const VISIT_METHODS = ['phone', 'visit', 'other'] as const
export type VisitMethod = (typeof VISIT_METHODS)[number]
export const PETITIONED_AGAIN = ['no', 'same', 'other', 'unknown'] as const
export type PetitionedAgain = (typeof PETITIONED_AGAIN)[number]

export function returnVisitDue(closedDate: string): string {
  return addMonths(closedDate, RETURN_VISIT_AFTER_MONTHS)
}

export interface ReturnVisit {
  id: number
  caseId: number
  caseNo: string
  reason: 'closed' | 'transferred'
  closedDate: string
  dueDate: string
  workerId: number | null
  workerName: string | null
  recordedAt: string | null
  visitDate: string
  happened: boolean | null
  method: VisitMethod | null
  outcome: string
  petitionedAgain: PetitionedAgain | null
  satisfaction: Satisfaction
  note: string
}

/** Due, overdue or recorded — for the worker's day and the case page. */
export function visitState(v: Pick<ReturnVisit, 'recordedAt' | 'dueDate'>, today: string): 'recorded' | 'overdue' | 'due' | 'later' {
  if (v.recordedAt) return 'recorded'
  if (v.dueDate < today) return 'overdue'
  if (v.dueDate === today) return 'due'
  return 'later'
}

/** Satisfied = 3 or 4 on the overall question. */
export function isSatisfied(s: Satisfaction): boolean | null {
  const a = s.overall
  if (a == null) return null
  return a >= 3
}

/** Parse the stored JSON leniently: unknown questions and out-of-scale answers are dropped. */
export function parseSatisfaction(json: string): Satisfaction {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return {}
  }
  const out: Satisfaction = {}
  if (!raw || typeof raw !== 'object') return out
  for (const q of SATISFACTION_QUESTIONS) {
    const v = (raw as Record<string, unknown>)[q]
    if (typeof v === 'number' && (SATISFACTION_SCALE as readonly number[]).includes(v)) out[q] = v as SatisfactionAnswer
  }
  return out
}
