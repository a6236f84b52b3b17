import { keyOr, type I18nKey } from '../../i18n/keys'
import {
  COUNTING_RULE,
  computeDeadline,
  deadlineById,
  walkInNoticeChain,
  type ComputedDeadline,
  type DeadlineId,
  type IsoDate,
  type MatterRoute
} from '../dates'
import { NO_EVENTS, routePromises, type RoutePromises } from './route-promises'

/**
 * The plain-language rules library. Each entry is said to the petitioner (script namespace) and
 * shows the article it rests on; dated entries compute real dates from today or a recorded date.
 * Only statute.md ✅/🟡 facts are here. Which cards a case shows, and which it may never show, is
 * decided by route-promises.ts (the one source): D5/D6 (60 + 30 days) ONLY in the petition procedure
 * (第三十一条第六项); the D1 → D3 chain only on the petition route. A recorded rule is dated only
 * from the date the worker recorded: without one its line is said without a date, never from today.
 */
export interface RuleDef {
  id: string
  /** Deadlines whose dates fill the line. */
  deadlines: readonly DeadlineId[]
  /** Which date starts the clock: today's visit, or a date the worker records. */
  startsFrom: 'today' | 'recorded'
}

export const RULES: readonly RuleDef[] = [
  { id: 'walkIn', deadlines: ['D1', 'D3'], startsFrom: 'today' },
  { id: 'accepted', deadlines: ['D5'], startsFrom: 'recorded' },
  { id: 'extension', deadlines: ['D6'], startsFrom: 'recorded' },
  { id: 'review', deadlines: ['D7'], startsFrom: 'recorded' },
  { id: 'reviewAnswer', deadlines: ['D8'], startsFrom: 'recorded' },
  { id: 'recheck', deadlines: ['D9'], startsFrom: 'recorded' },
  { id: 'recheckAnswer', deadlines: ['D10'], startsFrom: 'recorded' },
  { id: 'final', deadlines: [], startsFrom: 'today' },
  { id: 'notAccepted', deadlines: [], startsFrom: 'today' },
  { id: 'litigation', deadlines: [], startsFrom: 'today' },
  { id: 'discipline', deadlines: [], startsFrom: 'today' },
  { id: 'adminReview', deadlines: ['N1'], startsFrom: 'recorded' },
  { id: 'arbitration', deadlines: ['N5'], startsFrom: 'recorded' },
  { id: 'otherProcedure', deadlines: [], startsFrom: 'today' },
  { id: 'outOfArea', deadlines: [], startsFrom: 'today' },
  { id: 'mediation', deadlines: [], startsFrom: 'today' },
  { id: 'referral', deadlines: [], startsFrom: 'today' },
  { id: 'hardship', deadlines: [], startsFrom: 'today' },
  { id: 'collective', deadlines: [], startsFrom: 'today' }
]

const ruleById = (id: string): RuleDef => RULES.find((r) => r.id === id)!

/** The cards of a case (its own first, the rest folded), from the one source of promises. */
export function rulesForCase(p: RoutePromises): { own: RuleDef[]; folded: RuleDef[] } {
  return { own: p.caseRules.map(ruleById), folded: p.foldedRules.map(ruleById) }
}

/** Every card that may be shown at all on a route (own and folded), with nothing recorded yet. */
export function rulesForRoute(route: MatterRoute): RuleDef[] {
  const p = routePromises({ route, events: NO_EVENTS, walkIn: true, visitDate: '2000-01-01' })
  const { own, folded } = rulesForCase(p)
  return [...own, ...folded]
}

export interface RuleView {
  id: string
  labelKey: I18nKey
  /** script key and its parameters (dates already formatted by the caller's `formatDate`). */
  scriptKey: I18nKey
  params: Record<string, string>
  articleKeys: I18nKey[]
  caveatKeys: I18nKey[]
  from: IsoDate | null
  dates: ComputedDeadline[]
}

/**
 * Build a rule's view: the dates from `from` (the visit, or the date the worker recorded), the
 * article, the caveats. `from` null on a recorded rule: no date is known, so the line is the
 * undated one (script:rulesUndated.<id>) and no date is computed.
 */
export function buildRule(rule: RuleDef, from: IsoDate | null, formatDate: (d: IsoDate) => string): RuleView {
  const articleKeys = rule.deadlines.length
    ? [...new Set(rule.deadlines.map((d) => deadlineById(d).articleKey))]
    : [keyOr(`interview:rules.${rule.id}.article`, 'interview:rules.walkIn.article')]
  const caveatKeys = rule.deadlines.flatMap((d) => deadlineById(d).caveatKey ?? [])
  if (from === null) {
    return {
      id: rule.id,
      labelKey: keyOr(`interview:rules.${rule.id}.label`, 'interview:rules.walkIn.label'),
      scriptKey: keyOr(rule.deadlines.length ? `script:rulesUndated.${rule.id}` : `script:rules.${rule.id}`, 'script:rules.walkInChain'),
      params: {},
      articleKeys,
      caveatKeys,
      from: null,
      dates: []
    }
  }
  if (rule.id === 'walkIn') {
    const chain = walkInNoticeChain(from)
    return {
      id: rule.id,
      labelKey: keyOr(`interview:rules.${rule.id}.label`, 'interview:rules.walkIn.label'),
      scriptKey: 'script:rules.walkInChain',
      params: { transferDate: formatDate(chain.transferBy.due), noticeDate: formatDate(chain.noticeLatest) },
      articleKeys: ['interview:rules.walkIn.article'],
      caveatKeys: ['interview:rules.walkIn.caveat'],
      from,
      dates: [chain.transferBy, computeDeadline('D3', chain.transferBy.due)]
    }
  }
  const dates = rule.deadlines.map((d) => computeDeadline(d, from))
  return {
    id: rule.id,
    labelKey: keyOr(`interview:rules.${rule.id}.label`, 'interview:rules.walkIn.label'),
    scriptKey: rule.deadlines.length ? deadlineById(rule.deadlines[0]).scriptKey : keyOr(`script:rules.${rule.id}`, 'script:rules.walkInChain'),
    params: dates.length ? { date: formatDate(dates[0].due) } : {},
    articleKeys,
    caveatKeys,
    from,
    dates
  }
}

export { COUNTING_RULE }
