import { describe, expect, it } from 'vitest'
import { addDays } from '../dates/calendar'
import { earlyWarnings, poissonTail, subjectKey, WARNING_DEFAULTS, type WarningCase } from './early-warning'

const TODAY = '2026-12-05'
const MATTERS = ['legalAdvice', 'policyGuidance', 'emotionalSupport', 'familyRelations', 'neighbourDispute', 'demandResolution', 'resourceLinking']
const KINDS = ['employer', 'estate', 'village', 'project'] as const

/** A small seeded generator, so every run sees the same "random" hall. */
function rng(seed: number) {
  let s = seed >>> 0
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] }
}

let nextId = 1
function caseOn(date: string, subjects: WarningCase['subjects'], matters: string[], repeat = false): WarningCase {
  const id = nextId++
  return { caseId: id, caseNo: `2026-${String(id).padStart(6, '0')}`, date, repeat, subjects, matters }
}

/**
 * An ordinary hall: `perDay` cases a day for 120 days, each about one of many employers, estates,
 * villages and projects (most named once or twice), with matter types at steady, unequal rates.
 */
function noise(seed: number, perDay = 3, names = 400): WarningCase[] {
  const r = rng(seed)
  const out: WarningCase[] = []
  for (let d = 0; d < 120; d++) {
    const date = addDays(TODAY, -d)
    const n = perDay + r.int(3) - 1
    for (let i = 0; i < n; i++) {
      const kind = r.pick(KINDS)
      const name = `${kind}-${r.int(names)}`
      // Matter types: demandResolution is common (≈40 %), the rest rarer — steady over time.
      const matters = [r.next() < 0.4 ? 'demandResolution' : r.pick(MATTERS)]
      out.push(caseOn(date, [{ kind, key: subjectKey(name), name }], matters, r.next() < 0.1))
    }
  }
  return out
}

describe('early warning: noise must not alarm', () => {
  it('stays silent over 20 ordinary halls of 120 days (≈ 360 cases each, 1 600 subjects, steady matter types)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect(earlyWarnings(noise(seed, 3, 400), TODAY), `seed ${seed}`).toEqual([])
    }
  })

  it('a large hall (≈ 3 600 cases in 120 days) with many subjects stays silent', () => {
    for (let seed = 201; seed <= 205; seed++) {
      expect(earlyWarnings(noise(seed, 30, 400), TODAY), `seed ${seed}`).toEqual([])
    }
  })

  it('a busy hall with few subjects (each seen every month) does not alarm on its usual counts', () => {
    for (let seed = 101; seed <= 110; seed++) {
      expect(earlyWarnings(noise(seed, 6, 40), TODAY), `seed ${seed}`).toEqual([])
    }
  })

  it('one petitioner coming back again and again (marked 重复上访) is not a cluster: it counts matters, not people', () => {
    const rows = noise(7)
    const first = caseOn(addDays(TODAY, -20), [{ kind: 'employer', key: subjectKey('某某电子厂'), name: '某某电子厂' }], ['demandResolution'])
    rows.push(first)
    for (let i = 0; i < 8; i++) rows.push(caseOn(addDays(TODAY, -i), first.subjects, ['demandResolution'], true))
    expect(earlyWarnings(rows, TODAY)).toEqual([])
  })

  it('old clusters (before the window) and future-dated rows are not signals today', () => {
    const rows = noise(8)
    for (let i = 0; i < 9; i++) rows.push(caseOn(addDays(TODAY, -40 - i), [{ kind: 'estate', key: 'x花园', name: 'X花园' }], []))
    rows.push(...Array.from({ length: 6 }, () => caseOn(addDays(TODAY, 3), [{ kind: 'estate', key: 'y花园', name: 'Y花园' }], [])))
    expect(earlyWarnings(rows, TODAY)).toEqual([])
  })
})

describe('early warning: generated clusters are found, with the cases behind them', () => {
  it('six workers of one employer within a month, written in different ways, are one cluster among the noise', () => {
    const rows = noise(3)
    const spellings = ['广州市某某建筑工程有限公司', '广州市某某建筑工程有限公司 ', '广州市某某建筑工程（有限公司）', '广州市 某某建筑工程有限公司', '廣州市某某建筑工程有限公司', '广州市某某建筑工程有限公司']
    const added = spellings.map((name, i) => caseOn(addDays(TODAY, -3 * i), [{ kind: 'employer', key: subjectKey(name), name }], []))
    rows.push(...added)
    const signals = earlyWarnings(rows, TODAY)
    expect(signals).toHaveLength(1)
    expect(signals[0]).toMatchObject({ kind: 'employer', pattern: 'cluster', count: 6, baseline: 0 })
    // The Traditional spelling (廣州市) folds to the same key as search folds it: six, not five.
    expect(signals[0].cases.map((c) => c.caseId)).toEqual(added.map((c) => c.caseId))
  })

  it('a cluster written half in Simplified, half in Traditional script is one cluster, not two below the bar', () => {
    const rows = noise(5)
    const spellings = ['广州市恒达建筑', '廣州市恆達建築', '广州市恒达建筑', '廣州市恆達建築', '廣州市 恆達建築', '广州市恒達建筑']
    const added = spellings.map((name, i) => caseOn(addDays(TODAY, -4 * i), [{ kind: 'employer', key: subjectKey(name), name }], []))
    rows.push(...added)
    const signals = earlyWarnings(rows, TODAY)
    expect(signals).toHaveLength(1)
    expect(signals[0]).toMatchObject({ kind: 'employer', pattern: 'cluster', count: 6, key: subjectKey('广州市恒达建筑') })
    expect(signals[0].cases.map((c) => c.caseId).sort((a, b) => a - b)).toEqual(added.map((c) => c.caseId))
  })

  it('a village with five cases in the window is found; with four it is not', () => {
    const base = noise(4)
    const village = (n: number) => Array.from({ length: n }, (_, i) => caseOn(addDays(TODAY, -i * 5), [{ kind: 'village', key: '石井村', name: '石井村' }], []))
    expect(earlyWarnings([...base, ...village(4)], TODAY)).toEqual([])
    const s = earlyWarnings([...base, ...village(5)], TODAY)
    expect(s.map((x) => [x.kind, x.label, x.count])).toEqual([['village', '石井村', 5]])
  })

  it('a matter type that doubles against its usual months is a rising count; its usual level is not', () => {
    const rows = noise(5)
    // familyRelations is ≈ 9 % of ≈ 90 cases a month (≈ 8); add 20 more this month.
    for (let i = 0; i < 20; i++) rows.push(caseOn(addDays(TODAY, -i), [], ['familyRelations']))
    const s = earlyWarnings(rows, TODAY)
    expect(s).toHaveLength(1)
    expect(s[0]).toMatchObject({ kind: 'matter', key: 'familyRelations', pattern: 'rising' })
    expect(s[0].count).toBeGreaterThan(2 * s[0].baseline)
    expect(s[0].trend).toHaveLength(WARNING_DEFAULTS.baselineWindows + 1)
  })

  it('a rising subject that was already seen now and then is "rising", not a new cluster', () => {
    const rows = noise(6)
    const estate = (date: string) => caseOn(date, [{ kind: 'estate', key: '某某新村', name: '某某新村' }], [])
    for (const back of [35, 50, 70, 95]) rows.push(estate(addDays(TODAY, -back)))
    for (let i = 0; i < 12; i++) rows.push(estate(addDays(TODAY, -i)))
    const s = earlyWarnings(rows, TODAY)
    expect(s.map((x) => [x.label, x.pattern, x.count])).toEqual([['某某新村', 'rising', 12]])
  })
})

describe('the arithmetic', () => {
  it('Poisson tail', () => {
    expect(poissonTail(0, 3)).toBe(1)
    expect(poissonTail(1, 2)).toBeCloseTo(1 - Math.exp(-2), 10)
    expect(poissonTail(5, 0.5)).toBeCloseTo(0.000172, 5)
  })
  it('one key for the ways a name is typed', () => {
    expect(subjectKey('Ｘ花园 ')).toBe(subjectKey('x花园'))
    expect(subjectKey('某某（集团）公司')).toBe(subjectKey('某某集团公司'))
    expect(subjectKey('廣州市恆達建築')).toBe(subjectKey('广州市恒达建筑'))
    expect(subjectKey('石井村')).toBe('石井村')
  })
})
