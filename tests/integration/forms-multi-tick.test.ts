import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../support/desk'
import { createCase, getCase, updateCase } from '../../src/main/cases/api'
import { renderCaseForms } from '../../src/main/forms/service'
import { labels } from '../../src/main/forms/layout'
import { pdfText, squash } from '../../src/main/pdf/poppler'

const AT = new Date('2026-11-20T02:00:00Z')

/** Issue 15 §1: 语言 and 居住状况 take several ticks, and Form A ticks every recorded one. */
describe('Form A 语言 and 居住状况 with several ticks', () => {
  let t: TestDesk
  let caseId: number
  beforeAll(() => {
    t = setupDesk({ now: () => AT })
    caseId = createCase(t.desk, { partyKind: 'person', name: '陈𠮶堃', contactDate: '2026-11-19', language: ['cantonese', 'putonghua'] }).id
    updateCase(t.desk, caseId, { living: ['withSpouse', 'withAdultChildren', 'other'], livingOther: '与母亲同住' })
  })
  afterAll(() => t.cleanup())

  it('keeps every tick in the order recorded', () => {
    const f = getCase(t.desk, caseId).fields
    expect(f.language).toEqual(['cantonese', 'putonghua'])
    expect(f.living).toEqual(['withSpouse', 'withAdultChildren', 'other'])
  })

  it('refuses the same tick twice and a code that is not on the form', async () => {
    expect(await t.router.invoke('cases.update', { id: caseId, patch: { language: ['hakka', 'hakka'] } })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    expect(await t.router.invoke('cases.update', { id: caseId, patch: { living: ['withDog'] } })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    expect(getCase(t.desk, caseId).fields.language).toEqual(['cantonese', 'putonghua'])
  })

  for (const lang of ['zh-CN', 'yue-HK'] as const) {
    it(`prints every recorded tick on Form A (${lang}) and leaves the others empty`, async () => {
      const tr = labels(lang)
      const text = squash(pdfText((await renderCaseForms(t.desk, { caseId, form: 'A', lang }, { at: AT })).bytes))
      const box = (checked: boolean, key: string) => squash((checked ? '☑' : '☐') + '\u00a0' + tr(key))
      expect(text).toContain(box(true, 'a.languages.putonghua'))
      expect(text).toContain(box(true, 'a.languages.cantonese'))
      expect(text).toContain(box(false, 'a.languages.hakka'))
      expect(text).toContain(box(true, 'a.livings.withSpouse'))
      expect(text).toContain(box(true, 'a.livings.withAdultChildren'))
      expect(text).toContain(box(false, 'a.livings.alone'))
      expect(text).toContain(squash('与母亲同住'))
    })
  }
})
