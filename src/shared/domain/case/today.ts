import { addDays, computeDeadline, daysBetween, type ComputedDeadline, type DeadlineId } from '../dates'
import type { CaseFields, CaseSummary, FollowUp } from './types'
import type { DiversionRoute } from '../screening/rules'

/**
 * Statutory dates a case shows on the worker's day, computed with THE date module's counting rule
 * (start day not counted; calendar days; no weekend roll-over, only a note).
 * - D1: this 信访部门 transfers / assigns within 15 days of registration (第二十二条第一款) — not for
 *   matters the worker guided elsewhere on the spot (涉法涉诉, 不予/不再受理, 转介).
 * - D5 / D6: the 60-day answer (+30 if extended) ONLY for matters accepted in the petition
 *   procedure (第三十四条, 第三十一条第六项).
 * - D7 / D9: the 30-day windows to ask for 复查 / 复核 (第三十五条, 第三十六条第一款).
 */
export interface CaseDeadline extends ComputedDeadline {
  caseId: number
  /** Days from today to the due date (negative: passed). */
  daysLeft: number
}

const NO_TRANSFER: readonly DiversionRoute[] = ['politicalLegal', 'notAccepted', 'noLongerAccepted', 'referral']

/** How far ahead a date counts as "approaching", and how long a passed one stays visible. */
export const DEADLINE_WINDOW = { aheadDays: 7, afterDays: 3 } as const

export function caseDeadlines(
  caseId: number,
  f: Pick<CaseFields, 'contactDate' | 'inPetitionProcedure' | 'acceptedDate' | 'extended' | 'opinionReceivedDate' | 'reviewReceivedDate'>,
  diversion: DiversionRoute | null,
  today: string
): CaseDeadline[] {
  const out: CaseDeadline[] = []
  const add = (id: DeadlineId, from: string) => {
    if (!from) return
    const d = computeDeadline(id, from)
    out.push({ ...d, caseId, daysLeft: daysBetween(today, d.due) })
  }
  if (!diversion || !NO_TRANSFER.includes(diversion)) add('D1', f.contactDate)
  if (f.inPetitionProcedure) add(f.extended ? 'D6' : 'D5', f.acceptedDate)
  add('D7', f.opinionReceivedDate)
  add('D9', f.reviewReceivedDate)
  return out
}

export function isApproaching(d: CaseDeadline): boolean {
  return d.daysLeft <= DEADLINE_WINDOW.aheadDays && d.daysLeft >= -DEADLINE_WINDOW.afterDays
}

/**
 * The earliest start date whose deadline could still be shown today, per kind of start, for
 * narrowing the database query: registration (15 days), acceptance (60 or 90), answers (30).
 */
export function oldestRelevantStarts(today: string): { registered: string; accepted: string; answered: string } {
  const back = (days: number) => addDays(today, -(days + DEADLINE_WINDOW.afterDays))
  return { registered: back(15), accepted: back(90), answered: back(30) }
}

export interface TodayFollowUp extends FollowUp {
  caseNo: string
  name: string
  riskLevel: CaseSummary['riskLevel']
}

export interface TodayDeadline extends CaseDeadline {
  caseNo: string
  name: string
  riskLevel: CaseSummary['riskLevel']
}

export interface TodayData {
  today: string
  overdue: TodayFollowUp[]
  due: TodayFollowUp[]
  upcoming: TodayFollowUp[]
  deadlines: TodayDeadline[]
  recent: CaseSummary[]
  highRisk: CaseSummary[]
}
