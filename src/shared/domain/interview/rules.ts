import {
  COUNTING_RULE,
  computeDeadline,
  deadlineById,
  sixtyDayRuleApplies,
  walkInNoticeChain,
  type ComputedDeadline,
  type DeadlineId,
  type IsoDate,
  type MatterRoute
} from '../dates'

/**
 * The plain-language rules library. Each entry is said to the petitioner (script namespace) and
 * shows the article it rests on; dated entries compute real dates from today or a recorded date.
 * Only statute.md ✅/🟡 facts are here. D5/D6 (60 + 30 days) appear ONLY for matters handled in the
 * petition procedure (第三十一条第六项): never for court, arbitration, review or discipline routes.
 * A walk-in is told the D1 → D3 chain, never "written notice within 15 days of today".
 */
export interface RuleDef {
  id: string
  /** Deadlines whose dates fill the line. */
  deadlines: readonly DeadlineId[]
  /** Which date starts the clock: today's visit, or a date the worker records. */
  startsFrom: 'today' | 'recorded'
  /** Routes on which the rule may be shown; undefined = any. */
  routes?: readonly MatterRoute[]
}

export const RULES: readonly RuleDef[] = [
  { id: 'walkIn', deadlines: ['D1', 'D3'], startsFrom: 'today' },
  { id: 'accepted', deadlines: ['D5'], startsFrom: 'recorded', routes: ['petition'] },
  { id: 'extension', deadlines: ['D6'], startsFrom: 'recorded', routes: ['petition'] },
  { id: 'review', deadlines: ['D7'], startsFrom: 'recorded' },
  { id: 'reviewAnswer', deadlines: ['D8'], startsFrom: 'recorded' },
  { id: 'recheck', deadlines: ['D9'], startsFrom: 'recorded' },
  { id: 'recheckAnswer', deadlines: ['D10'], startsFrom: 'recorded' },
  { id: 'final', deadlines: [], startsFrom: 'today' },
  { id: 'litigation', deadlines: [], startsFrom: 'today' },
  { id: 'discipline', deadlines: [], startsFrom: 'today' },
  { id: 'adminReview', deadlines: ['N1'], startsFrom: 'recorded' },
  { id: 'hardship', deadlines: [], startsFrom: 'today' },
  { id: 'collective', deadlines: [], startsFrom: 'today' }
]

export function rulesForRoute(route: MatterRoute): RuleDef[] {
  return RULES.filter((r) => {
    if (r.deadlines.some((d) => deadlineById(d).petitionProcedureOnly) && !sixtyDayRuleApplies(route)) return false
    return !r.routes || r.routes.includes(route)
  })
}

export interface RuleView {
  id: string
  labelKey: string
  /** script key and its parameters (dates already formatted by the caller's `formatDate`). */
  scriptKey: string
  params: Record<string, string>
  articleKeys: string[]
  caveatKeys: string[]
  from: IsoDate
  dates: ComputedDeadline[]
}

/** Build a rule's view: the dates from `from` (today or a recorded date), the article, the caveats. */
export function buildRule(rule: RuleDef, from: IsoDate, formatDate: (d: IsoDate) => string): RuleView {
  const articleKeys = rule.deadlines.length
    ? [...new Set(rule.deadlines.map((d) => deadlineById(d).articleKey))]
    : [`interview:rules.${rule.id}.article`]
  const caveatKeys = rule.deadlines.flatMap((d) => deadlineById(d).caveatKey ?? [])
  if (rule.id === 'walkIn') {
    const chain = walkInNoticeChain(from)
    return {
      id: rule.id,
      labelKey: `interview:rules.${rule.id}.label`,
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
    labelKey: `interview:rules.${rule.id}.label`,
    scriptKey: rule.deadlines.length ? deadlineById(rule.deadlines[0]).scriptKey : `script:rules.${rule.id}`,
    params: dates.length ? { date: formatDate(dates[0].due) } : {},
    articleKeys,
    caveatKeys,
    from,
    dates
  }
}

export { COUNTING_RULE }
