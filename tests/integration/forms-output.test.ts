import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../support/desk'
import { seedFormsCase, type DemoCase } from '../../src/main/forms/fixtures'
import { renderBlankForms, renderCaseForms } from '../../src/main/forms/service'
import { labels } from '../../src/main/forms/layout'
import { pdfFonts, pdfPageTexts, pdfPages, pdfText, squash } from '../../src/main/pdf/poppler'
import { createCase } from '../../src/main/cases/api'
import { signOff } from '../../src/main/supervisor/api'
import { finishInterview, saveFields, scheduleFollowUps, setMeta, startInterview } from '../../src/main/interview/service'
import { translator } from '../../src/shared/i18n/resources'
import type { Locale } from '../../src/shared/domain/session/types'

const AT = new Date('2026-11-20T02:00:00Z')

/**
 * The page furniture pdftotext interleaves with a value that flows across pages: titles, footers and
 * the section heading repeated at the top of a continuation page. Removed before looking for values.
 */
function body(pdf: Buffer, lang: Locale): string {
  const t = labels(lang)
  let s = squash(pdfText(pdf))
  const furniture = [t('a.title'), t('b.title'), t('c.title'), t('continued'), t('a.sectionRecord'), t('a.sectionClient'), t('c.goals')]
  // A text continued on the next page repeats its row's label with （续）.
  const rowLabels = ['a.demands', 'a.petitionHistory', 'a.personality', 'a.background', 'a.assessment', 'a.needsAnalysis', 'a.serviceGoals', 'a.serviceStrategy', 'a.evaluationMethods', 'b.purpose', 'b.record', 'b.assessment', 'b.followUp', 'b.supervisorOpinion', 'c.reflection', 'c.orgEvaluation']
  for (const k of rowLabels) s = s.split(squash(t(k) + t('continued'))).join('')
  for (const f of furniture) s = s.split(squash(f)).join('')
  return s
    .replace(new RegExp(squash(t('caseNo', { caseNo: 'X' })).replace('X', '\\d{4}-\\d{6}'), 'g'), '')
    .replace(new RegExp(squash(t('page', { page: 'P', pages: 'Q' })).replace('P', '\\d+').replace('Q', '\\d+'), 'g'), '')
    .replace(new RegExp(squash(t('printedAt', { at: 'X' })).replace('X', '\\d{4}-\\d\\d-\\d\\d\\d\\d:\\d\\d'), 'g'), '')
}

function expectFooters(pdf: Buffer, lang: Locale, caseNo: string) {
  const t = labels(lang)
  const pages = pdfPageTexts(pdf).map(squash)
  // Footers count pages per form: find every "X / Y" and check each form's run goes 1..Y.
  const marks = pages.map((p) => {
    const m = new RegExp(squash(t('page', { page: 'P', pages: 'Q' })).replace('P', '(\\d+)').replace('Q', '(\\d+)')).exec(p)
    expect(m, 'footer page X / Y').not.toBeNull()
    expect(p).toContain(squash(t('caseNo', { caseNo })))
    expect(p).toContain(squash(t('printedAt', { at: '2026-11-20 10:00' })))
    return [Number(m![1]), Number(m![2])]
  })
  let expected = 1
  for (const [x, y] of marks) {
    expect(x).toBe(expected)
    expected = x === y ? 1 : x + 1
  }
  expect(expected).toBe(1)
}

describe('printed forms A, B, C', () => {
  let t: TestDesk
  let long: DemoCase
  let short: DemoCase
  let dotted: DemoCase

  beforeAll(() => {
    t = setupDesk({ now: () => AT })
    long = seedFormsCase(t.desk, { name: '陈𠮶堃', demandChars: 2000, goalRows: 12, allOther: true, interviews: 2 })
    short = seedFormsCase(t.desk, { name: '陈𠮶堃', goalRows: 1, interviews: 1 })
    dotted = seedFormsCase(t.desk, { name: '阿卜杜拉·买买提', cantonese: true, interviews: 1 })
  })
  afterAll(() => t.cleanup())

  for (const lang of ['zh-CN', 'yue-HK'] as const) {
    it(`whole case (${lang}): every font embedded, every typed value printed, footers X / Y`, async () => {
      const { bytes } = await renderCaseForms(t.desk, { caseId: long.caseId, form: 'all', lang }, { at: AT })
      for (const f of pdfFonts(bytes)) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true })
      const text = body(bytes, lang)
      for (const v of long.typed) expect(text, v.slice(0, 20)).toContain(squash(v))
      expect(long.typed.join('')).toContain('𠮶')
      expectFooters(bytes, lang, long.caseNo)
      const tr = labels(lang)
      expect(squash(pdfText(bytes))).toContain(squash(tr('a.title') + tr('continued')))
    })
  }

  it('prints the standard labels in 普通话 and Traditional labels in 粵語, worker text untouched', async () => {
    const zh = squash(pdfText((await renderCaseForms(t.desk, { caseId: dotted.caseId, form: 'A', lang: 'zh-CN' }, { at: AT })).bytes))
    const yue = squash(pdfText((await renderCaseForms(t.desk, { caseId: dotted.caseId, form: 'A', lang: 'yue-HK' }, { at: AT })).bytes))
    for (const label of ['表A.1信访社会工作服务接案表', '初次接触日期', '信访诉求及要求', '个案背景（个案家庭图及生态系统图）', '服务对象需求分析（理论架构）', '项目负责人签批'])
      expect(zh).toContain(label)
    for (const label of ['表A.1信訪社會工作服務接案表', '初次接觸日期', '信訪訴求及要求', '婚姻狀況', '項目負責人簽批']) expect(yue).toContain(label)
    for (const s of [zh, yue]) {
      expect(s).toContain('阿卜杜拉·买买提')
      expect(s).toContain('情緒激動，講話好快，多次重複「我哋冇錢開飯喇」') // typed Traditional/Cantonese kept as typed
      expect(s).toContain('+8529123') // HK phone as typed
    }
  })

  it('ticks every 其他 and prints its text after the box; derives age; 工作次数 as 第 N 次', async () => {
    const text = squash(pdfText((await renderCaseForms(t.desk, { caseId: long.caseId, form: 'all', lang: 'zh-CN' }, { at: AT })).bytes))
    for (const s of ['☑其他请注明：潮汕话', '☑其它（请注明）：分居三年', '☑其他（请注明）：与工友合租宿舍', '☑其他（请注明）：协助申请临时救助', '☑其他：案主迁往外市，转介当地社工站', '☑其他转当地社工站继续跟进', '☑转介人/单位（请注明）：白云区京溪街道办事处信访办'])
      expect(text).toContain(s)
    expect(text).toContain('47岁') // born 1979-06, first contact 2026-11-18
    expect(text).toContain('第1次')
    expect(text).toContain('第2次')
    expect(text.match(/☑/g)!.length).toBeGreaterThanOrEqual(12)
  })

  it('grows pages with content and keeps all twelve goal rows', async () => {
    const shortA = pdfPages((await renderCaseForms(t.desk, { caseId: short.caseId, form: 'A', lang: 'zh-CN' }, { at: AT })).bytes)
    const longA = pdfPages((await renderCaseForms(t.desk, { caseId: long.caseId, form: 'A', lang: 'zh-CN' }, { at: AT })).bytes)
    expect(longA).toBeGreaterThan(shortA)
    const c = await renderCaseForms(t.desk, { caseId: long.caseId, form: 'C', lang: 'zh-CN' }, { at: AT })
    const text = body(c.bytes, 'zh-CN')
    for (let i = 1; i <= 12; i++) expect(text).toContain(`阶段目标${i}：`)
    expectFooters(c.bytes, 'zh-CN', long.caseNo)
  })

  it('one Form B per interview, or just the one asked for', async () => {
    const all = await renderCaseForms(t.desk, { caseId: long.caseId, form: 'B', lang: 'zh-CN' }, { at: AT })
    const one = await renderCaseForms(t.desk, { caseId: long.caseId, form: 'B', interviewId: long.interviewIds[1], lang: 'zh-CN' }, { at: AT })
    expect(pdfPages(all.bytes)).toBe(2)
    expect(squash(pdfText(one.bytes))).toContain('第2次')
    expect(squash(pdfText(one.bytes))).not.toContain('第1次')
    expect(one.fileName).toBe(`会谈表_${long.caseNo}_2026-11-20.pdf`)
  })

  it('blank forms in both languages', async () => {
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const { bytes, fileName } = await renderBlankForms(lang, 'all', AT)
      const s = squash(pdfText(bytes))
      const tr = labels(lang)
      for (const k of ['a.title', 'b.title', 'c.title', 'a.supervisorSign', 'b.supervisorSign', 'c.supervisorSign']) expect(s).toContain(squash(tr(k)))
      expect(s).toContain(squash(tr('blankCaseNo')))
      expect(s).not.toContain('☑')
      expect(pdfPages(bytes)).toBeGreaterThanOrEqual(3)
      expect(fileName).toMatch(/^(个案表格|個案表格)_2026-11-20\.pdf$/)
    }
  })

  it('names characters no font has before printing, and refuses to print them blank', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王😀明', contactDate: '2026-11-18' })
    const check = await t.router.invoke('forms.check', { caseId: c.id, form: 'A', lang: 'zh-CN' })
    expect(check).toEqual({ ok: true, value: { missing: ['😀'] } })
    const refused = await t.router.invoke('forms.output', { caseId: c.id, form: 'A', lang: 'zh-CN', action: 'save' })
    expect(refused).toMatchObject({ ok: false, code: 'MISSING_GLYPHS', messageKey: 'forms:errors.missingGlyphs', params: { chars: '😀' } })
    const anyway = await t.router.invoke('forms.output', { caseId: c.id, form: 'A', lang: 'zh-CN', action: 'save', allowMissing: true })
    expect(anyway).toMatchObject({ ok: true, value: { mode: 'bytes', fileName: `接案表_${c.caseNo}_2026-11-20.pdf` } })
  })

  it('records who printed or saved which form of which case, without the content', async () => {
    const res = await t.router.invoke('forms.output', { caseId: long.caseId, form: 'C', lang: 'yue-HK', action: 'print' })
    expect(res.ok).toBe(true)
    const row = t.desk.db().sqlite.prepare("SELECT * FROM audit_events WHERE action = 'forms.print' ORDER BY id DESC LIMIT 1").get() as Record<string, string>
    expect(row).toMatchObject({ subject_type: 'case', subject_id: String(long.caseId) })
    expect(row.actor_id).toBe(t.desk.session!.userId)
    expect(JSON.parse(row.details)).toMatchObject({ form: 'C', lang: 'yue-HK' })
    expect(row.details).not.toContain('𠮶')
    const blank = await t.router.invoke('forms.blank', { form: 'B', lang: 'zh-CN', action: 'save' })
    expect(blank).toMatchObject({ ok: true, value: { mode: 'bytes', pages: 1 } }) // Form B fits one sheet, like the standard's
  })

  it("prints the supervisor's recorded sign-off (name, time, opinion) on A, B and C", async () => {
    const sup = t.desk.session!
    signOff(t.desk, { kind: 'A', subjectId: short.caseId, opinion: '同意接案，按计划跟进。' })
    signOff(t.desk, { kind: 'B', subjectId: short.interviewIds[0], opinion: '跟进及时，注意情绪变化。' })
    signOff(t.desk, { kind: 'C', subjectId: short.caseId, opinion: '服务目标基本达成，同意结案。' })
    const s = squash(pdfText((await renderCaseForms(t.desk, { caseId: short.caseId, form: 'all', lang: 'zh-CN' }, { at: AT })).bytes))
    for (const o of ['同意接案，按计划跟进。', '跟进及时，注意情绪变化。', '服务目标基本达成，同意结案。']) expect(s).toContain(o)
    // signed at AT (10:00 in the hall's time zone)
    expect(s).toContain(squash(`${sup.displayName}（2026-11-20 10:00 于系统内签批）`))
    expect(s).toContain(squash(`项目负责人签署:${sup.displayName}`))
    expect(s).toContain(squash(`项目负责人签字：${sup.displayName}签字日期：2026-11-20 10:00`))
  })

  it('Form B: the words the app writes follow the print language, what was typed prints as typed', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '黃大文', contactDate: '2026-11-18' })
    const iv = startInterview(t.desk, { caseId: c.id, outputLang: 'yue-HK' })
    saveFields(t.desk, {
      interviewId: iv.id,
      changes: [
        { field: 'wWhen' as const, value: '上個禮拜三', revision: 1 },
        { field: 'surfaceDemand' as const, value: '想攞返啲人工', revision: 1 },
        { field: 'workFormText' as const, value: '陪同去勞動監察大隊', revision: 1 }
      ]
    })
    setMeta(t.desk, { interviewId: iv.id, patch: { workForm: 'other' } })
    scheduleFollowUps(t.desk, { interviewId: iv.id, shortDate: '2026-11-25' })
    finishInterview(t.desk, { interviewId: iv.id })
    for (const [lang, other] of [['zh-CN', 'yue-HK'], ['yue-HK', 'zh-CN']] as const) {
      const s = squash(pdfText((await renderCaseForms(t.desk, { caseId: c.id, form: 'B', lang }, { at: AT })).bytes))
      const tr = translator(lang, 'interview')
      const wrong = translator(other, 'interview')
      expect(s).toContain(squash(`${tr('fields.wWhen')}：上個禮拜三`))
      expect(s).toContain(squash(`${tr('fields.surfaceDemand')}：想攞返啲人工`))
      expect(s).toContain(squash(tr('formB.followUpOn', { date: '2026-11-25' })))
      expect(s).not.toContain(squash(wrong('fields.wWhen')))
      expect(s).not.toContain(squash(wrong('formB.followUpOn', { date: '2026-11-25' })))
      // 工作形式 其他 prints its text after the ticked box.
      expect(s).toContain(squash(`☑${labels(lang)('b.workForms.other')}陪同去勞動監察大隊`))
    }
  })
})
