import { isI18nKey, type I18nKey } from '../../i18n/keys'
import { type IsoDate, addDays, addMonths, addWorkingDays, isWeekend, nextWorkingDayOnOrAfter, weekday } from './calendar'

/**
 * THE counting rule of the app, stated once and applied everywhere (statute.md §3):
 * - the start day is not counted (民法典 第二百零一条): an event on 2026-11-23 + 15 days → 2026-12-08;
 * - "日" periods are calendar days; "工作日" are Monday–Friday;
 * - no roll-over is applied: the app shows the date the period literally ends on, and when that date
 *   is a Saturday or Sunday it adds a note that the period may end on the next working day
 *   (民法典 第二百零三条, where it applies to the body concerned);
 * - public holidays and make-up working days (调休) are NOT modelled — there is no official calendar
 *   in the app, so working-day dates over a holiday can be later than shown.
 */
export const COUNTING_RULE = {
  startDayCounted: false,
  weekendRollover: 'note-only',
  holidaysModelled: false,
  /** interview namespace: the one-sentence statement of the rule for the worker. */
  statementKey: 'interview:counting.statement',
  /** script namespace: the same rule said plainly to the petitioner. */
  scriptKey: 'script:rules.counting',
  weekendNoteKey: 'interview:counting.weekendNote',
  workingDaysNoteKey: 'interview:counting.workingDaysNote'
} as const

/** The caveat key of a deadline that has one (interview namespace; only some deadlines carry a caveat). */
function caveatOf(id: DeadlineId): { caveatKey?: I18nKey } {
  const key = `interview:deadlines.${id}.caveat`
  return isI18nKey(key) ? { caveatKey: key } : {}
}

export type DeadlineId = 'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10' | 'N1' | 'N5'

export type DeadlineUnit = 'days' | 'workingDays' | 'months'

/** What starts the clock; the UI asks the worker for that date (defaulting to today). */
export type DeadlineStart =
  | 'registered' // D1: the 信访部门 registers the petition (a walk-in: the visit)
  | 'receivedDirect' // D2: another agency receives it directly from the petitioner
  | 'receivedTransfer' // D3/D4: the agency receives a transferred/assigned petition
  | 'accepted' // D5/D6: 受理
  | 'answerReceived' // D7: the petitioner receives the written 处理意见
  | 'reviewRequestReceived' // D8: the reviewing agency receives the 复查 request
  | 'reviewAnswerReceived' // D9: the petitioner receives the written 复查意见
  | 'recheckRequestReceived' // D10: the re-reviewing agency receives the 复核 request
  | 'knewOfAct' // N1: the person knew or should have known of the administrative act
  | 'knewOfInfringement' // N5: the worker knew the right was infringed (or the employment ended)

export type Law = 'xfgztl' | 'xzfyf' | 'ldzyf' // 《信访工作条例》(2022) | 《行政复议法》(2023) | 《劳动争议调解仲裁法》

export type FactStatus = 'verified' | 'secondary' // statute.md ✅ | 🟡 — ❓ facts are never here

export interface StatuteDeadline {
  id: DeadlineId
  amount: number
  unit: DeadlineUnit
  start: DeadlineStart
  law: Law
  /** Article in simplified script, for tests and the audit trail; the UI shows `articleKey`. */
  article: string
  status: FactStatus
  /** D5/D6 apply only to matters handled inside the petition procedure (第三十一条第六项). */
  petitionProcedureOnly: boolean
  /** Short label for the worker (interview namespace). */
  labelKey: I18nKey
  /** Article citation in the UI language (interview namespace). */
  articleKey: I18nKey
  /** The plain-language explanation said to the petitioner (script namespace, {{date}} placeholder). */
  scriptKey: I18nKey
  /** A condition or exception the worker must see next to the date (interview namespace). */
  caveatKey?: I18nKey
}

const d = (
  id: DeadlineId,
  amount: number,
  unit: DeadlineUnit,
  start: DeadlineStart,
  law: Law,
  article: string,
  opts: { petitionProcedureOnly?: boolean; caveat?: boolean; status?: FactStatus } = {}
): StatuteDeadline => ({
  id,
  amount,
  unit,
  start,
  law,
  article,
  status: opts.status ?? 'verified',
  petitionProcedureOnly: opts.petitionProcedureOnly ?? false,
  labelKey: `interview:deadlines.${id}.label`,
  articleKey: `interview:deadlines.${id}.article`,
  scriptKey: `script:rules.${id}`,
  ...(opts.caveat ? caveatOf(id) : {})
})

/**
 * statute.md §1 (D1–D10) and §4 N1 — ✅ in statute.md; N5 (labour-arbitration limitation, 1 year) is
 * 🟡 and always shown with its caveat. D6 is D5's 60 days plus at most 30.
 */
export const STATUTE_DEADLINES: readonly StatuteDeadline[] = [
  d('D1', 15, 'days', 'registered', 'xfgztl', '第二十二条第一款', { caveat: true }),
  d('D2', 15, 'days', 'receivedDirect', 'xfgztl', '第二十三条第二款', { caveat: true }),
  d('D3', 15, 'days', 'receivedTransfer', 'xfgztl', '第二十三条第三款'),
  d('D4', 5, 'workingDays', 'receivedTransfer', 'xfgztl', '第二十三条第三款', { caveat: true }),
  d('D5', 60, 'days', 'accepted', 'xfgztl', '第三十四条', { petitionProcedureOnly: true, caveat: true }),
  d('D6', 90, 'days', 'accepted', 'xfgztl', '第三十四条', { petitionProcedureOnly: true, caveat: true }),
  d('D7', 30, 'days', 'answerReceived', 'xfgztl', '第三十五条'),
  d('D8', 30, 'days', 'reviewRequestReceived', 'xfgztl', '第三十五条'),
  d('D9', 30, 'days', 'reviewAnswerReceived', 'xfgztl', '第三十六条第一款'),
  d('D10', 30, 'days', 'recheckRequestReceived', 'xfgztl', '第三十六条第一、二款', { caveat: true }),
  d('N1', 60, 'days', 'knewOfAct', 'xzfyf', '第二十条', { caveat: true }),
  d('N5', 12, 'months', 'knewOfInfringement', 'ldzyf', '第二十七条', { caveat: true, status: 'secondary' })
]

export function deadlineById(id: DeadlineId): StatuteDeadline {
  const found = STATUTE_DEADLINES.find((x) => x.id === id)
  if (!found) throw new RangeError(`unknown deadline ${id}`)
  return found
}

/**
 * The route a matter takes after screening. Only 'petition' (第三十一条第六项, a 信访处理意见书)
 * runs on the 条例's 60 days; the others run on their own statutes.
 */
export const MATTER_ROUTES = [
  'unknown',
  'petition', // this 信访部门 transfers / assigns it; handled in the petition procedure (第三十一条第六项)
  'litigation', // 涉法涉诉: court, procuratorate, police procedures
  'arbitration',
  'partyDiscipline', // Party-member appeal / re-examination
  'administrative', // 复议, 裁决, 确认, 许可, 处罚
  'disciplineReport', // 检举控告 → 纪检监察机关
  'outOfArea', // the agency with power is elsewhere: the petitioner goes there (第二十条第一款)
  'mediation', // a civil dispute for people's mediation
  'referral', // beyond social-work scope → 转介
  'notAccepted', // 不予受理 (第十九条第三款)
  'noLongerAccepted' // 不再受理 (第三十六条第三款)
] as const
export type MatterRoute = (typeof MATTER_ROUTES)[number]

export function sixtyDayRuleApplies(route: MatterRoute): boolean {
  return route === 'petition'
}

/** Deadlines the app may quote for a matter on `route` (D5/D6 hidden unless 'petition'). */
export function deadlinesForRoute(route: MatterRoute): StatuteDeadline[] {
  return STATUTE_DEADLINES.filter((x) => !x.petitionProcedureOnly || sixtyDayRuleApplies(route))
}

export interface ComputedDeadline {
  id: DeadlineId
  from: IsoDate
  due: IsoDate
  /** 0 = Sunday … 6 = Saturday */
  dueWeekday: number
  /** The literal end falls on Sat/Sun: show COUNTING_RULE.weekendNoteKey and `nextWorkingDay`. */
  fallsOnWeekend: boolean
  nextWorkingDay: IsoDate
}

export function addPeriod(from: IsoDate, amount: number, unit: DeadlineUnit): IsoDate {
  if (unit === 'days') return addDays(from, amount)
  if (unit === 'workingDays') return addWorkingDays(from, amount)
  return addMonths(from, amount)
}

export function computeDeadline(def: StatuteDeadline | DeadlineId, from: IsoDate): ComputedDeadline {
  const rule = typeof def === 'string' ? deadlineById(def) : def
  const due = addPeriod(from, rule.amount, rule.unit)
  return {
    id: rule.id,
    from,
    due,
    dueWeekday: weekday(due),
    fallsOnWeekend: isWeekend(due),
    nextWorkingDay: nextWorkingDayOnOrAfter(due)
  }
}

/**
 * What a walk-in at this desk (a 信访部门) may be told: the desk transfers within 15 days (D1), and
 * the receiving agency's written notice comes within 15 days of ITS receipt (D3) — so as late as
 * about visit + 30 days. Never "written notice within 15 days of today".
 */
export function walkInNoticeChain(visit: IsoDate): { transferBy: ComputedDeadline; noticeLatest: IsoDate } {
  const transferBy = computeDeadline('D1', visit)
  return { transferBy, noticeLatest: addDays(transferBy.due, deadlineById('D3').amount) }
}

/** Practice-guide follow-up targets (service targets, not statute). */
export const FOLLOW_UP = {
  short: { minDays: 3, maxDays: 7, defaultDays: 3 },
  mid: { minMonths: 1, maxMonths: 3, defaultMonths: 1 }
} as const

export function defaultShortFollowUp(today: IsoDate): IsoDate {
  return addDays(today, FOLLOW_UP.short.defaultDays)
}

export function shortFollowUpRange(today: IsoDate): { min: IsoDate; max: IsoDate } {
  return { min: addDays(today, FOLLOW_UP.short.minDays), max: addDays(today, FOLLOW_UP.short.maxDays) }
}

export function midFollowUpRange(today: IsoDate): { min: IsoDate; max: IsoDate } {
  return { min: addMonths(today, FOLLOW_UP.mid.minMonths), max: addMonths(today, FOLLOW_UP.mid.maxMonths) }
}

export function isWithin(date: IsoDate, range: { min: IsoDate; max: IsoDate }): boolean {
  return date >= range.min && date <= range.max
}
