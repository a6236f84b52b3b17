import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, WORKER, type TestDesk } from '../../../tests/support/desk'
import { asc, eq } from 'drizzle-orm'
import { auditEvents } from '../db/schema'
import * as session from '../session/service'
import { createCase, caseHistory, getCase } from '../cases/api'
import type { InterviewState } from '@shared/domain/interview/types'
import { consentSlipDefinition } from '../cases/consent-slip'
import { renderPdf } from '../pdf'
import { pdfText } from '../pdf/poppler'
import { renderCaseForms } from '../forms/service'
import { getFormB } from './service'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

async function ok<T>(method: string, args: unknown): Promise<T> {
  const r = (await t.router.invoke(method, args)) as { ok: boolean; value: T }
  expect(r, method).toMatchObject({ ok: true })
  return r.value
}
const audit = (action: string) =>
  t.desk
    .db()
    .orm.select({ details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(asc(auditEvents.id))
    .all()
    .map((r) => r.details)

describe('a collective visit follows the headcount, in the main process', () => {
  it('a walk-in counted at 6 is collective from the first minute; corrected to 4 it is not, to 5 it is again — each in the case history', async () => {
    const s = await ok<InterviewState>('interview.start', { petitionerName: '石围村村民', headcount: 6 })
    expect(s.people).toMatchObject({ headcount: 6, collective: true, partyKind: 'collective' })
    expect(s.caseRoute.collective).toBe(true)

    const four = await ok<{ collective: boolean; partyKind: string }>('person.headcount', { caseId: s.caseId, headcount: 4 })
    expect(four).toEqual({ headcount: 4, partyKind: 'person', collective: false })
    const after = await ok<InterviewState>('interview.get', { interviewId: s.id })
    expect(after.people).toMatchObject({ headcount: 4, collective: false })
    expect(after.caseRoute.collective).toBe(false)
    expect(getCase(t.desk, s.caseId).fields.partyKind).toBe('person')
    // One change of the case: both fields, with what they said before.
    const v = caseHistory(t.desk, s.caseId)[0]
    expect(v.changedFields.sort()).toEqual(['headcount', 'partyKind'])
    expect(v.before).toEqual({ headcount: 6, partyKind: 'collective' })

    expect(await ok('person.headcount', { caseId: s.caseId, headcount: 5 })).toEqual({ headcount: 5, partyKind: 'collective', collective: true })
    expect(caseHistory(t.desk, s.caseId)[0].before).toEqual({ headcount: 4, partyKind: 'person' })
  })

  it('a group registered with 3 people is not collective (it used to be, by its party kind)', async () => {
    const c = createCase(t.desk, { partyKind: 'collective', name: '三位住户', headcount: 3 })
    expect(c.fields.partyKind).toBe('person')
    const s = await ok<InterviewState>('interview.start', { caseId: c.id })
    expect(s.caseRoute.collective).toBe(false)
    expect(s.people.collective).toBe(false)
  })

  it('the Form A editor path (cases.update) follows the same rule: 8 → 4 → 5, one version each with both fields', async () => {
    const c = createCase(t.desk, { partyKind: 'collective', name: '某小区业主', headcount: 8 })
    const four = await ok<{ fields: { partyKind: string } }>('cases.update', { id: c.id, patch: { headcount: 4 } })
    expect(four.fields.partyKind).toBe('person')
    expect(caseHistory(t.desk, c.id)[0]).toMatchObject({ before: { headcount: 8, partyKind: 'collective' } })
    const five = await ok<{ fields: { partyKind: string } }>('cases.update', { id: c.id, patch: { headcount: 5, name: '某小区业主' } })
    expect(five.fields.partyKind).toBe('collective')
    // Choosing 集体上访 for a group counted at 3 keeps it a visit of individuals.
    expect((await ok<{ fields: { partyKind: string } }>('cases.update', { id: c.id, patch: { headcount: 3, partyKind: 'collective' } })).fields.partyKind).toBe('person')
  })

  it('a headcount of 0 or a fraction is refused at the boundary, nothing written', async () => {
    const c = createCase(t.desk, { partyKind: 'collective', name: '村民', headcount: 8 })
    for (const headcount of [0, 2.5, -1]) {
      expect(await t.router.invoke('person.headcount', { caseId: c.id, headcount })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    }
    expect(getCase(t.desk, c.id).fields.headcount).toBe(8)
  })
})

describe('language at Stage 1: interpreter recorded, output language said plainly', () => {
  it('Hakka with a colleague interpreting: lines in 普通话, the interpreter named in the record and on Form B; Form A is proposed 客家话, not 普通话', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', birth: '1925-03', education: 'illiterate', contactDate: '2026-11-23' })
    const s = await ok<InterviewState>('interview.start', { caseId: c.id, outputLang: 'yue-HK' })
    const r = await ok<{ outputLang: string }>('interview.language', {
      interviewId: s.id,
      spoken: 'hakka',
      interpreterName: '黄小梅',
      interpreterLanguage: '客家话',
      interpreterRelation: 'colleague'
    })
    expect(r).toMatchObject({ outputLang: 'zh-CN', language: { spoken: 'hakka', interpreterName: '黄小梅', interpreterRelation: 'colleague' } })
    const again = await ok<InterviewState>('interview.get', { interviewId: s.id })
    expect(again.outputLang).toBe('zh-CN')
    expect(again.people).toMatchObject({ age: 101, education: 'illiterate', language: { spoken: 'hakka', interpreterName: '黄小梅' } })
    expect(again.events.some((e) => e.kind === 'outputLang' && e.detail === 'zh-CN')).toBe(true)
    // The audit trail says what kind of thing changed, never the interpreter's name.
    expect(audit('interview.language').join('')).not.toContain('黄小梅')

    // Form B: who interpreted, and the read-aloud / 代签 line for someone who cannot read.
    const b = getFormB(t.desk, s.id)
    expect(b.petitioner).toEqual({ readAloud: true, interpreter: { name: '黄小梅', relation: 'colleague', language: '客家话' } })
    const { bytes } = await renderCaseForms(t.desk, { caseId: c.id, form: 'B', interviewId: s.id, lang: 'zh-CN' }, { allowMissing: true })
    const text = pdfText(bytes).replace(/\s+/g, '')
    expect(text).toContain('本次会谈经黄小梅（同事）以客家话翻译')
    expect(text).toContain('按手印')
    expect(text).toContain('代签人')

    await ok('interview.finish', { interviewId: s.id })
    const p = await ok<{ items: { field: string; value: unknown }[] }>('interview.proposal', { interviewId: s.id })
    expect(p.items.find((i) => i.field === 'language')?.value).toBe('hakka')
    // An ended contact's language is not rewritten.
    expect(await t.router.invoke('interview.language', { interviewId: s.id, spoken: 'putonghua' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('广东话 switches the lines to 粵語; an interpreter without a relation is refused with words', async () => {
    const s = await ok<InterviewState>('interview.start', { petitionerName: '陈生' })
    expect(await ok('interview.language', { interviewId: s.id, spoken: 'cantonese' })).toMatchObject({ outputLang: 'yue-HK' })
    const r = await t.router.invoke('interview.language', { interviewId: s.id, spoken: 'foreign', spokenText: '越南语', interpreterName: '阮氏' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'interview:people.needRelation' })
  })

  it('a case whose Form A says 客家话 starts in 普通话 and Stage 1 starts from Hakka (no silent fall-back)', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '钟伯', language: ['hakka'] })
    const s = await ok<InterviewState>('interview.start', { caseId: c.id })
    expect(s.outputLang).toBe('zh-CN')
    expect(s.people.formASpoken).toBe('hakka')
  })
})

describe('foreign national, hearing, 户籍 on the case', () => {
  it('recorded, flagged for lists, audited by field name only; clearing the flag clears the nationality', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: 'Nguyễn Thị Lan' })
    const other = createCase(t.desk, { partyKind: 'person', name: '王五' })
    const p = await ok('person.set', { caseId: c.id, patch: { foreignNational: true, nationality: '越南', hukou: null, hardOfHearing: false } })
    expect(p).toMatchObject({ foreignNational: true, nationality: '越南' })
    expect(await ok('person.flags', { caseIds: [c.id, other.id] })).toEqual({ [c.id]: { foreignNational: true, hardOfHearing: false } })
    expect(audit('people.update').join('')).not.toContain('越南')
    expect(await ok('person.set', { caseId: c.id, patch: { foreignNational: false } })).toMatchObject({ foreignNational: false, nationality: '' })
    expect(await ok('person.flags', { caseIds: [c.id] })).toEqual({})
    expect(await t.router.invoke('person.set', { caseId: c.id, patch: { hukou: 'abroad' } })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    expect(await t.router.invoke('person.get', { caseId: 99999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('the consent slip of someone who cannot read says it was read aloud and has a 代签 / thumbprint line; a reader’s has the thumbprint option only', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', education: 'illiterate', contactDate: '2026-11-23' })
    const r = createCase(t.desk, { partyKind: 'person', name: '王五', education: 'bachelor', contactDate: '2026-11-23' })
    for (const lang of ['zh-CN', 'yue-HK'] as const) {
      const text = pdfText(await renderPdf(consentSlipDefinition(t.desk, c.id, lang).doc, { refuseMissing: false })).replace(/\s+/g, '')
      expect(text).toMatch(lang === 'zh-CN' ? /宣读.*本人签名（或按手印）.*代签人/ : /宣讀.*本人簽名（或按指模）.*代簽人/)
      const reader = pdfText(await renderPdf(consentSlipDefinition(t.desk, r.id, lang).doc, { refuseMissing: false })).replace(/\s+/g, '')
      expect(reader).not.toMatch(/代签人|代簽人/)
    }
  })
})

describe('who may call (the router checks the session)', () => {
  it('every people call needs an unlocked desk; a worker may make them', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王五' })
    const s = await ok<InterviewState>('interview.start', { caseId: c.id })
    const calls: [string, unknown][] = [
      ['person.get', { caseId: c.id }],
      ['person.set', { caseId: c.id, patch: { hardOfHearing: true } }],
      ['person.flags', { caseIds: [c.id] }],
      ['person.headcount', { caseId: c.id, headcount: 2 }],
      ['interview.language', { interviewId: s.id, spoken: 'putonghua' }]
    ]
    session.logout(t.desk)
    for (const [m, a] of calls) expect(await t.router.invoke(m, a), m).toMatchObject({ ok: false, code: 'LOCKED' })
    session.login(t.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    const s2 = await ok<InterviewState>('interview.start', { caseId: c.id })
    calls[4] = ['interview.language', { interviewId: s2.id, spoken: 'putonghua' }]
    for (const [m, a] of calls) expect(await t.router.invoke(m, a), m).toMatchObject({ ok: true })
  })
})
