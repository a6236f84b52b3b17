import { describe, expect, it } from 'vitest'
import { checkDecision, recommend, ROUTE_RULES, SCREENING_ITEMS, type ScreeningState } from './rules'
import zh from '../../i18n/locales/zh-CN/cases.json'

const base = (answers: ScreeningState['answers'] = {}, extra: Partial<ScreeningState> = {}): ScreeningState => ({
  answers,
  partyKind: 'person',
  representativeCount: 0,
  largeScaleJudged: false,
  ...extra
})
const all = (a: ScreeningState['answers']): ScreeningState['answers'] => ({
  f: { answer: 'yes' },
  g: { answer: 'yes' },
  h: { answer: 'no' },
  i: { answer: 'no' },
  j: { answer: 'no' },
  k: { answer: 'no' },
  l: { answer: 'no' },
  ...a
})

describe('screening 7.1.2 a–l → diversion', () => {
  // One row per item: the answer, the primary route (or null), the clauses that must be cited, notes.
  it.each([
    ['a', { a: { answer: 'done' } }, null, [], []],
    ['b', { b: { answer: 'done' } }, null, [], []],
    ['c', { c: { answer: 'done' } }, null, [], []],
    ['d', { d: { answer: 'done' } }, null, [], []],
    ['e', { e: { answer: 'done' } }, null, [], []],
    ['f yes: serve here', all({}), 'thisLevel', ['reg22_1'], []],
    ['f no: 转介 with follow-up (6.4)', all({ f: { answer: 'no' }, g: { answer: 'unsure' } }), 'referral', ['gz6_4', 'gz7_1_2'], []],
    ['g no: authority with power (第二十条第一款)', all({ g: { answer: 'no' } }), 'authorityWithPower', ['reg20_1'], []],
    ['h yes: 涉法涉诉 → political-legal bodies', all({ h: { answer: 'yes' } }), 'politicalLegal', ['reg20_2', 'reg22_2'], []],
    ['i yes: 检举控告 → 纪检监察, reporter protected', all({ i: { answer: 'yes' } }), 'discipline', ['reg22_2', 'reg30_1', 'reg30_3'], ['reporterConfidential']],
    ['j yes: 重复信访 is a GZ definition, no route', all({ j: { answer: 'yes' } }), 'thisLevel', [], ['repeat']],
    ['k yes: foreign → 参照 第四十八条', all({ k: { answer: 'yes' } }), 'thisLevel', [], ['foreign']],
    ['l yes 不予受理 (第十九条第三款)', all({ l: { answer: 'yes', detail: 'notAccepted' } }), 'notAccepted', ['reg19_3'], []],
    ['l yes 不再受理 (第三十六条第三款)', all({ l: { answer: 'yes', detail: 'noLongerAccepted' } }), 'noLongerAccepted', ['reg36_3'], []]
  ] as const)('%s', (_name, answers, primary, clauses, notes) => {
    const r = recommend(base(answers as ScreeningState['answers']))
    expect(r.primary).toBe(primary)
    const cited = new Set([...r.routes.flatMap((x) => x.clauses), ...r.notes.flatMap((n) => n.clauses)])
    for (const c of clauses) expect(cited, c).toContain(c)
    for (const n of notes) expect(r.notes.map((x) => x.id)).toContain(n)
    // Social-work service continues whatever the route (第三十七条第三款).
    expect(r.notes.at(-1)).toEqual({ id: 'socialWorkContinues', clauses: ['reg37_3', 'sz5_1_2'] })
  })

  it('covers every item a–l', () => {
    expect(SCREENING_ITEMS).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'])
  })

  it('puts 涉法涉诉 ahead of "not this level", and lists both', () => {
    const r = recommend(base(all({ h: { answer: 'yes' }, g: { answer: 'no' } })))
    expect(r.primary).toBe('politicalLegal')
    expect(r.routes.map((x) => x.route)).toEqual(['politicalLegal', 'authorityWithPower'])
  })

  it('keeps l open until the worker says which rule applies', () => {
    const r = recommend(base(all({ l: { answer: 'yes' } })))
    expect(r.open).toEqual(['l'])
    expect(r.routes.map((x) => x.route)).not.toContain('notAccepted')
  })

  it('lists unanswered and unsure questions as open', () => {
    expect(recommend(base({})).open).toEqual(['f', 'g', 'h', 'i', 'j', 'k', 'l'])
    expect(recommend(base(all({ h: { answer: 'unsure' } }))).open).toEqual(['h'])
  })

  it('asks a collective visit to choose representatives first (第二十条第三款), and notes fewer than 5 people', () => {
    const r = recommend(base(all({}), { partyKind: 'collective' }), 3)
    expect(r.notes.map((n) => n.id)).toEqual(expect.arrayContaining(['chooseRepresentatives', 'notCollectiveBySize']))
    const withReps = recommend(base(all({}), { partyKind: 'collective', representativeCount: 5 }), 8)
    expect(withReps.notes.map((n) => n.id)).not.toContain('chooseRepresentatives')
    expect(withReps.notes.map((n) => n.id)).not.toContain('notCollectiveBySize')
  })

  it.each([5, 30, 100, 300, 1000, 100_000])('never derives "large-scale" from a headcount of %i', (headcount) => {
    const r = recommend(base(all({}), { partyKind: 'collective', representativeCount: 5 }), headcount)
    expect(r.notes.map((n) => n.id)).not.toContain('largeScaleReport')
  })

  it('reports upward only on the worker\'s own large-scale judgement (7.2.1 b, 第二十五条)', () => {
    const r = recommend(base(all({}), { partyKind: 'collective', representativeCount: 5, largeScaleJudged: true }), 6)
    expect(r.notes.find((n) => n.id === 'largeScaleReport')?.clauses).toEqual(['gz7_2_1b', 'reg25'])
  })

  it('never attributes the 重复信访 definition or a headcount rule to the 条例', () => {
    const r = recommend(base(all({ j: { answer: 'yes' } }), { partyKind: 'collective', largeScaleJudged: true }), 50)
    const repeat = r.notes.find((n) => n.id === 'repeat')!
    expect(repeat.clauses.every((c) => !c.startsWith('reg'))).toBe(true)
    // The 60-day rule belongs to 第三十四条 and is not a screening rule; no rule cites 第二十二条 for it.
    expect(ROUTE_RULES.flatMap((x) => x.clauses)).not.toContain('reg34')
  })

  it('needs a reason to override the recommendation, none to confirm it', () => {
    const r = recommend(base(all({ h: { answer: 'yes' } })))
    expect(checkDecision(r, 'politicalLegal', '')).toEqual({ ok: true, overridden: false })
    expect(checkDecision(r, 'thisLevel', ' ')).toEqual({ ok: false, messageKey: 'cases:errors.overrideReason' })
    expect(checkDecision(r, 'thisLevel', '当事人已撤诉，属行政事项')).toEqual({ ok: true, overridden: true })
  })

  it('has a translated citation for every clause it uses', () => {
    const clauses = new Set(ROUTE_RULES.flatMap((x) => x.clauses))
    for (const id of ['reg25', 'reg48', 'reg37_3', 'gz3_4', 'gz3_7', 'gz7_2_1a', 'gz7_2_1b', 'reg20_3', 'sz5_1_2']) clauses.add(id as never)
    for (const c of clauses) expect((zh.clauses as Record<string, string>)[c], c).toBeTruthy()
  })
})
