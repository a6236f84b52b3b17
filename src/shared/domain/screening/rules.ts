import type { I18nKey } from '../../i18n/keys'
/**
 * 预估甄别 (DB4401/T 321-2025 7.1.2 a–l) as data: each item, what a "yes" / "no" means, the
 * diversion it suggests and the clause it implements. Pure; the worker confirms or overrides.
 *
 * Sources: 条例 = 《信访工作条例》(2022); GZ = DB4401/T 321-2025; SZ = DB4403/T 215-2021.
 * Things statute.md lists as NOT in the 条例 (a fixed 不予受理 list, a definition of 重复信访, a
 * headcount for "large-scale" visits) are never attributed to it here.
 */
export const SCREENING_ITEMS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] as const
export type ScreeningItem = (typeof SCREENING_ITEMS)[number]

/** a–e are assessments (recorded with a note); f–l are yes/no questions. */
export const ASSESSMENT_ITEMS: readonly ScreeningItem[] = ['a', 'b', 'c', 'd', 'e']
export const QUESTION_ITEMS: readonly ScreeningItem[] = ['f', 'g', 'h', 'i', 'j', 'k', 'l']

export type ScreeningAnswer = 'done' | 'yes' | 'no' | 'unsure' | null
/** Item l's "yes" says which rule applies. */
export type InadmissibleKind = 'notAccepted' | 'noLongerAccepted'

/** Where the matter goes (the petition), apart from the social-work service, which always continues. */
export const DIVERSION_ROUTES = [
  'politicalLegal',
  'discipline',
  'noLongerAccepted',
  'notAccepted',
  'authorityWithPower',
  'thisLevel',
  'referral'
] as const
export type DiversionRoute = (typeof DIVERSION_ROUTES)[number]

/** Clause ids; their wording is in cases.json `clauses.<id>` (official article numbers). */
export type Clause =
  | 'reg19_3'
  | 'reg20_1'
  | 'reg20_2'
  | 'reg20_3'
  | 'reg22_1'
  | 'reg22_2'
  | 'reg25'
  | 'reg30_1'
  | 'reg30_3'
  | 'reg36_3'
  | 'reg37_2'
  | 'reg37_3'
  | 'reg48'
  | 'gz3_4'
  | 'gz3_7'
  | 'gz6_4'
  | 'gz7_1_2'
  | 'gz7_2_1a'
  | 'gz7_2_1b'
  | 'sz5_1_2'

export interface ScreeningState {
  answers: Partial<Record<ScreeningItem, { answer: ScreeningAnswer; detail?: InadmissibleKind | null }>>
  partyKind: 'person' | 'organisation' | 'collective'
  representativeCount: number
  /**
   * The worker's own judgement that a collective visit is "large-scale" (7.2.1 b). Neither the 条例
   * nor either standard gives a headcount for it, so the app never derives it from the headcount.
   */
  largeScaleJudged: boolean
}

export interface RouteRule {
  id: string
  item: ScreeningItem
  when: 'yes' | 'no'
  detail?: InadmissibleKind
  route: DiversionRoute
  clauses: Clause[]
  /** Also mark the reporter's identity as never to be disclosed. */
  reporterConfidential?: boolean
}

/**
 * Route rules in priority order: the first that fires is the primary recommendation; the others
 * are listed so the worker sees every route that applies.
 */
export const ROUTE_RULES: readonly RouteRule[] = [
  // h: 涉法涉诉 — walk-ins are told the law and guided to the political-legal bodies (court,
  // procuratorate, public security) or a lawyer / legal aid. 条例 第二十条第二款, 第二十二条第二款; SZ 5.1.2.
  { id: 'h.legal', item: 'h', when: 'yes', route: 'politicalLegal', clauses: ['reg20_2', 'reg22_2', 'sz5_1_2'] },
  // i: 检举控告 for the 纪检监察机关, forwarded 按照管理权限 (第二十二条第二款, 第三十条第一款);
  // the reporter is never disclosed to the reported (第三十条第三款).
  { id: 'i.report', item: 'i', when: 'yes', route: 'discipline', clauses: ['reg22_2', 'reg30_1', 'reg30_3'], reporterConfidential: true },
  // l: 不再受理 — not satisfied with 复核, same facts and reasons (第三十六条第三款).
  { id: 'l.36', item: 'l', when: 'yes', detail: 'noLongerAccepted', route: 'noLongerAccepted', clauses: ['reg36_3'] },
  // l: 不予受理 — matter accepted or being handled, taken to a superior within the time limit (第十九条第三款).
  { id: 'l.19', item: 'l', when: 'yes', detail: 'notAccepted', route: 'notAccepted', clauses: ['reg19_3'] },
  // g "no": not for this level — the reception place of the agency with power to handle it,
  // at that level or the level above (第二十条第一款).
  { id: 'g.other', item: 'g', when: 'no', route: 'authorityWithPower', clauses: ['reg20_1'] },
  // g "yes": this level's 信访部门 transfers / assigns within 15 days (第二十二条第一款).
  { id: 'g.this', item: 'g', when: 'yes', route: 'thisLevel', clauses: ['reg22_1'] },
  // f "no": beyond social-work scope or ability → 转介 and follow the result (GZ 7.1.2 f, 6.4).
  { id: 'f.refer', item: 'f', when: 'no', route: 'referral', clauses: ['gz7_1_2', 'gz6_4'] }
]

export type NoteId =
  | 'socialWorkContinues'
  | 'repeat'
  | 'foreign'
  | 'chooseRepresentatives'
  | 'largeScaleReport'
  | 'notCollectiveBySize'
  | 'reporterConfidential'

export interface NoteAdvice {
  id: NoteId
  clauses: Clause[]
}

export interface RouteAdvice {
  route: DiversionRoute
  ruleId: string
  clauses: Clause[]
}

export interface Recommendation {
  /** The first route that applies, or null while f–l are not answered enough to say. */
  primary: DiversionRoute | null
  routes: RouteAdvice[]
  notes: NoteAdvice[]
  reporterConfidential: boolean
  /** Questions f–l still unanswered (or "unsure"): the recommendation may change. */
  open: ScreeningItem[]
}

export function recommend(s: ScreeningState, headcount?: number | null): Recommendation {
  const ans = (i: ScreeningItem) => s.answers[i]?.answer ?? null
  const routes: RouteAdvice[] = []
  for (const r of ROUTE_RULES) {
    if (ans(r.item) !== r.when) continue
    if (r.detail && s.answers[r.item]?.detail !== r.detail) continue
    routes.push({ route: r.route, ruleId: r.id, clauses: r.clauses })
  }
  const reporterConfidential = routes.some((r) => ROUTE_RULES.find((x) => x.id === r.ruleId)?.reporterConfidential)
  const notes: NoteAdvice[] = []
  if (reporterConfidential) notes.push({ id: 'reporterConfidential', clauses: ['reg30_3'] })
  // j: 重复上访 is the standard's definition (GZ 3.4), not the 条例's; it counts toward figures only.
  if (ans('j') === 'yes') notes.push({ id: 'repeat', clauses: ['gz3_4'] })
  // k: foreign nationals, stateless persons, foreign organisations: the 条例 applies 参照 (第四十八条).
  if (ans('k') === 'yes') notes.push({ id: 'foreign', clauses: ['reg48'] })
  if (s.partyKind === 'collective') {
    // Several people, same matter: representatives first, at most 5 (第二十条第三款; GZ 7.2.1 a; SZ 5.1.2).
    if (s.representativeCount === 0) notes.push({ id: 'chooseRepresentatives', clauses: ['reg20_3', 'gz7_2_1a', 'sz5_1_2'] })
    // 3.7 defines 集体上访 as 5 or more people; fewer is still a group, just not a 集体上访.
    if (headcount != null && headcount < 5) notes.push({ id: 'notCollectiveBySize', clauses: ['gz3_7'] })
    // Only the worker's judgement triggers the upward report; no headcount threshold exists.
    if (s.largeScaleJudged) notes.push({ id: 'largeScaleReport', clauses: ['gz7_2_1b', 'reg25'] })
  }
  // Whatever the route, social-work service continues, also for 不再受理 (第三十七条第三款; SZ 5.1.2).
  notes.push({ id: 'socialWorkContinues', clauses: ['reg37_3', 'sz5_1_2'] })
  const open = QUESTION_ITEMS.filter((i) => {
    const a = ans(i)
    return a === null || a === 'unsure' || (i === 'l' && a === 'yes' && !s.answers.l?.detail)
  })
  return { primary: routes[0]?.route ?? null, routes, notes, reporterConfidential, open }
}

/** The worker's decision: confirming the primary needs nothing; anything else needs a reason. */
export function checkDecision(
  rec: Recommendation,
  chosen: DiversionRoute,
  reason: string
): { ok: true; overridden: boolean } | { ok: false; messageKey: I18nKey } {
  const overridden = rec.primary !== chosen
  if (overridden && reason.trim() === '') return { ok: false, messageKey: 'cases:errors.overrideReason' }
  return { ok: true, overridden }
}
