import { describe, expect, it } from 'vitest'
import { NAMESPACES, resources } from './resources'
import { yueSpokenProblems, yueWrittenProblems, zhTermProblems } from './lexicon'
import { exampleParams, fillExample, placeholders } from './examples'
import { joinNeeds } from '../domain/interview/summary'
import { ALL_NEEDS, DEEPER_NEEDS, MOMENTS, MOMENT_LINES, momentLineKey, suggestedMoments } from '../domain/interview/catalogue'

type Tree = Record<string, unknown>
const LANGS = ['zh-CN', 'yue-HK'] as const
const strings = (n: unknown, path: string[] = [], out: [string, string][] = []): [string, string][] => {
  if (typeof n === 'string') out.push([path.join('.'), n])
  else for (const [k, v] of Object.entries(n as Tree)) strings(v, [...path, k], out)
  return out
}
const all = (lang: (typeof LANGS)[number]) => NAMESPACES.flatMap((ns) => strings(resources[lang][ns]).map(([k, v]) => [`${ns}:${k}`, v] as const))
const get = (lang: (typeof LANGS)[number], key: string) => new Map<string, string>(all(lang)).get(key) ?? ''
const t = (lang: (typeof LANGS)[number]) => (key: string, p?: Record<string, string | number>) =>
  fillExample(get(lang, key), Object.fromEntries(Object.entries(p ?? {}).map(([k, v]) => [k, String(v)])))

describe('the lexicon check (src/shared/i18n/lexicon.ts)', () => {
  it('粵語 has no Simplified-only character, no wrong written word and the standard’s terms, in every namespace', () => {
    const problems = all('yue-HK').flatMap(([key, text]) => yueWrittenProblems(text).map((p) => `${key}: ${p.found}${p.say ? ` → ${p.say}` : ''}`))
    expect(problems).toEqual([])
  })

  it('普通话 uses the standard’s terms (危机介入, 链接资源, 联系电话) everywhere', () => {
    const problems = all('zh-CN').flatMap(([key, text]) => zhTermProblems(text).map((p) => `${key}: ${p.found} → ${p.say}`))
    expect(problems).toEqual([])
  })

  it('spoken 粵語 lines (script namespace) have no Mandarin-only words', () => {
    const problems = strings(resources['yue-HK'].script).flatMap(([key, text]) => yueSpokenProblems(text).map((p) => `script:${key}: ${p.found} → ${p.say}`))
    expect(problems).toEqual([])
  })

  it('the check itself catches what it is for', () => {
    expect(yueWrittenProblems('普通话').map((p) => p.found)).toContain('话')
    expect(yueWrittenProblems('沒有采用建議').map((p) => p.say)).toContain('採用')
    expect(yueWrittenProblems('督導在籤批時填寫').map((p) => p.say)).toContain('簽批')
    expect(yueWrittenProblems('鄰里糾紛、批准、大家辛苦晒')).toEqual([])
    expect(yueSpokenProblems('我感受到你好心急').map((p) => p.found)).toContain('感受到')
    expect(yueSpokenProblems('我們現在給你看看這個東西').map((p) => p.found)).toEqual(expect.arrayContaining(['我們', '這', '給', '看', '現在', '東西']))
    expect(yueSpokenProblems('不過我會陪你了解下')).toEqual([])
  })
})

describe('placeholders', () => {
  it('every line and label has the same placeholders in both languages, and every one is filled by the example', () => {
    const zh = new Map(all('zh-CN'))
    const unfilled: string[] = []
    for (const [key, yue] of all('yue-HK')) {
      expect(placeholders(yue).sort(), key).toEqual(placeholders(zh.get(key) ?? '').sort())
      for (const lang of LANGS) {
        const filled = fillExample(lang === 'zh-CN' ? zh.get(key)! : yue, exampleParams(key, lang))
        if (/\{\{|\}\}/.test(filled)) unfilled.push(`${lang} ${key}: ${filled}`)
      }
    }
    expect(unfilled, 'add an example to src/shared/i18n/examples.ts').toEqual([])
  })
})

describe('the needs list read as a sentence', () => {
  it('every fragment is a plain noun phrase, and any list of them joins into one sentence in both languages', () => {
    for (const lang of LANGS) {
      for (const n of ALL_NEEDS) {
        const f = get(lang, `script:needs.${n}`)
        expect(f, `${lang} ${n}`).not.toMatch(/[，,、；;。：:（(]|例如|比如|可以/)
        // A verb first only when the phrase is made a noun by 的事 / 嘅事 (找工作的事, 搵工嘅事).
        if (!/(?:的|嘅)事$/.test(f)) expect(f, `${lang} ${n}`).not.toMatch(/^(?:申请|申請|整理|执|執|找|搵|请|請|再|重新)/)
        expect([...f].length, `${lang} ${n}`).toBeLessThanOrEqual(10)
      }
    }
    const zh = t('zh-CN')('script:summary.needs', { needs: joinNeeds(DEEPER_NEEDS.wageArrears, t('zh-CN')) })
    expect(zh).toBe('我们也谈到了眼下的生活救助、看病的费用、孩子上学的事、法律援助和证据材料。')
    const yue = t('yue-HK')('script:summary.needs', { needs: joinNeeds(DEEPER_NEEDS.wageArrears, t('yue-HK')) })
    expect(yue).toBe('我哋仲傾到生活上嘅救助、睇醫生嘅費用、仔女返學嘅事、法律援助同埋證明文件。')
    expect(t('yue-HK')('script:summary.needs', { needs: joinNeeds(['legalAid'], t('yue-HK')) })).toBe('我哋仲傾到法律援助。')
    expect(joinNeeds(['legalAid', 'emotional'], t('zh-CN'))).toBe('法律援助和心里的压力')
  })
})

describe('moments outside the four stages', () => {
  it('every moment has its lines in both languages, and the one a phone contact needs comes first', () => {
    for (const lang of LANGS) for (const m of MOMENTS) for (const l of MOMENT_LINES[m]) expect(get(lang, momentLineKey(m, l)), `${lang} ${m}.${l}`).toMatch(/\S/)
    expect(suggestedMoments('rapport', 'phone')).toEqual({ order: expect.arrayContaining([...MOMENTS]), open: 'followUpShort' })
    expect(suggestedMoments('closing', 'faceToFace').order[0]).toBe('dissatisfied')
    expect(suggestedMoments('policy', 'faceToFace').order.slice(0, 2)).toEqual(['howLong', 'role'])
    for (const s of ['rapport', 'emotion', 'policy', 'closing'] as const) expect(new Set(suggestedMoments(s, 'faceToFace').order).size).toBe(MOMENTS.length)
  })
})
