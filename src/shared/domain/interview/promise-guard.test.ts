import { describe, expect, it } from 'vitest'
import { Converter } from 'opencc-js/cn2t'
import { resources } from '../../i18n/resources'
import { findOverPromises, foldForGuard, GUARD_IDS } from './promise-guard'
import { GUARD_CATEGORIES, GUARD_FOLD, GUARD_NEGATION, GUARD_REPORTED, GUARD_WORKER } from './guard-lexicon'
import { GUARD_FLAGGED, GUARD_ORDINARY } from './guard-corpus'
import { AVOID_PHRASES } from './catalogue'

type Tree = Record<string, unknown>
const LANGS = ['zh-CN', 'yue-HK'] as const
const strings = (n: unknown, path: string[] = [], out: [string, string][] = []): [string, string][] => {
  if (typeof n === 'string') out.push([path.join('.'), n])
  else for (const [k, v] of Object.entries(n as Tree)) strings(v, [...path, k], out)
  return out
}
const isYue = (s: string) => /[係喺嘅咗唔冇哋畀睇嚟啲咩噉㗎佢呢嘢喇啫]/.test(s)

describe('the guard over what the worker types', () => {
  it.each(GUARD_FLAGGED.map((f) => [f.text, f.id]))('flags %s (%s)', (text, id) => {
    const f = findOverPromises(text)
    expect(f.map((x) => x.id)).toContain(id)
    for (const x of f) expect(text.slice(x.start, x.end)).toBe(x.text)
  })

  it('covers every category with flagged sentences in Mandarin and in Cantonese', () => {
    for (const id of GUARD_IDS) {
      const mine = GUARD_FLAGGED.filter((f) => f.id === id)
      expect(mine.filter((f) => isYue(f.text)).length, `${id} Cantonese`).toBeGreaterThanOrEqual(2)
      expect(mine.filter((f) => !isYue(f.text)).length, `${id} Mandarin`).toBeGreaterThanOrEqual(2)
    }
    expect(GUARD_IDS).toEqual(['outcome', 'timeline', 'special', 'brushOff', 'dismissive', 'blame', 'police', 'privateContact', 'legal', 'confidentiality', 'groupRefusal'])
  })

  it('does not flag ordinary record sentences (≥100, both languages)', () => {
    expect(GUARD_ORDINARY.length).toBeGreaterThanOrEqual(100)
    expect(GUARD_ORDINARY.filter(isYue).length).toBeGreaterThanOrEqual(30)
    const fired = GUARD_ORDINARY.map((t) => [t, findOverPromises(t)] as const).filter(([, f]) => f.length)
    expect(fired).toEqual([])
  })

  it('never flags a line the app itself suggests, in either language; every 不要说 example is flagged in its own category', () => {
    for (const lang of LANGS) {
      for (const [key, text] of strings(resources[lang].script)) {
        const ids = findOverPromises(text).map((f) => f.id)
        if (key.startsWith('avoid.')) expect(ids, `${lang} ${key}`).toContain(key.slice('avoid.'.length))
        else expect(ids, `${lang} script:${key}: ${text}`).toEqual([])
      }
    }
  })

  it('every category has a name and a why for the worker, a better line and a 不要说 example, in both languages; the panel lists them all', () => {
    for (const lang of LANGS) {
      const iv = resources[lang].interview as unknown as Tree
      const sc = resources[lang].script as unknown as Tree
      for (const id of GUARD_IDS) {
        expect((iv.guard as Tree & { why: Tree }).why[id], `${lang} why ${id}`).toMatch(/\S/)
        expect((iv.guard as Tree & { name: Tree }).name[id], `${lang} name ${id}`).toMatch(/\S/)
        expect((sc.guard as Tree)[id], `${lang} better ${id}`).toMatch(/\S/)
        expect((sc.avoid as Tree)[id], `${lang} avoid ${id}`).toMatch(/\S/)
      }
      expect(Object.keys(sc.guard as Tree).sort()).toEqual([...GUARD_IDS].sort())
      expect(Object.keys(sc.avoid as Tree).sort()).toEqual([...GUARD_IDS].sort())
    }
    expect([...AVOID_PHRASES].sort()).toEqual([...GUARD_IDS].sort())
  })

  it('an honest negation or someone else’s words in a record are not flagged; a quoted worker is', () => {
    for (const t of ['我不能保证结果，但会一起跟进', '我唔可以保證結果', '我唔可以畀私人電話你', '我们不会把您的材料转给被举报人', '信访人认为法院判错了', '老闆話實畀錢'])
      expect(findOverPromises(t), t).toEqual([])
    expect(findOverPromises('社工说：我来帮您搞定。').map((f) => f.id)).toEqual(['outcome'])
    const f = findOverPromises('信访人很着急。社工说：我来帮您搞定。后来又说包在我身上。')
    expect(f.map((x) => x.id)).toEqual(['outcome', 'outcome'])
  })

  it('folds Traditional and Hong Kong forms without moving positions; every character the patterns use is folded', () => {
    const toHk = Converter({ from: 'cn', to: 'hk' })
    const toTw = Converter({ from: 'cn', to: 'tw' })
    const sources = [...GUARD_CATEGORIES.flatMap((c) => c.patterns), GUARD_NEGATION, GUARD_REPORTED, GUARD_WORKER]
    const missing = new Set<string>()
    for (const src of sources)
      for (const ch of src) {
        if (!/\p{Script=Han}/u.test(ch)) continue
        for (const v of [toHk(ch), toTw(ch)]) if (v !== ch && GUARD_FOLD[v] !== ch) missing.add(`${v}→${ch}`)
      }
    expect([...missing], 'run: npx tsx scripts/build-guard-fold.ts').toEqual([])
    const text = '我保證幫你解決𠮶件事'
    expect(foldForGuard(text).length).toBe(text.length)
    expect(findOverPromises('呢單嘢包喺我身上')[0]).toMatchObject({ id: 'outcome', text: '包喺我身上', start: 3 })
  })

  it('takes a long note in well under a frame', () => {
    const note = GUARD_ORDINARY.join('').repeat(3)
    const t0 = performance.now()
    findOverPromises(note)
    expect(note.length).toBeGreaterThan(5000)
    expect(performance.now() - t0).toBeLessThan(1000) // a generous ceiling, not a benchmark (see bench/)
  })
})
