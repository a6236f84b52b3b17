import { describe, expect, it } from 'vitest'
import { renderPdf, missingGlyphs, ruledTable, labelCell, valueCell, checkboxes, pageCount } from '.'
import { pdfFonts, pdfText, pdfPages, squash } from './poppler'
import { DeskFailure } from '@shared/ipc/result'
import { FONT_FILES, loadFonts } from './fonts'
import { codePointsOf } from './cmap'
import { decodeGrayPng, diffRatio, renderPages } from '../../../tests/golden/compare'

const rare = '陈𠮶堃 阿卜杜拉·买买提 嘅咗喺啲冇嘢噉㗎 犇淼'

describe('PDF engine', () => {
  it('embeds every font and extracts every character, rare ones included', async () => {
    const pdf = await renderPdf({
      pageSize: 'A4',
      content: [
        { text: '表 A.1 信访社会工作服务接案表', bold: true },
        ruledTable([90, '*'], [[labelCell('案主姓名'), valueCell(rare)], [labelCell('语　言'), checkboxes([{ label: '普通话', checked: true }, { label: '其他请注明：', checked: true, detail: '潮州话' }])]])
      ]
    })
    const fonts = pdfFonts(pdf)
    expect(fonts.length).toBeGreaterThanOrEqual(3)
    for (const f of fonts) expect(f, f.name).toMatchObject({ emb: true, sub: true, uni: true })
    expect(fonts.some((f) => f.name.includes('HanaMinB'))).toBe(true) // 𠮶 came from the fallback
    const text = squash(pdfText(pdf))
    expect(text).toContain(squash(rare))
    // pdftotext may order the fallback font's ☑ before a neighbouring cell's label; count, don't sequence.
    expect(text.match(/☑/g)).toHaveLength(2)
    expect(text).toContain('普通话☑其他请注明：潮州话')
    expect(pageCount(pdf)).toBe(1)
  })

  it('lists characters no font has, and refuses to print them silently', async () => {
    expect(missingGlyphs(['𠮶堃', '平安😀', null, 'é'])).toEqual(['😀'])
    // A name typed with an ideographic variation selector (葛 + U+E0100) or a zero-width joiner prints
    // as its base character: the selector is not a missing glyph.
    expect(missingGlyphs(['葛\u{E0100}', '葛\uFE00', 'a\u200Db'])).toEqual([])
    await expect(renderPdf({ content: ['平安😀'] })).rejects.toMatchObject({ code: 'MISSING_GLYPHS', params: { chars: '😀' } } satisfies Partial<DeskFailure>)
    const printedAnyway = await renderPdf({ content: ['平安😀'] }, { refuseMissing: false })
    expect(pdfPages(printedAnyway)).toBe(1)
  })

  it('flows long text onto more pages instead of clipping it', async () => {
    const long = '我哋嘅問題係咁樣嘅，佢哋冇理我。'.repeat(400)
    const pdf = await renderPdf({ pageSize: 'A4', content: [ruledTable([90, '*'], [[labelCell('诉求'), valueCell(long)]])] })
    expect(pdfPages(pdf)).toBeGreaterThan(2)
    expect(squash(pdfText(pdf))).toContain(squash(long))
  })

  it('coverage.json matches what each shipped font really maps', () => {
    for (const f of Object.values(loadFonts())) {
      const real = codePointsOf(f.bytes())
      expect([...f.covers].filter((c) => !real.has(c)), FONT_FILES[f.key]).toEqual([])
      expect(f.covers.size, FONT_FILES[f.key]).toBe(real.size)
    }
  })

  it('covers Simplified, Traditional, Hong Kong and Cantonese text, and 𠮶 through the fallback', () => {
    const sample = '信访社会工作服务接案表 信訪社會工作服務接案表 嘅咗喺啲冇嘢噉㗎 堃 犇 𠮶 ☐☑ 「」『』—…·'
    expect(missingGlyphs([sample])).toEqual([])
  })

  describe('the main face follows the document language', () => {
    // Characters whose Hong Kong and mainland shapes differ (說 戶 黃 這 …).
    const differ = '說戶黃這'
    const faceNames = (pdf: Buffer) => pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))

    it('a Cantonese document prints in Noto Sans CJK HK (bold titles too), a Mandarin one in SC', async () => {
      const doc = { content: [{ text: '信訪社會工作服務接案表', bold: true }, differ] }
      expect(faceNames(await renderPdf(doc, { lang: 'yue-HK' })).sort()).toEqual(['NotoSansCJKhk-Bold', 'NotoSansCJKhk-Regular'])
      expect(faceNames(await renderPdf(doc, { lang: 'zh-CN' })).sort()).toEqual(['NotoSansCJKsc-Bold', 'NotoSansCJKsc-Regular'])
      expect(faceNames(await renderPdf(doc)).sort()).toEqual(['NotoSansCJKsc-Bold', 'NotoSansCJKsc-Regular'])
    })

    it('the HK face draws different shapes, and what was typed prints as typed (Simplified stays Simplified)', async () => {
      const pixels = async (lang: string) => decodeGrayPng(renderPages(await renderPdf({ content: [{ text: differ, fontSize: 120 }] }, { lang }), 72)[0])
      expect(diffRatio(await pixels('zh-CN'), await pixels('zh-CN'))).toBe(0)
      expect(diffRatio(await pixels('yue-HK'), await pixels('zh-CN'))).toBeGreaterThan(0.002)
      const typed = '这个说法黄先生 陈𠮶堃 Nguyễn'
      const pdf = await renderPdf({ content: [typed] }, { lang: 'yue-HK' })
      expect(squash(pdfText(pdf))).toBe(squash(typed))
      expect(faceNames(pdf)).toContain('NotoSansCJKhk-Regular')
      expect(faceNames(pdf)).not.toContain('NotoSansCJKsc-Regular')
    })

    it('a part marked with its own language (a sheet in both languages) takes that face', async () => {
      const pdf = await renderPdf({ content: [{ columns: [{ text: differ }, { lang: 'yue-HK', stack: [differ] }] }] } as never, { lang: 'zh-CN' })
      expect(faceNames(pdf).sort()).toEqual(['NotoSansCJKhk-Regular', 'NotoSansCJKsc-Regular'])
    })

    it('the HK and SC subsets cover the same characters (a Cantonese document never prints fewer)', () => {
      const f = loadFonts()
      expect(f.sansHK.covers.size).toBe(f.sans.covers.size)
      expect([...f.sans.covers].filter((c) => !f.sansHK.covers.has(c))).toEqual([])
    })
  })
})
