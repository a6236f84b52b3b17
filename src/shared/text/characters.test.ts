import { describe, expect, it } from 'vitest'
import { NO_EVENTS, routePromises } from '../domain/interview/route-promises'
import fc from 'fast-check'
import {
  clipCodePoints,
  codePointLength,
  codePoints,
  firstLine,
  gist,
  graphemeLength,
  graphemes,
  isWellFormed,
  padEnd,
  padStart,
  truncate,
  withinCodePoints
} from './characters'
import { draftSummary } from '../domain/interview/summary'
import { longText, shortText } from '../ipc/schemas'

/** Characters people at the desk really type, and the ones that break UTF-16 arithmetic. */
const PIECES = [
  '钟', '𠮶', '妹', '𠊎', '䶮', '陈', '𡃁', '𨋢', // astral (Ext B+) and BMP Han
  'Nguye\u0302\u0303n', 'e\u0301', 'a\u0308\u0323', // combining marks (NFD)
  '👩\u200D👩\u200D👧', '👨🏽\u200D⚕️', '👍🏽', '🇭🇰', // emoji ZWJ, modifiers, flags
  '葛\u{E0100}', '❤\uFE0F', '邊\uFE00', // variation selectors
  'a', 'Z', '1', ' ', '。', '，', '\n', '·'
]
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''))
const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 60 }))
const n = fc.integer({ min: 0, max: 90 })

/** `cut` is a start of `s` that ends between two grapheme clusters. */
function cutBetweenClusters(s: string, cut: string): boolean {
  if (!s.startsWith(cut)) return false
  const gs = graphemes(s)
  let acc = ''
  for (const g of gs) {
    if (acc === cut) return true
    acc += g
  }
  return acc === cut
}

describe('cutting text by whole characters', () => {
  it('truncate never leaves half a character or a broken cluster', () => {
    fc.assert(
      fc.property(anyText, n, (s, max) => {
        const out = truncate(s, max)
        expect(isWellFormed(out)).toBe(true)
        const body = out === s ? s : out.slice(0, -1)
        expect(cutBetweenClusters(s, body)).toBe(true)
        expect(graphemeLength(body)).toBeLessThanOrEqual(Math.max(max, graphemeLength(s) <= max ? graphemeLength(s) : max))
        if (graphemeLength(s) > max) expect(out.endsWith('…')).toBe(true)
        else expect(out).toBe(s)
      })
    )
  })

  it('clipCodePoints fits the limit and cuts between clusters', () => {
    fc.assert(
      fc.property(anyText, n, (s, max) => {
        const out = clipCodePoints(s, max)
        expect(isWellFormed(out)).toBe(true)
        expect(codePointLength(out)).toBeLessThanOrEqual(max)
        expect(cutBetweenClusters(s, out)).toBe(true)
      })
    )
  })

  it('gist and firstLine give whole characters of the first line', () => {
    fc.assert(
      fc.property(anyText, n, (s, max) => {
        const g = gist(s, max)
        expect(isWellFormed(g)).toBe(true)
        expect(g.includes('\n')).toBe(false)
        const line = firstLine(s)
        expect(cutBetweenClusters(line, g.endsWith('…') && g !== line ? g.slice(0, -1) : g)).toBe(true)
      })
    )
  })

  it('padStart and padEnd count what a person sees', () => {
    fc.assert(
      fc.property(anyText, n, (s, width) => {
        for (const out of [padEnd(s, width), padStart(s, width)]) {
          expect(isWellFormed(out)).toBe(true)
          expect(graphemeLength(out)).toBe(Math.max(width, graphemeLength(s)))
          expect(out.includes(s)).toBe(true)
        }
      })
    )
  })

  it('counts code points and clusters, never UTF-16 units', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 200 }), (s, max) => {
        expect(codePointLength(s)).toBe(codePoints(s).length)
        expect(codePoints(s).every(isWellFormed)).toBe(true)
        expect(graphemes(s).join('')).toBe(s)
        expect(graphemes(s).every(isWellFormed)).toBe(true)
        expect(withinCodePoints(s, max)).toBe(codePointLength(s) <= max)
      })
    )
    expect(codePointLength('钟𠮶妹')).toBe(3)
    expect(graphemeLength('Nguye\u0302\u0303n')).toBe(6)
    expect(graphemeLength('👩\u200D👩\u200D👧')).toBe(1)
    expect(graphemeLength('葛\u{E0100}')).toBe(1)
  })

  it('a 40-character gist of a name with 𠮶 keeps 𠮶 whole (the issue #10 case)', () => {
    const name = `${'钟'.repeat(39)}𠮶妹`
    const g = gist(name, 40)
    expect(g).toBe(`${'钟'.repeat(39)}𠮶…`)
    expect(shortText().safeParse(g).success).toBe(true)
  })

  it('the boundary counts a limit in code points: 200 × 𠮶 is 200 characters, not 400', () => {
    expect(shortText(200).safeParse('𠮶'.repeat(200)).success).toBe(true)
    expect(shortText(200).safeParse('𠮶'.repeat(201)).success).toBe(false)
    expect(longText(3).safeParse('\uD842').success).toBe(false)
  })

  it('the closing summary drafted from any demand is well-formed and passes the boundary', () => {
    const t = (k: string, p?: Record<string, string | number>) => (p ? `${k}:${Object.values(p).join('|')}` : k)
    fc.assert(
      fc.property(anyText, anyText, (demand, plan) => {
        const s = draftSummary({ surfaceDemand: demand, acceptedNeeds: [], followUpPlan: plan, followUpDate: null, orgPhone: '', promises: routePromises({ route: 'unknown', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' }) }, t, (d) => d)
        expect(isWellFormed(s)).toBe(true)
        expect(longText().safeParse(s).success).toBe(true)
      })
    )
  })
})
