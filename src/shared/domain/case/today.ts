import { addDays, addMonths, daysBetween } from '../dates'
import type { CaseFields, CaseSummary, FollowUp } from './types'
import type { DiversionRoute } from '../screening/rules'
import { resolveRoute, routePromises, type DatedDeadline } from '../interview/route-promises'

/**
 * Statutory dates a case shows on the worker's day ("临近的法定期限"), computed with THE date module's
 * counting rule, and decided by the one source of promises (interview/route-promises.ts):
 * - D1: this 信访部门 transfers / assigns within 15 days (第二十二条第一款) — only while the route is
 *   the petition route or not yet recorded; never for matters guided elsewhere.
 * - D5 / D6: ONLY in the petition procedure (第三十四条, 第三十一条第六项), from the recorded 受理.
 * - D7 / D9: the petitioner's 复查 / 复核 windows, from the recorded written answers.
 * - N1 / N5: the petitioner's 行政复议 and labour-arbitration limits, once their start is recorded.
 */
export interface CaseDeadline extends DatedDeadline {
  caseId: number
  /** Days from today to the due date (negative: passed). */
  daysLeft: number
}

/** How far ahead a date counts as "approaching", and how long a passed one stays visible. */
export const DEADLINE_WINDOW = { aheadDays: 7, afterDays: 3 } as const

export function caseDeadlines(
  caseId: number,
  f: Pick<
    CaseFields,
    'contactDate' | 'inPetitionProcedure' | 'acceptedDate' | 'extended' | 'opinionReceivedDate' | 'reviewReceivedDate' | 'knewOfActDate' | 'infringementDate'
  >,
  diversion: DiversionRoute | null,
  today: string
): CaseDeadline[] {
  const route = resolveRoute({ diversion, inPetitionProcedure: f.inPetitionProcedure })
  const p = routePromises({
    route,
    walkIn: false,
    visitDate: f.contactDate,
    events: {
      acceptedDate: f.inPetitionProcedure ? f.acceptedDate : '',
      extended: f.extended,
      opinionReceivedDate: f.opinionReceivedDate,
      reviewReceivedDate: f.reviewReceivedDate,
      knewOfActDate: f.knewOfActDate ?? '',
      infringementDate: f.infringementDate ?? ''
    }
  })
  return p.deadlines.filter((d) => d.from).map((d) => ({ ...d, caseId, daysLeft: daysBetween(today, d.due) }))
}

export function isApproaching(d: CaseDeadline): boolean {
  return d.daysLeft <= DEADLINE_WINDOW.aheadDays && d.daysLeft >= -DEADLINE_WINDOW.afterDays
}

/**
 * The earliest start date whose deadline could still be shown today, per kind of start, for
 * narrowing the database query: registration (15 days), acceptance (60 or 90), answers (30).
 */
export function oldestRelevantStarts(today: string): { registered: string; accepted: string; answered: string; knewOfAct: string; infringement: string } {
  const back = (days: number) => addDays(today, -(days + DEADLINE_WINDOW.afterDays))
  return { registered: back(15), accepted: back(90), answered: back(30), knewOfAct: back(60), infringement: addMonths(back(0), -12) }
}

export interface TodayFollowUp extends FollowUp {
  caseNo: string
  name: string
  riskLevel: CaseSummary['riskLevel']
  /** A confidential case this person may not open: number only (no name, no note). */
  masked?: boolean
}

export interface TodayDeadline extends CaseDeadline {
  caseNo: string
  name: string
  riskLevel: CaseSummary['riskLevel']
  /** A confidential case this person may not open: number only. */
  masked?: boolean
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
