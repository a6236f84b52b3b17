import { describe, expect, it } from 'vitest'
import { resources } from '../../i18n/resources'
import {
  ALL_NEEDS,
  AVOID_PHRASES,
  CRISIS_FLOW,
  CRISIS_STEPS,
  DEEPER_NEEDS,
  EMPATHY_LINES,
  STAGE_CHECKS,
  STAGE_LINES,
  STAGE_PLAN,
  suggestedStage
} from './catalogue'
import { buildRule, rulesForRoute, RULES } from './rules'
import { GUARD_IDS } from './promise-guard'
import { CRISIS_KINDS, EMOTIONS, STAGES } from './types'
import { FLOW_STEPS } from '../case/options'
import { draftSummary } from './summary'
import { NO_EVENTS, routePromises } from './route-promises'

type Tree = Record<string, unknown>
const get = (lang: 'zh-CN' | 'yue-HK', key: string): unknown => {
  const [ns, path] = key.split(':')
  return path.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], (resources[lang] as unknown as Tree)[ns])
}
const LANGS = ['zh-CN', 'yue-HK'] as const

// Spoken Cantonese markers; Mandarin-only words that must not appear in a Cantonese line.
const YUE_MARKERS = /[係喺嘅咗唔冇哋畀睇嚟啲咩噉㗎佢呢啖唞嘢喇囉喎吖咁乜晒緊]|而家|坐低|點樣|邊個|一齊/
const MANDARIN_ONLY = /[們这這您]|什麼|沒有|没有|我们|你们/

describe('the line and checks catalogue', () => {
  it('every stage has lines and checks, in both languages, none empty', () => {
    for (const s of STAGES) {
      expect(STAGE_LINES[s].length).toBeGreaterThan(2)
      expect(STAGE_CHECKS[s].length).toBeGreaterThan(2)
      for (const lang of LANGS) {
        for (const l of STAGE_LINES[s]) expect(get(lang, `script:stages.${s}.${l}`), `${lang} ${s}.${l}`).toMatch(/\S/)
        for (const c of STAGE_CHECKS[s]) expect(get(lang, `interview:checks.${c}`), `${lang} ${c}`).toMatch(/\S/)
        expect(get(lang, `interview:stages.${s}`)).toMatch(/\S/)
      }
    }
  })

  it('Cantonese lines are spoken Cantonese (你, 嘅/唔/係…), Mandarin lines use 您', () => {
    const spoken = [
      ...STAGES.flatMap((s) => STAGE_LINES[s].map((l) => `script:stages.${s}.${l}`)),
      ...EMPATHY_LINES.map((k) => `script:empathy.${k}`),
      ...GUARD_IDS.map((k) => `script:guard.${k}`),
      ...RULES.map((r) => (r.deadlines.length ? `script:rules.${r.deadlines[0]}` : `script:rules.${r.id}`))
    ]
    for (const key of spoken) {
      const yue = String(get('yue-HK', key))
      const zh = String(get('zh-CN', key))
      expect(yue, key).toMatch(YUE_MARKERS)
      expect(yue, key).not.toMatch(MANDARIN_ONLY)
      expect(zh, key).not.toMatch(/你(?!们)/)
    }
    expect(get('yue-HK', 'script:stages.rapport.greet')).toContain('你好，我係呢度嘅社工')
    expect(get('yue-HK', 'script:stages.rapport.slowly')).toContain('唔使急，慢慢講')
    expect(get('yue-HK', 'script:stages.rapport.greet')).toContain('我哋一齊諗辦法')
    expect(get('zh-CN', 'script:stages.rapport.greet')).toContain('您好')
  })

  it('emotions, needs, crisis steps and avoid phrases have labels in both languages', () => {
    for (const lang of LANGS) {
      for (const e of EMOTIONS) expect(get(lang, `interview:emotions.${e}`)).toMatch(/\S/)
      for (const n of ALL_NEEDS) {
        expect(get(lang, `interview:deeperNeeds.${n}`)).toMatch(/\S/)
        expect(get(lang, `script:needs.${n}`)).toMatch(/\S/)
      }
      for (const k of CRISIS_KINDS) for (const s of CRISIS_STEPS[k]) expect(get(lang, `interview:crisis.steps.${k}.${s}`)).toMatch(/\S/)
      for (const a of AVOID_PHRASES) expect(get(lang, `script:avoid.${a}`)).toMatch(/\S/)
    }
    expect(get('zh-CN', 'script:avoid.dismissive')).toBe('您别激动，这很正常。')
    expect(Object.keys(DEEPER_NEEDS.wageArrears)).toBeTruthy()
    expect(DEEPER_NEEDS.wageArrears).toEqual(expect.arrayContaining(['livingAssistance', 'medicalCosts', 'schooling']))
  })

  it('crisis steps map onto the cases feature flow steps', () => {
    for (const k of CRISIS_KINDS) {
      const f = CRISIS_FLOW[k]
      for (const s of CRISIS_STEPS[k]) expect(FLOW_STEPS[f.flow] as readonly string[]).toContain(f.step[s])
    }
  })

  it('the clock suggests stages at 15, 45 and the last 5 minutes', () => {
    const at = (min: number) => suggestedStage(min * 60_000)
    expect([at(0), at(14.9), at(15), at(44), at(45), at(54), at(55), at(90)]).toEqual([
      'rapport', 'rapport', 'emotion', 'emotion', 'policy', 'policy', 'closing', 'closing'
    ])
    expect(STAGE_PLAN.closing.to - STAGE_PLAN.closing.from).toBe(5)
  })
})

describe('rules library', () => {
  const fmt = (d: string) => d
  it('never offers the 60-day rule for matters diverted to other routes', () => {
    for (const route of ['litigation', 'arbitration', 'administrative', 'disciplineReport', 'partyDiscipline', 'unknown'] as const) {
      const ids = rulesForRoute(route).map((r) => r.id)
      expect(ids).not.toContain('accepted')
      expect(ids).not.toContain('extension')
    }
    expect(rulesForRoute('petition').map((r) => r.id)).toEqual(expect.arrayContaining(['accepted', 'extension']))
  })

  it('tells a walk-in the transfer → written-notice chain with real dates', () => {
    const v = buildRule(RULES.find((r) => r.id === 'walkIn')!, '2026-11-23', fmt)
    expect(v.scriptKey).toBe('script:rules.walkInChain')
    expect(v.params).toEqual({ transferDate: '2026-12-08', noticeDate: '2026-12-23' })
    for (const lang of LANGS) {
      const line = String(get(lang, v.scriptKey))
      expect(line).toContain('{{transferDate}}')
      expect(line).toContain('{{noticeDate}}')
    }
  })

  it('the 60-day line cites 第三十四条 and computes from the acceptance date', () => {
    const v = buildRule(RULES.find((r) => r.id === 'accepted')!, '2026-11-23', fmt)
    expect(v.params.date).toBe('2027-01-22')
    expect(get('zh-CN', v.articleKeys[0])).toBe('《信访工作条例》第三十四条')
    expect(get('yue-HK', v.articleKeys[0])).toBe('《信訪工作條例》第三十四條')
    const ext = buildRule(RULES.find((r) => r.id === 'extension')!, '2026-11-23', fmt)
    expect(ext.dates[0]).toMatchObject({ due: '2027-02-21', fallsOnWeekend: true })
  })

  it('every rule has a label and, without deadlines, its own article and line', () => {
    for (const lang of LANGS)
      for (const r of RULES) {
        const v = buildRule(r, '2026-11-23', fmt)
        expect(get(lang, v.labelKey), `${lang} ${r.id}`).toMatch(/\S/)
        for (const a of v.articleKeys) expect(get(lang, a), `${lang} ${a}`).toMatch(/\S/)
        expect(get(lang, v.scriptKey), `${lang} ${v.scriptKey}`).toMatch(/\S/)
      }
  })
})

describe('drafted closing summary', () => {
  it('builds the summary from what was captured, in the output language', () => {
    const t = (lang: 'zh-CN' | 'yue-HK') => (key: string, p?: Record<string, string | number>) =>
      String(get(lang, key)).replace(/\{\{(\w+)\}\}/g, (_, n) => String(p?.[n] ?? ''))
    const input = { surfaceDemand: '要求补发工资', acceptedNeeds: ['livingAssistance'], followUpPlan: '', followUpDate: '2026-11-26', orgPhone: '020-12345678', promises: routePromises({ route: 'petition', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' }) }
    const yue = draftSummary(input, t('yue-HK'), (d) => d)
    expect(yue).toContain('今日我哋講清楚咗你最主要想解決嘅事：要求补发工资。')
    expect(yue).toContain('2026-11-26我會打電話畀你')
    expect(yue).toContain('020-12345678')
    const zh = draftSummary(input, t('zh-CN'), (d) => d)
    expect(zh).toContain('今天我们把您最想解决的事说清楚了')
    expect(zh).toContain('生活救助')
  })
})
