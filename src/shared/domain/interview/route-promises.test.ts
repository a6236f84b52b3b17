import { describe, expect, it } from 'vitest'
import zhScript from '../../i18n/locales/zh-CN/script.json'
import yueScript from '../../i18n/locales/yue-HK/script.json'
import zhInterview from '../../i18n/locales/zh-CN/interview.json'
import yueInterview from '../../i18n/locales/yue-HK/interview.json'
import { MATTER_ROUTES, type MatterRoute } from '../dates'
import { caseDeadlines } from '../case/today'
import { DIVERSION_ROUTES } from '../screening/rules'
import { buildHandout } from './handout'
import { buildRule, rulesForCase, RULES } from './rules'
import { draftSummary } from './summary'
import { NO_EVENTS, ROUTE_OF_DIVERSION, promisesForInterview, resolveRoute, routePromises, type RouteEvents } from './route-promises'

/**
 * The route decides what is promised: every route × every rule card, summary line, handout
 * paragraph and Today deadline, in both output languages — what may and may not appear.
 */
const RES = { 'zh-CN': { script: zhScript, interview: zhInterview }, 'yue-HK': { script: yueScript, interview: yueInterview } } as const
type Lang = keyof typeof RES
const LANGS: Lang[] = ['zh-CN', 'yue-HK']
const tr = (lang: Lang) => (key: string, p?: Record<string, string | number>) => {
  const [ns, path] = key.split(':') as ['script' | 'interview', string]
  const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], RES[lang][ns])
  if (typeof v !== 'string') throw new Error(`missing ${lang} ${key}`)
  return v.replace(/\{\{(\w+)\}\}/g, (_, n) => String(p?.[n] ?? ''))
}
const fmt = (d: string) => d
const VISIT = '2026-11-23'

/** Phrases that promise a transfer by this desk and a written notice (the walk-in chain). */
const TRANSFER = { 'zh-CN': ['转给有权处理的部门', '书面通知', '转交'], 'yue-HK': ['轉畀有權處理嘅部門', '書面通知'] }
/** The 60-day answer. */
const SIXTY = { 'zh-CN': ['办结'], 'yue-HK': ['處理完'] }
/** A 复查 window. */
const REVIEW = { 'zh-CN': ['复查'], 'yue-HK': ['複查'] }

const ALL_EVENTS: RouteEvents = {
  acceptedDate: '2026-11-20',
  extended: false,
  opinionReceivedDate: '2026-11-10',
  reviewReceivedDate: '',
  knewOfActDate: '2026-11-01',
  infringementDate: '2026-06-30'
}

function outputs(route: MatterRoute, lang: Lang, events: RouteEvents = NO_EVENTS, walkIn = true) {
  const p = routePromises({ route, events, walkIn, visitDate: VISIT })
  const t = tr(lang)
  const summary = draftSummary({ surfaceDemand: '法院判决不公', acceptedNeeds: [], followUpPlan: '', followUpDate: '2026-11-26', orgPhone: '020-1', promises: p }, t, fmt)
  const handout = buildHandout({ caseNo: 'X', interviewDate: VISIT, summary: '', followUpDate: '2026-11-26', orgName: '站', orgPhone: '020-1', promises: p }, t, fmt)
  const handoutText = handout.sections.flatMap((s) => s.paragraphs).join('\n')
  const { own, folded } = rulesForCase(p)
  const cards = [...own, ...folded].map((r) => {
    const from = r.startsFrom === 'recorded' ? null : VISIT
    const v = buildRule(r, from, fmt)
    return { id: r.id, text: t(v.scriptKey, v.params) }
  })
  return { p, summary, handoutText, cards, own: own.map((r) => r.id), folded: folded.map((r) => r.id) }
}

const has = (text: string, phrases: readonly string[]) => phrases.some((x) => text.includes(x))

describe('the route decides what is promised', () => {
  for (const lang of LANGS) {
    describe(lang, () => {
      for (const route of MATTER_ROUTES) {
        it(`${route}: transfer promise, 60 days and 复查 only where they belong`, () => {
          const o = outputs(route, lang)
          const transfer = route === 'petition'
          // Handout "what next" and the summary's default next step.
          expect(has(o.handoutText, TRANSFER[lang]), `handout ${o.handoutText}`).toBe(transfer)
          expect(has(o.summary, TRANSFER[lang]), `summary ${o.summary}`).toBe(transfer)
          expect(has(o.handoutText, SIXTY[lang])).toBe(false)
          // No 复查 window without a recorded written answer, on any route.
          expect(has(o.handoutText + o.summary, REVIEW[lang])).toBe(false)
          // Rule cards: the walk-in chain and the 60-day cards only on the petition route.
          const ids = [...o.own, ...o.folded]
          expect(ids.includes('walkIn')).toBe(transfer)
          expect(ids.includes('accepted')).toBe(route === 'petition')
          expect(ids.includes('extension')).toBe(route === 'petition')
          for (const c of o.cards) {
            if (route !== 'petition') expect(has(c.text, SIXTY[lang]), `${c.id}: ${c.text}`).toBe(false)
            expect(c.text).not.toMatch(/\{\{|undefined/)
          }
          // Every card shows once: own first, the rest folded.
          expect(new Set(ids).size).toBe(ids.length)
          // Today: our own transfer deadline only where a transfer is (or may still be) ours.
          const today = o.p.deadlines.map((d) => d.id)
          expect(today.includes('D1')).toBe(route === 'petition' || route === 'unknown')
          expect(today.filter((d) => d !== 'D1')).toEqual([])
        })

        it(`${route}: recorded dates bring the petitioner's deadlines, dated from what was recorded`, () => {
          const o = outputs(route, lang, ALL_EVENTS, false)
          const ids = o.p.deadlines.map((d) => d.id)
          // 复查 window from the recorded 处理意见 date (2026-11-10 + 30), never from today's visit.
          expect(o.p.deadlines.find((d) => d.id === 'D7')).toMatchObject({ from: '2026-11-10', due: '2026-12-10', whose: 'petitioner' })
          expect(o.p.deadlines.find((d) => d.id === 'N1')).toMatchObject({ due: '2026-12-31', whose: 'petitioner' })
          expect(o.p.deadlines.find((d) => d.id === 'N5')).toMatchObject({ due: '2027-06-30', whose: 'petitioner' })
          // 60 days from the recorded acceptance only in the petition procedure.
          expect(ids.includes('D5')).toBe(route === 'petition')
          for (const text of [o.summary, o.handoutText]) {
            expect(text).toContain('2026-12-10')
            expect(text).toContain('2026-12-31')
            expect(text).toContain('2027-06-30')
          }
          // Our 60-day answer (from the recorded 受理) is on the handout, petition procedure only.
          expect(o.handoutText.includes('2027-01-19')).toBe(route === 'petition')
          expect(o.own).toEqual(expect.arrayContaining(['review', 'adminReview', 'arbitration']))
          // Not the first contact: no walk-in chain, even on the petition route.
          expect(has(o.handoutText, TRANSFER[lang].slice(1))).toBe(false)
        })
      }
    })
  }

  it('a recorded card without its date says the rule without a date, never from today', () => {
    for (const lang of LANGS)
      for (const r of RULES.filter((x) => x.startsFrom === 'recorded')) {
        const v = buildRule(r, null, fmt)
        expect(v.dates).toEqual([])
        expect(v.scriptKey).toBe(`script:rulesUndated.${r.id}`)
        expect(tr(lang)(v.scriptKey)).not.toMatch(/\{\{|\d{4}-\d{2}-\d{2}/)
      }
  })

  it('the route recorded in the interview wins; else the screening decision; else the acceptance', () => {
    expect(resolveRoute({ interviewRoute: 'litigation', diversion: 'thisLevel' })).toBe('litigation')
    expect(resolveRoute({ interviewRoute: 'unknown', diversion: 'politicalLegal' })).toBe('litigation')
    expect(resolveRoute({ diversion: null, inPetitionProcedure: true })).toBe('petition')
    expect(resolveRoute({})).toBe('unknown')
    for (const d of DIVERSION_ROUTES) expect(MATTER_ROUTES).toContain(ROUTE_OF_DIVERSION[d])
  })

  it('Today and the interview agree: both come from the same promises', () => {
    const f = { contactDate: VISIT, inPetitionProcedure: false, acceptedDate: '', extended: false, opinionReceivedDate: '2026-11-10', reviewReceivedDate: '', knewOfActDate: '2026-11-01', infringementDate: '' }
    for (const d of DIVERSION_ROUTES) {
      const today = caseDeadlines(1, f, d, '2026-12-01').map((x) => x.id)
      const iv = promisesForInterview({
        route: 'unknown',
        workCount: 2,
        startedAt: `${VISIT}T02:00:00Z`,
        caseRoute: { diversion: d, inPetitionProcedure: false, contactDate: VISIT, collective: false, events: { ...NO_EVENTS, opinionReceivedDate: '2026-11-10', knewOfActDate: '2026-11-01' } }
      }).deadlines.map((x) => x.id)
      expect(today, d).toEqual(iv)
      expect(today.includes('D1'), d).toBe(d === 'thisLevel')
      expect(today).toEqual(expect.arrayContaining(['D7', 'N1']))
    }
  })

  it('a collective case shows the representatives card first', () => {
    const p = routePromises({ route: 'petition', events: NO_EVENTS, walkIn: true, visitDate: VISIT, collective: true })
    expect(p.caseRules[0]).toBe('collective')
  })
})

describe('the organisation details on the handout (issue 13 §5)', () => {
  const p = routePromises({ route: 'litigation', events: NO_EVENTS, walkIn: true, visitDate: VISIT })
  for (const lang of LANGS)
    it(`${lang}: a detail not set yet is left out, never printed as an empty slot`, () => {
      const contact = (orgName: string, orgPhone: string, orgAddress: string) =>
        buildHandout({ caseNo: 'X', interviewDate: VISIT, summary: '', followUpDate: null, orgName, orgPhone, orgAddress, promises: p }, tr(lang), fmt).sections.at(-1)!.paragraphs
      expect(contact('', '020-1', '')).toEqual([tr(lang)('script:handout.contactPhoneOnly', { phone: '020-1' })])
      expect(contact('站', '020-1', '某路1号')).toHaveLength(2)
      for (const para of [...contact('', '020-1', ''), ...contact('', '', '')]) expect(para).not.toMatch(/^\s|：\s*$|\{\{/)
    })
})
