import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderPdf, missingGlyphs } from '../../src/main/pdf'
import { pdfFonts, pdfText, squash } from '../../src/main/pdf/poppler'
import { setupDesk, type TestDesk } from '../support/desk'
import { createCase, updateCase } from '../../src/main/cases/api'
import { renderCaseForms } from '../../src/main/forms/service'

/**
 * Every character a person can type in a name or a dialect quote prints: Vietnamese, pinyin with tone
 * marks, other Latin names, Cyrillic, and CJK Extension B–G (the Hakka 𠊎, Cantonese 𡃁 𨋢, 𠮶, 𫖯, 𬌗,
 * 𰻞 …). Each character is printed alone and the PDF checked with poppler: which embedded face drew it
 * (pdffonts) and that the text layer gives it back (pdftotext).
 */
const NAMES = [
  'Nguyễn Thị Hoa', // Vietnamese (Latin Extended Additional)
  'Trần Văn Đức',
  'Phạm Thị Ngọc Ánh',
  'Lǚ Xiǎomíng', // pinyin with tone marks
  'Zhāng Lüè',
  'Łukasz Żółć', // other Latin names
  'Antonín Dvořák',
  'Şükrü Çağlar',
  'Øystein Ærø',
  'Иван Петров', // Cyrillic
  'Олена Ґудзь',
  'Ђорђе Јовановић',
  '陈𠮶堃', // Ext B
  '𠊎兜係客家人', // Hakka 𠊎 (Ext B)
  '靓𡃁 搭𨋢', // Cantonese (Ext B)
  '赵孟𫖯', // Ext C
  '𫝦', // Ext D
  '李𬌗', // Ext E
  '𬽺', // Ext F
  '𰻞𰻞面', // Ext G
  '𱒨' // Ext H
]

/** Which shipped face draws each character (the font's name as pdffonts shows it). */
const FACE: [string, RegExp][] = [
  ['ễ', /NotoSans-Regular/],
  ['ị', /NotoSans-Regular/],
  ['Đ', /NotoSans|NotoSansCJK/],
  ['ǚ', /NotoSans/],
  ['Ł', /NotoSans-Regular/],
  ['ř', /NotoSans-Regular/],
  ['ş', /NotoSans-Regular/],
  ['Ґ', /NotoSans-Regular/],
  ['Ђ', /NotoSans-Regular/],
  ['Ж', /NotoSans/],
  ['𠮶', /HanaMinB/],
  ['𠊎', /HanaMinB/],
  ['𡃁', /NotoSansCJK/],
  ['𫖯', /HanaMinB/],
  ['𫝦', /HanaMinB/],
  ['𬌗', /HanaMinB/],
  ['𬽺', /HanaMinB/],
  ['𰻞', /BabelStoneHan/],
  ['𱒨', /BabelStoneHan/]
]

describe('every character of a name prints', () => {
  it('no shipped font is missing for the name list', () => {
    expect(missingGlyphs(NAMES)).toEqual([])
  })

  it('prints the name list: every name comes back from the text layer, in the faces that have it', async () => {
    const pdf = await renderPdf({ pageSize: 'A4', content: NAMES.map((n) => ({ text: n })) })
    const text = pdfText(pdf)
    for (const n of NAMES) expect(squash(text), n).toContain(squash(n))
    const fonts = pdfFonts(pdf)
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true })
    for (const face of [/NotoSans-Regular/, /NotoSansCJK/, /HanaMinB/, /BabelStoneHan/]) expect(fonts.some((f) => face.test(f.name)), String(face)).toBe(true)
  })

  for (const [ch, face] of FACE) {
    it(`${ch} (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) prints in ${face.source}`, async () => {
      const pdf = await renderPdf({ content: [{ text: ch }] })
      const fonts = pdfFonts(pdf).map((f) => f.name)
      expect(fonts.length, fonts.join(' ')).toBe(1)
      expect(fonts[0]).toMatch(face)
      expect(pdfText(pdf).trim()).toBe(ch)
    })
  }

  it('a Vietnamese word is set in one face (not CJK and Latin letter by letter), also when typed decomposed', async () => {
    const decomposed = 'Nguye\u0302\u0303n'
    expect(decomposed.normalize('NFC')).toBe('Nguyễn')
    const pdf = await renderPdf({ content: [{ text: decomposed }] })
    expect(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(['NotoSans-Regular'])
    expect(pdfText(pdf).trim()).toBe('Nguyễn')
  })

  it('the pre-print check still names what no shipped font has', () => {
    // An Ext B character no dictionary reads (not shipped), and an emoji.
    expect(missingGlyphs(['𠀂', '平安😀'])).toEqual(['𠀂', '😀'])
  })
})

describe('names in Latin, Cyrillic and Ext B–G on a printed form', () => {
  let t: TestDesk
  beforeAll(() => {
    t = setupDesk()
  })
  afterAll(() => t.cleanup())

  it('Form A prints each name as typed', async () => {
    for (const name of ['Nguyễn Thị Hoa', 'Олена Ґудзь', '𠊎兜係客家人', '𰻞𰻞面']) {
      const c = createCase(t.desk, { partyKind: 'person', name, contactDate: '2026-11-18' })
      updateCase(t.desk, c.id, { demands: `${name}：“𠊎唔係佢。”` })
      const { bytes } = await renderCaseForms(t.desk, { caseId: c.id, form: 'A', lang: 'zh-CN' })
      const s = squash(pdfText(bytes))
      expect(s).toContain(squash(name))
      expect(s).toContain(squash(`${name}：“𠊎唔係佢。”`))
    }
  })
})
