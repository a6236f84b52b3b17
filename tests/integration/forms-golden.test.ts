import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../support/desk'
import { seedFormsCase, type DemoCase } from '../../src/main/forms/fixtures'
import { renderCaseForms } from '../../src/main/forms/service'
import { decodeGrayPng, diffRatio, renderPages } from '../golden/compare'

/**
 * Golden renders of a fixed demo case (fixed data, fixed printed-at time) at 50 dpi, per page, both
 * languages. An unintended layout change fails here; after an intended one, regenerate with
 * `UPDATE_GOLDEN=1 npx vitest run tests/integration/forms-golden.test.ts` and look at the PNGs.
 */
const DIR = resolve(__dirname, '../golden')
const AT = new Date('2026-11-20T02:00:00Z')
const TOLERANCE = 0.004 // share of pixels allowed to differ (font rasterising noise across poppler builds)
const update = process.env.UPDATE_GOLDEN === '1'

describe('golden renders of the printed forms', () => {
  let t: TestDesk
  let demo: DemoCase
  beforeAll(() => {
    t = setupDesk({ now: () => AT })
    demo = seedFormsCase(t.desk, { name: '陈𠮶堃', demandChars: 600, goalRows: 12, allOther: true, interviews: 1 })
  })
  afterAll(() => t.cleanup())

  for (const lang of ['zh-CN', 'yue-HK'] as const) {
    it(`whole case, ${lang}`, async () => {
      const { bytes } = await renderCaseForms(t.desk, { caseId: demo.caseId, form: 'all', lang }, { at: AT })
      const pages = renderPages(bytes, 50)
      if (update) {
        mkdirSync(DIR, { recursive: true })
        pages.forEach((png, i) => writeFileSync(join(DIR, `case-${lang}-p${i + 1}.png`), png))
        writeFileSync(join(DIR, `case-${lang}.pages`), String(pages.length))
        return
      }
      const expected = Number(readFileSync(join(DIR, `case-${lang}.pages`), 'utf8'))
      expect(pages.length).toBe(expected)
      pages.forEach((png, i) => {
        const file = join(DIR, `case-${lang}-p${i + 1}.png`)
        expect(existsSync(file), file).toBe(true)
        const ratio = diffRatio(decodeGrayPng(png), decodeGrayPng(readFileSync(file)))
        expect(ratio, `page ${i + 1} differs from ${file}`).toBeLessThan(TOLERANCE)
      })
    })
  }
})

describe('golden comparison', () => {
  it('fails when a page differs (a different page against a golden)', () => {
    const a = decodeGrayPng(readFileSync(join(DIR, 'case-zh-CN-p1.png')))
    const b = decodeGrayPng(readFileSync(join(DIR, 'case-zh-CN-p2.png')))
    expect(diffRatio(a, a)).toBe(0)
    expect(diffRatio(a, b)).toBeGreaterThan(TOLERANCE)
  })
})
