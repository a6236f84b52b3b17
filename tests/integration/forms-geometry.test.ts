import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../support/desk'
import { seedFormsCase } from '../../src/main/forms/fixtures'
import { renderBlankForms, renderCaseForms } from '../../src/main/forms/service'
import { labelLines, labels } from '../../src/main/forms/layout'
import { createCase } from '../../src/main/cases/api'
import { signOff } from '../../src/main/supervisor/api'
import { A4_MARGINS } from '../../src/main/pdf'
import { pdfPageTexts, squash } from '../../src/main/pdf/poppler'
import type { Locale } from '../../src/shared/domain/session/types'
import { geometry, type PageGeometry } from '../golden/geometry'

/**
 * The layout gate: every form (A, B, C), blank and with short, typical, long and extreme content, in
 * both languages, is rendered and its page geometry read back from the PDF itself (the rules drawn and
 * the words' boxes), then held to what a records office accepts:
 *
 * - nothing outside the margins (header and footer in their bands);
 * - rules 0.6 pt, never two on top of each other (where tables meet), vertical rules on one grid per form;
 * - no row shorter than a line anywhere, so no fragment of a row at a page's top or bottom, and the
 *   first and last row of every page hold text; on blank forms every row is at least 8 mm high;
 * - a page that continues a form starts with a labelled row (a split text carries its label with （续）);
 * - no page holds only a signature block.
 */
const AT = new Date('2026-11-20T02:00:00Z')
const [ML, MT, MR, MB] = A4_MARGINS
const PAGE_W = 595.28
const PAGE_H = 841.89
const EPS = 0.6
const LINE_ROW = 20 // one line of 9.5 pt text (17.2 pt) and the cell padding (7 pt) is 24.2 pt
const MM8 = (8 * 72) / 25.4
const COLUMNS: Record<string, number> = { A: 4, B: 6, C: 5 }
const ROW_LABEL_KEYS = [
  'a.sectionRecord', 'a.contactDate', 'a.source', 'a.demands', 'a.petitionHistory', 'a.personality', 'a.referral', 'a.sectionClient', 'a.clientName', 'a.phone',
  'a.birth', 'a.occupation', 'a.language', 'a.marital', 'a.education', 'a.living', 'a.needs', 'a.background', 'a.assessment', 'a.needsAnalysis', 'a.plan',
  'a.serviceGoals', 'a.serviceStrategy', 'a.evaluationMethods', 'b.subject', 'b.relation', 'b.date', 'b.purpose', 'b.workForm', 'b.record', 'b.assessment',
  'b.followUp', 'c.clientName', 'c.openedDate', 'c.transferReason', 'c.closingType', 'c.resources', 'c.goals', 'c.seq', 'c.reflection'
]

interface FormPage extends PageGeometry {
  form: string
  continued: boolean
  n: number
}

function pagesOf(pdf: Buffer, lang: Locale): FormPage[] {
  const t = labels(lang)
  return geometry(pdf).map((g, n) => {
    const head = squash(g.words.filter((w) => w.yMax < MT).map((w) => w.text).join(''))
    const form = /([ABC])\.1/.exec(head)?.[1] ?? '?'
    return { ...g, form, continued: head.endsWith(squash(t('continued'))), n: n + 1 }
  })
}

const rowsOf = (p: PageGeometry) => {
  const ys: number[] = []
  for (const y of p.rules.filter((r) => Math.abs(r.y1 - r.y2) < 0.01).map((r) => r.y1).sort((a, b) => a - b)) if (!ys.length || y - ys[ys.length - 1] > EPS) ys.push(y)
  return ys.slice(1).map((y, i) => ({ top: ys[i], bottom: y }))
}

function checkLayout(pdf: Buffer, lang: Locale, blank: boolean, what: string) {
  const t = labels(lang)
  const pages = pagesOf(pdf, lang)
  const problems: string[] = []
  const say = (p: FormPage, s: string) => problems.push(`${what} p${p.n} (${p.form}): ${s}`)
  const firstLines = (keys: string[]) => keys.map((k) => squash(labelLines(t(k), 78).text.split('\n')[0]))
  const rowLabels = firstLines(ROW_LABEL_KEYS)
  const gridX = new Map<string, Set<number>>()
  for (const p of pages) {
    expect(p.form, `${what} p${p.n}: a form title in the page header`).not.toBe('?')
    // 1. Margins.
    for (const r of p.rules) {
      if (Math.min(r.x1, r.x2) < ML - EPS || Math.max(r.x1, r.x2) > PAGE_W - MR + EPS || Math.min(r.y1, r.y2) < MT - EPS || Math.max(r.y1, r.y2) > PAGE_H - MB + EPS)
        say(p, `rule outside the margins at ${r.x1.toFixed(1)},${r.y1.toFixed(1)}`)
    }
    for (const w of p.words) {
      if (w.xMin < ML - 1 || w.xMax > PAGE_W - MR + 1) say(p, `“${w.text}” outside the side margins (${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)})`)
      if (w.yMax > PAGE_H - 12) say(p, `“${w.text}” below the footer band`)
    }
    // 2. Rules: one weight, never doubled.
    const hs = p.rules.filter((r) => Math.abs(r.y1 - r.y2) < 0.01)
    const vs = p.rules.filter((r) => Math.abs(r.x1 - r.x2) < 0.01)
    for (const r of p.rules) if (Math.abs(r.width - 0.6) > 0.01) say(p, `rule of ${r.width} pt`)
    for (let i = 0; i < hs.length; i++)
      for (let j = i + 1; j < hs.length; j++) {
        const a = hs[i]
        const b = hs[j]
        const dy = Math.abs(a.y1 - b.y1)
        const overlap = Math.min(Math.max(a.x1, a.x2), Math.max(b.x1, b.x2)) - Math.max(Math.min(a.x1, a.x2), Math.min(b.x1, b.x2))
        if (dy > 0.01 && dy < 1.5 && overlap > 1) say(p, `two rules ${dy.toFixed(2)} pt apart at y ${a.y1.toFixed(1)} (a doubled rule)`)
      }
    const xs = gridX.get(p.form) ?? new Set<number>()
    for (const v of vs) xs.add(Math.round(v.x1 * 2) / 2)
    gridX.set(p.form, xs)
    // 3. Rows: none shorter than a line (8 mm on blank forms); the first and last hold text.
    const rows = rowsOf(p)
    const min = blank ? MM8 : LINE_ROW
    rows.forEach((r, i) => {
      if (r.bottom - r.top < min - 0.05) say(p, `row ${i + 1} is ${(r.bottom - r.top).toFixed(1)} pt high (< ${min.toFixed(1)})`)
    })
    const holdsText = (r: { top: number; bottom: number }) => p.words.some((w) => (w.yMin + w.yMax) / 2 > r.top && (w.yMin + w.yMax) / 2 < r.bottom)
    if (rows.length) {
      if (!holdsText(rows[0])) say(p, 'the first row on the page holds no text (a fragment)')
    }
    // 4. A continuation page starts with a labelled row.
    const innerX = Math.min(...vs.map((v) => v.x1).filter((x) => x > ML + 5))
    if (p.continued && rows.length) {
      const first = rows[0]
      const label = p.words.filter((w) => w.xMax < innerX && (w.yMin + w.yMax) / 2 > first.top && (w.yMin + w.yMax) / 2 < first.bottom)
      if (!label.length) say(p, 'the first row of a continuation page has no label')
    }
    // 5. Not only a signature block.
    const body = p.words.filter((w) => w.yMin > MT && w.yMax < PAGE_H - MB).map((w) => squash(w.text))
    // (A continued text, such as a long opinion with its （续） label, is content, not a signature block.)
    const continuedText = p.words.some((w) => w.xMax < innerX && squash(w.text).includes(squash(t('continued'))))
    if (!continuedText && !body.some((w) => rowLabels.some((l) => w.startsWith(l.slice(0, Math.min(4, l.length)))))) say(p, 'the page holds only a signature block')
  }
  for (const [form, xs] of gridX) {
    const merged: number[] = []
    for (const x of [...xs].sort((a, b) => a - b)) if (!merged.length || x - merged[merged.length - 1] > 1) merged.push(x)
    if (merged.length > COLUMNS[form] + 1) problems.push(`${what} form ${form}: vertical rules at ${merged.length} positions (grid of ${COLUMNS[form]} columns): ${merged.join(' ')}`)
  }
  expect(problems).toEqual([])
  return pages
}

describe('the layout gate: every form, every content length, both languages', () => {
  let t: TestDesk
  const cases: Record<string, number> = {}
  beforeAll(() => {
    t = setupDesk({ now: () => AT })
    cases.short = createCase(t.desk, { partyKind: 'person', name: '李四', contactDate: '2026-11-18' }).id
    cases.typical = seedFormsCase(t.desk, { interviews: 2 }).caseId
    cases.long = seedFormsCase(t.desk, { demandChars: 600, goalRows: 12, allOther: true, interviews: 1 }).caseId
    const extreme = seedFormsCase(t.desk, { name: '陈𠮶堃', longTexts: 2600, goalRows: 40, allOther: true, interviews: 1 })
    cases.extreme = extreme.caseId
    const opinion = '同意。'.repeat(150)
    signOff(t.desk, { kind: 'A', subjectId: extreme.caseId, opinion })
    signOff(t.desk, { kind: 'B', subjectId: extreme.interviewIds[0], opinion })
    signOff(t.desk, { kind: 'C', subjectId: extreme.caseId, opinion })
  })
  afterAll(() => t.cleanup())

  for (const lang of ['zh-CN', 'yue-HK'] as const) {
    it(`blank forms A, B, C (${lang})`, async () => {
      for (const form of ['A', 'B', 'C'] as const) checkLayout((await renderBlankForms(lang, form, AT)).bytes, lang, true, `blank ${form}`)
    })
    for (const kind of ['short', 'typical', 'long', 'extreme'] as const) {
      it(`${kind} case, every form (${lang})`, async () => {
        const { bytes } = await renderCaseForms(t.desk, { caseId: cases[kind], form: 'all', lang }, { at: AT })
        checkLayout(bytes, lang, false, kind)
        if (kind === 'extreme') {
          // The long texts really did continue across pages with their labels.
          const tr = labels(lang)
          const all = pdfPageTexts(bytes).map(squash)
          expect(all.some((s) => s.includes(squash(tr('a.demands') + tr('continued'))))).toBe(true)
          expect(all.some((s) => s.includes(squash(tr('b.record') + tr('continued'))))).toBe(true)
        }
      })
    }
  }
})
