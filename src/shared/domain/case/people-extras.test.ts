import { describe, expect, it } from 'vitest'
import { translateKey, type Namespace } from '../../i18n/resources'
import { MATTER_ROUTES } from '../dates'
import { routePromises, NO_EVENTS } from '../interview/route-promises'
import { buildStageView, draftSummary } from '../interview/summary'
import { buildHandout } from '../interview/handout'
import { callVia, otherVisitDateProblems } from './people-extras'

const tr = (lang: 'zh-CN' | 'yue-HK') => (key: string, params?: Record<string, string | number>) => translateKey(lang, key as `${Namespace}:${string}`, params)
const fmt = (d: string) => d
const promises = (route: (typeof MATTER_ROUTES)[number]) => routePromises({ route, events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' })
const DAUGHTER = { name: '陈美玲', relation: '女儿', phone: '13912345678' }
// "progress" in the follow-up lines, both languages.
const PROGRESS = /说说进展|哪一步了|講下進展|去到邊/

describe('a report about an official (检举控告): what the lines say and promise', () => {
  it('only the discipline route is told confidentiality and 第十八条 first, and is never promised progress news', () => {
    for (const route of MATTER_ROUTES) {
      const p = promises(route)
      expect(p.progressNews, route).toBe(route !== 'disciplineReport')
      expect(p.openingKeys.length > 0, route).toBe(route === 'disciplineReport')
    }
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const t = tr(lang)
      const ctx = { worker: '李敏', name: '张三', matter: '……', date: '2026-11-26', phone: '020-1', demand: '……', next: '……' }
      const rapport = buildStageView('rapport', t, t, ctx, { promises: promises('disciplineReport') })
      expect(rapport.lines[0].text).toContain(lang === 'zh-CN' ? '保密' : '保密')
      expect(rapport.lines[1].text).toContain(lang === 'zh-CN' ? '第十八条' : '第十八條')
      expect(buildStageView('rapport', t, t, ctx, { promises: promises('petition') }).lines[0].id).toBe('greet')
      const closing = buildStageView('closing', t, t, ctx, { promises: promises('disciplineReport') })
      expect(closing.lines.find((l) => l.id === 'callBack')!.text).not.toMatch(PROGRESS)
      const summary = draftSummary({ surfaceDemand: '', acceptedNeeds: [], followUpPlan: '', followUpDate: '2026-11-26', orgPhone: '', promises: promises('disciplineReport') }, t, fmt)
      expect(summary).not.toMatch(PROGRESS)
      const handout = buildHandout({ caseNo: '1', interviewDate: '2026-11-23', summary: '', followUpDate: '2026-11-26', orgName: '', orgPhone: '', promises: promises('disciplineReport') }, t, fmt)
      expect(JSON.stringify(handout)).not.toMatch(PROGRESS)
    }
  })
})

describe('alternative contacts in follow-ups', () => {
  it('the call goes to the daughter, by relation, name and phone, instead of "I will call you"', () => {
    expect(callVia([{ name: '邻居', relation: '', phone: '' }, DAUGHTER])).toEqual(DAUGHTER)
    expect(callVia([{ name: '邻居', relation: '', phone: '' }])).toBeNull()
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const t = tr(lang)
      const p = promises('petition')
      const summary = draftSummary({ surfaceDemand: '', acceptedNeeds: [], followUpPlan: '', followUpDate: '2026-11-26', orgPhone: '', promises: p, callVia: DAUGHTER }, t, fmt)
      expect(summary).toContain('2026-11-26')
      expect(summary).toContain('女儿陈美玲')
      const handout = JSON.stringify(buildHandout({ caseNo: '1', interviewDate: '2026-11-23', summary: '', followUpDate: '2026-11-26', orgName: '', orgPhone: '', promises: p, callVia: DAUGHTER }, t, fmt))
      expect(handout).toContain('13912345678')
      const ctx = { worker: '李敏', name: '张三', matter: '……', date: '2026-11-26', phone: '020-1', demand: '……', next: '……' }
      const line = buildStageView('closing', t, t, ctx, { promises: p, callVia: DAUGHTER }).lines.find((l) => l.id === 'callBack')!.text
      expect(line).toContain('陈美玲')
      expect(line).toContain('13912345678')
      expect(line).not.toMatch(/\{\{/)
      // Without one, the petitioner is called as before.
      expect(buildStageView('closing', t, t, ctx, { promises: p }).lines.find((l) => l.id === 'callBack')!.text).toBe(t('script:stages.closing.callBack', ctx))
    }
  })

  it('earlier visits: not in the future, the latest not before the first', () => {
    expect(otherVisitDateProblems({ firstDate: '2026-11-24' }, '2026-11-23')).toMatchObject([{ field: 'firstDate', messageKey: 'people:errors.visitFuture' }])
    expect(otherVisitDateProblems({ firstDate: '2026-10-01', lastDate: '2026-09-30' }, '2026-11-23')).toMatchObject([{ field: 'lastDate', messageKey: 'people:errors.visitOrder', params: { date: '2026-10-01' } }])
    expect(otherVisitDateProblems({ firstDate: '2026-10-01', lastDate: '2026-10-01' }, '2026-11-23')).toEqual([])
    expect(otherVisitDateProblems({}, '2026-11-23')).toEqual([])
  })
})
