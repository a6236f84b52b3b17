import type { I18nKey } from '../../i18n/keys'
import { computeDeadline, deadlineById, walkInNoticeChain, type ComputedDeadline, type DeadlineId, type IsoDate, type MatterRoute } from '../dates'
import { isoDateAtOffset } from '../dates/calendar'
import type { DiversionRoute } from '../screening/rules'
import type { CaseFields } from '../case/types'
import type { CaseRouteFacts } from './types'

/**
 * THE one source of what the desk may promise, as a function of the recorded route and the recorded
 * events. The handout, the summary's next step, the spoken lines, the rules panel and Today's
 * deadlines all ask this module; none of them decides on its own.
 *
 * - Only the petition route (this 信访部门 transfers / assigns it, 第二十二条第一款) promises the
 *   transfer → written-notice chain (D1 → D3), and only to a first contact (a walk-in).
 * - The 60-day answer (D5/D6, 第三十四条) exists only in the petition procedure (第三十一条第六项),
 *   and is dated only from a recorded 受理 date.
 * - 复查 / 复核 windows (D7/D9) appear only once a written 处理意见 / 复查意见 is recorded, dated from
 *   the date recorded for it — never from today; once recorded they show on every route.
 * - Deadlines that run against the petitioner (行政复议 N1, labour arbitration N5) appear once their
 *   start date is recorded, wherever the case is shown.
 */

/** Dates recorded on the case (or in the interview) that start a clock. '' = not recorded. Form A holds them. */
export type RouteEvents = Pick<
  CaseFields,
  'acceptedDate' | 'extended' | 'opinionReceivedDate' | 'reviewReceivedDate' | 'knewOfActDate' | 'infringementDate'
>

export const NO_EVENTS: RouteEvents = {
  acceptedDate: '',
  extended: false,
  opinionReceivedDate: '',
  reviewReceivedDate: '',
  knewOfActDate: '',
  infringementDate: ''
}

/** The screening decision on the case, in the interview's route vocabulary. */
export const ROUTE_OF_DIVERSION: Record<DiversionRoute, MatterRoute> = {
  politicalLegal: 'litigation',
  discipline: 'disciplineReport',
  noLongerAccepted: 'noLongerAccepted',
  notAccepted: 'notAccepted',
  authorityWithPower: 'outOfArea',
  thisLevel: 'petition',
  referral: 'referral'
}

/**
 * The route recorded for the case: what the worker chose in this interview, else the case's
 * screening decision, else the petition procedure when the case records an acceptance.
 */
export function resolveRoute(input: { interviewRoute?: string | null; diversion?: DiversionRoute | null; inPetitionProcedure?: boolean }): MatterRoute {
  const r = input.interviewRoute as MatterRoute | null | undefined
  if (r && r !== 'unknown') return r
  if (input.diversion) return ROUTE_OF_DIVERSION[input.diversion]
  return input.inPetitionProcedure ? 'petition' : 'unknown'
}

/** Whose deadline a date is: ours (the desk, the agency) or the petitioner's own. */
export type Whose = 'desk' | 'petitioner'
export const PETITIONER_DEADLINES: readonly DeadlineId[] = ['D7', 'D9', 'N1', 'N5']
export const whose = (id: DeadlineId): Whose => (PETITIONER_DEADLINES.includes(id) ? 'petitioner' : 'desk')

export interface DatedDeadline extends ComputedDeadline {
  whose: Whose
}

/**
 * Whether this desk transfers the matter: 'promised' on the petition route; 'possible' while no
 * route is recorded (Today still reminds the worker of the desk's own 15 days, but nothing tells the
 * petitioner); 'none' on every route that goes elsewhere.
 */
export type Transfer = 'promised' | 'possible' | 'none'

/** Rule cards (rules.ts ids) that belong to a case on each route, in the order a worker uses them. */
export const ROUTE_CARDS: Record<MatterRoute, readonly string[]> = {
  unknown: [],
  petition: ['walkIn', 'accepted', 'extension', 'review', 'reviewAnswer', 'recheck', 'recheckAnswer', 'final', 'hardship'],
  litigation: ['litigation', 'hardship'],
  arbitration: ['arbitration', 'otherProcedure', 'hardship'],
  partyDiscipline: ['otherProcedure'],
  administrative: ['adminReview', 'otherProcedure', 'hardship'],
  disciplineReport: ['discipline'],
  outOfArea: ['outOfArea'],
  mediation: ['mediation'],
  referral: ['referral', 'hardship'],
  notAccepted: ['notAccepted', 'review', 'recheck'],
  noLongerAccepted: ['final', 'hardship']
}

export interface PromiseInput {
  route: MatterRoute
  events: RouteEvents
  /** The case's first contact at this desk (a walk-in is told the transfer chain). */
  walkIn: boolean
  /** The day the petitioner came (the case's contact date, or the interview's day). */
  visitDate: IsoDate
  /** 5 or more people with the same matter. */
  collective?: boolean
}

export interface RoutePromises {
  route: MatterRoute
  transfer: Transfer
  /** May the 60-day answer (D5/D6) be mentioned at all? */
  sixtyDay: boolean
  /** The walk-in chain to tell (transfer by / written notice at the latest), or null. */
  walkInChain: { transferBy: IsoDate; noticeLatest: IsoDate } | null
  /** Every dated deadline of this case, from recorded dates only (D1 from the visit when a transfer is possible). */
  deadlines: DatedDeadline[]
  /** Rule cards for this case, first; the rest the worker may unfold; never a forbidden one. */
  caseRules: string[]
  foldedRules: string[]
  /** script key of the default next step (summary, closing line, handout). */
  nextKey: I18nKey
  /**
   * May a follow-up call promise news of how far the matter has got? Not for a report to the
   * discipline commission: it answers the reporter itself and tells this desk nothing, so the call
   * is a check on how the person is (people-extras.ts followUpCallLine).
   */
  progressNews: boolean
  /**
   * Lines said first, before the stage's own (script keys): a report about an official hears about
   * confidentiality and protection from retaliation (条例 第十八条) before anything else.
   */
  openingKeys: I18nKey[]
}

/** What a reporter of an official (检举控告) is told first. */
export const CONFIDENTIAL_OPENING = ['script:confidential.first', 'script:confidential.retaliation'] as const

/** Rule cards that may never be shown on a route, even folded. */
function forbiddenRules(p: { transfer: Transfer; sixtyDay: boolean }): string[] {
  const out: string[] = []
  if (p.transfer !== 'promised') out.push('walkIn')
  if (!p.sixtyDay) out.push('accepted', 'extension')
  return out
}

export const ALL_RULE_CARDS = [
  'walkIn',
  'accepted',
  'extension',
  'review',
  'reviewAnswer',
  'recheck',
  'recheckAnswer',
  'final',
  'notAccepted',
  'litigation',
  'discipline',
  'adminReview',
  'arbitration',
  'otherProcedure',
  'outOfArea',
  'mediation',
  'referral',
  'hardship',
  'collective'
] as const

export function routePromises(input: PromiseInput): RoutePromises {
  const { route, events: e } = input
  const transfer: Transfer = route === 'petition' ? 'promised' : route === 'unknown' ? 'possible' : 'none'
  const sixtyDay = route === 'petition'
  const deadlines: DatedDeadline[] = []
  const add = (id: DeadlineId, from: string) => {
    if (!from) return
    deadlines.push({ ...computeDeadline(id, from), whose: whose(id) })
  }
  if (transfer !== 'none') add('D1', input.visitDate)
  if (sixtyDay) add(e.extended ? 'D6' : 'D5', e.acceptedDate)
  // The petitioner's own limits run whatever the route: once recorded, they are never hidden. A
  // 复查/复核 window exists only once a written answer is recorded, and runs from that date.
  add('D7', e.opinionReceivedDate)
  add('D9', e.reviewReceivedDate)
  add('N1', e.knewOfActDate)
  add('N5', e.infringementDate)

  const walkInChain = transfer === 'promised' && input.walkIn ? walkInNoticeChain(input.visitDate) : null
  const forbidden = forbiddenRules({ transfer, sixtyDay })
  const cards = [...(input.collective ? ['collective'] : []), ...ROUTE_CARDS[route]]
  // A recorded petitioner deadline brings its card forward on any route.
  if (e.knewOfActDate && !cards.includes('adminReview')) cards.push('adminReview')
  if (e.infringementDate && !cards.includes('arbitration')) cards.push('arbitration')
  if (e.opinionReceivedDate && !cards.includes('review')) cards.push('review')
  if (e.reviewReceivedDate && !cards.includes('recheck')) cards.push('recheck')
  const caseRules = cards.filter((c) => !forbidden.includes(c))
  const foldedRules = ALL_RULE_CARDS.filter((c) => !caseRules.includes(c) && !forbidden.includes(c))
  // The petition route's walk-in keeps the summary's own wording of the transfer (script:summary.defaultNext).
  const nextKey: I18nKey = route === 'petition' ? (input.walkIn ? 'script:summary.defaultNext' : 'script:routeNext.petitionFollow') : `script:routeNext.${route}`
  return {
    route,
    transfer,
    sixtyDay,
    walkInChain: walkInChain ? { transferBy: walkInChain.transferBy.due, noticeLatest: walkInChain.noticeLatest } : null,
    deadlines,
    caseRules,
    foldedRules,
    nextKey,
    progressNews: route !== 'disciplineReport',
    openingKeys: route === 'disciplineReport' ? [...CONFIDENTIAL_OPENING] : []
  }
}

/** The petitioner's own deadlines of a case, soonest first (summary, handout, Today, follow-ups). */
export function petitionerDeadlines(p: RoutePromises): DatedDeadline[] {
  return p.deadlines.filter((d) => d.whose === 'petitioner').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
}

/** The plain-language line for a dated deadline (script namespace, {{date}}). */
export const deadlineScriptKey = (id: DeadlineId): string => deadlineById(id).scriptKey

/**
 * What an interview may promise: the route chosen in it (or, while 'unknown', the case's), the
 * case's recorded dates overlaid with any the worker recorded in this interview's rules panel.
 */
export function promisesForInterview(
  s: { route: string; workCount: number; startedAt: string; caseRoute: CaseRouteFacts; ruleDates?: Record<string, string> },
  route?: string
): RoutePromises {
  const c = s.caseRoute
  const rd = s.ruleDates ?? {}
  const resolved = resolveRoute({ interviewRoute: route ?? s.route, diversion: c.diversion, inPetitionProcedure: c.inPetitionProcedure })
  const events: RouteEvents = {
    ...c.events,
    acceptedDate: rd.accepted || c.events.acceptedDate,
    opinionReceivedDate: rd.review || c.events.opinionReceivedDate,
    reviewReceivedDate: rd.recheck || c.events.reviewReceivedDate,
    knewOfActDate: rd.adminReview || c.events.knewOfActDate,
    infringementDate: rd.arbitration || c.events.infringementDate
  }
  return routePromises({
    route: resolved,
    events,
    walkIn: s.workCount === 1,
    visitDate: isoDateAtOffset(new Date(s.startedAt)),
    collective: c.collective
  })
}
