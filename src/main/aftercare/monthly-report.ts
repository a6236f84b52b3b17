import ExcelJS from 'exceljs'
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces'
import { percent, type OutcomeFigures, type Rate } from '@shared/domain/aftercare/outcomes'
import { addMonths, daysInMonth, isoDateAtOffset } from '@shared/domain/dates/calendar'
import type { HallFigures } from '@shared/domain/supervisor/figures'
import type { Locale } from '@shared/domain/session/types'
import { translator } from '@shared/i18n/resources'
import type { KeyIn, KeysUnder } from '@shared/i18n/keys'
import type { Desk } from '../desk/desk'
import { A4_CONTENT_WIDTH, A4_MARGINS, RULED, renderPdf } from '../pdf'
import { getSetting } from '../settings/settings'
import { hallFigures } from '../supervisor/figures'
import { barList, columnChart, lineChart } from './charts'
import { monthlyOutcomes, outcomeFigures } from './outcomes'

/**
 * The hall's monthly report (8.2 c 定期提交数据分析报告; 7.1.5; 8.3 b): the month's figures and the
 * twelve months up to it, as a PDF with charts for a director and as an XLSX workbook of the same
 * numbers, in either language. Counts and rates only: no name or other personal detail.
 */
export interface MonthlyReport {
  month: string
  hall: string
  generatedAt: string
  hallFigures: HallFigures
  outcomes: OutcomeFigures
  /** The twelve months ending with `month`. */
  trend: OutcomeFigures['monthly']
}

export function monthRange(month: string, today: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number)
  const last = `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`
  return { from: `${month}-01`, to: last < today ? last : today }
}

export function monthlyReport(desk: Desk, month: string): MonthlyReport {
  const today = isoDateAtOffset(desk.now())
  const range = monthRange(month, today)
  const trendRange = { from: addMonths(`${month}-01`, -11), to: range.to }
  // The trend needs the counts per month only (not rates, referrals or times over twelve months).
  const trend = monthlyOutcomes(desk, trendRange)
  return {
    month,
    hall: getSetting<string>(desk, 'orgName') || '',
    generatedAt: desk.now().toISOString(),
    hallFigures: hallFigures(desk, range),
    outcomes: outcomeFigures(desk, range),
    trend
  }
}

/** The figures a report leads with, in order: label key, the rate or number, its n / of. */
function headline(r: MonthlyReport, t: (k: KeyIn<'aftercare'>, p?: Record<string, string | number>) => string) {
  const o = r.outcomes
  const rateRow = (key: KeysUnder<'aftercare', 'report.kpi'>, x: Rate) => ({ label: t(`report.kpi.${key}`), value: percent(x), detail: t('report.nOf', { n: x.n, of: x.of }) })
  return [
    { label: t('report.kpi.newCases'), value: String(r.hallFigures.totals.newCases), detail: '' },
    { label: t('report.kpi.closed'), value: String(o.monthly.reduce((a, m) => a + m.closed, 0)), detail: '' },
    rateRow('satisfaction', o.satisfaction),
    rateRow('visitsDone', o.visitsDone),
    rateRow('repeatRate', o.repeatRate),
    rateRow('irrationalRate', o.irrationalRate),
    {
      label: t(o.daysToRelay.source === 'relayed' ? 'report.kpi.daysToRelay' : 'report.kpi.daysToClose'),
      value: o.daysToRelay.median == null ? '—' : t('report.days', { n: o.daysToRelay.median }),
      detail: t('report.cases', { n: o.daysToRelay.count })
    },
    o.referralCompletion ? rateRow('referralCompletion', o.referralCompletion) : { label: t('report.kpi.referralCompletion'), value: '—', detail: t('report.noLedger') }
  ]
}

const monthLabel = (m: string) => `${Number(m.slice(5, 7))}/${m.slice(2, 4)}`
const pct = (n: number, of: number) => (of > 0 ? (n / of) * 100 : Number.NaN)

export async function monthlyReportPdf(desk: Desk, month: string, locale: Locale): Promise<Buffer> {
  const r = monthlyReport(desk, month)
  const t = translator(locale, 'aftercare')
  const tc = translator(locale, 'cases')
  const ts = translator(locale, 'supervisor')
  const [y, m] = month.split('-').map(Number)
  const h = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 10, 0, 4] })
  const note = (text: string): Content => ({ text, fontSize: 8, color: '#444444', margin: [0, 0, 0, 4] })
  const kpis = headline(r, t)
  const tile = (k: (typeof kpis)[number]): TableCell => ({
    stack: [
      { text: k.label, fontSize: 8.5, color: '#333333' },
      { text: k.value, fontSize: 16, bold: true, margin: [0, 2, 0, 0] },
      { text: k.detail || ' ', fontSize: 7.5, color: '#555555' }
    ],
    margin: [2, 2, 2, 2]
  }) as TableCell
  const labels = r.trend.map((x) => monthLabel(x.month))
  const o = r.outcomes
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    defaultStyle: { fontSize: 10 },
    info: { title: t('report.title', { year: y, month: m }) },
    footer: (current: number, count: number) => ({ text: `${current} / ${count}`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
    content: [
      { text: [r.hall, t('report.title', { year: y, month: m })].filter(Boolean).join(' · '), fontSize: 16, bold: true },
      {
        text: t('report.meta', { from: o.range.from, to: o.range.to, who: desk.session?.displayName ?? '', at: isoDateAtOffset(new Date(r.generatedAt)) }),
        fontSize: 9,
        margin: [0, 2, 0, 8]
      },
      {
        table: { widths: ['*', '*', '*', '*'], body: [kpis.slice(0, 4).map(tile), kpis.slice(4, 8).map(tile)] },
        layout: RULED
      },
      h(t('report.charts.volume')),
      columnChart({
        labels,
        width: A4_CONTENT_WIDTH,
        series: [
          { label: t('report.series.newCases'), color: '#2e6b62', values: r.trend.map((x) => x.newCases) },
          { label: t('report.series.closed'), color: '#9bb7d4', values: r.trend.map((x) => x.closed) }
        ]
      }),
      h(t('report.charts.rates')),
      lineChart({
        labels,
        width: A4_CONTENT_WIDTH,
        max: 100,
        format: (v) => `${Math.round(v)}%`,
        series: [
          { label: t('report.series.satisfaction'), color: '#2e6b62', values: r.trend.map((x) => pct(x.satisfied, x.rated)) },
          { label: t('report.series.repeat'), color: '#a64b2a', values: r.trend.map((x) => pct(x.repeat, x.newCases)), dashed: true },
          { label: t('report.series.irrational'), color: '#7a6a2e', values: r.trend.map((x) => pct(x.irrational, x.newCases)) }
        ]
      }),
      note(t('report.ratesNote')),
      h(t('report.charts.questions')),
      barList(
        o.byQuestion.map((q) => ({ label: t(`returnVisit.questionsShort.${q.question}`), value: (q.rate.rate ?? 0) * 100, display: percent(q.rate, 0) })),
        A4_CONTENT_WIDTH,
        '#2e6b62',
        100
      ),
      note(t('report.questionsNote')),
      h(t('report.charts.matters')),
      barList(
        r.hallFigures.byNeed.filter((n) => n.count > 0).map((n) => ({ label: tc(`options.needs.${n.code}`), value: n.count })),
        A4_CONTENT_WIDTH,
        '#5b7fa6'
      ),
      ...(r.hallFigures.byLocality.length
        ? [h(t('report.charts.localities')), barList(r.hallFigures.byLocality.slice(0, 10).map((l) => ({ label: l.locality || ts('figures.unknownLocality'), value: l.count })), A4_CONTENT_WIDTH, '#8a7a9e')]
        : []),
      h(t('report.trendTable')),
      {
        table: {
          headerRows: 1,
          widths: ['*', '*', '*', '*', '*', '*', '*'],
          body: [
            (['month', 'newCases', 'closed', 'repeat', 'irrational', 'visits', 'satisfaction'] as const).map((k) => ({ text: t(`report.columns.${k}`), bold: true, fillColor: '#ececec', fontSize: 8.5 })),
            ...r.trend.map((x) =>
              [x.month, x.newCases, x.closed, x.repeat, x.irrational, x.visits, x.rated ? `${Math.round(pct(x.satisfied, x.rated))}%` : '—'].map((v) => ({ text: String(v), fontSize: 8.5 }))
            )
          ]
        },
        layout: RULED
      },
      h(t('report.definitions.title')),
      ...(['satisfaction', 'repeatRate', 'irrationalRate', 'visitsDone', 'daysToRelay', 'referralCompletion'] as const).map((k) => note(t(`report.definitions.${k}`)))
    ]
  }
  return renderPdf(doc, { refuseMissing: false })
}

/** The same figures as a workbook: one sheet each, numbers as numbers, rates as fractions formatted as %. */
export async function monthlyReportXlsx(desk: Desk, month: string, locale: Locale): Promise<Buffer> {
  const r = monthlyReport(desk, month)
  const t = translator(locale, 'aftercare')
  const tc = translator(locale, 'cases')
  const ts = translator(locale, 'supervisor')
  const [y, m] = month.split('-').map(Number)
  const wb = new ExcelJS.Workbook()
  wb.created = new Date(r.generatedAt)
  wb.title = t('report.title', { year: y, month: m })
  const head = (ws: ExcelJS.Worksheet, cols: { key: string; header: string; width: number; pct?: boolean }[]) => {
    ws.columns = cols.map((c) => ({ key: c.key, header: c.header, width: c.width, style: c.pct ? { numFmt: '0.0%' } : {} }))
    ws.getRow(1).font = { bold: true }
    ws.views = [{ state: 'frozen', ySplit: 1 }]
  }
  const o = r.outcomes
  const summary = wb.addWorksheet(t('report.sheets.summary'))
  head(summary, [
    { key: 'label', header: t('report.columns.figure'), width: 32 },
    { key: 'value', header: t('report.columns.value'), width: 14 },
    { key: 'n', header: t('report.columns.n'), width: 10 },
    { key: 'of', header: t('report.columns.of'), width: 10 }
  ])
  summary.addRow({ label: t('report.columns.hall'), value: r.hall })
  summary.addRow({ label: t('report.columns.range'), value: `${o.range.from} – ${o.range.to}` })
  summary.addRow({ label: t('report.kpi.newCases'), value: r.hallFigures.totals.newCases })
  summary.addRow({ label: t('report.kpi.closed'), value: o.monthly.reduce((a, x) => a + x.closed, 0) })
  const rateRow = (key: KeysUnder<'aftercare', 'report.kpi'>, x: Rate | null) => {
    const row = summary.addRow({ label: t(`report.kpi.${key}`), value: x?.rate ?? null, n: x?.n ?? null, of: x?.of ?? null })
    row.getCell('value').numFmt = '0.0%'
  }
  rateRow('satisfaction', o.satisfaction)
  rateRow('visitsDone', o.visitsDone)
  rateRow('repeatRate', o.repeatRate)
  rateRow('petitionedAgain', o.petitionedAgain)
  rateRow('irrationalRate', o.irrationalRate)
  rateRow('referralCompletion', o.referralCompletion)
  summary.addRow({
    label: t(o.daysToRelay.source === 'relayed' ? 'report.kpi.daysToRelay' : 'report.kpi.daysToClose'),
    value: o.daysToRelay.median,
    n: o.daysToRelay.count
  })

  const trend = wb.addWorksheet(t('report.sheets.trend'))
  head(trend, [
    { key: 'month', header: t('report.columns.month'), width: 10 },
    { key: 'newCases', header: t('report.columns.newCases'), width: 12 },
    { key: 'closed', header: t('report.columns.closed'), width: 12 },
    { key: 'repeat', header: t('report.columns.repeat'), width: 12 },
    { key: 'irrational', header: t('report.columns.irrational'), width: 12 },
    { key: 'visits', header: t('report.columns.visits'), width: 12 },
    { key: 'satisfaction', header: t('report.columns.satisfaction'), width: 12, pct: true }
  ])
  for (const x of r.trend) trend.addRow({ ...x, satisfaction: x.rated ? x.satisfied / x.rated : null })

  const questions = wb.addWorksheet(t('report.sheets.questions'))
  head(questions, [
    { key: 'q', header: t('report.columns.question'), width: 48 },
    { key: 'rate', header: t('report.columns.value'), width: 12, pct: true },
    { key: 'n', header: t('report.columns.n'), width: 10 },
    { key: 'of', header: t('report.columns.of'), width: 10 }
  ])
  for (const q of o.byQuestion) questions.addRow({ q: t(`returnVisit.questions.${q.question}`), rate: q.rate.rate, n: q.rate.n, of: q.rate.of })

  const matters = wb.addWorksheet(t('report.sheets.matters'))
  head(matters, [
    { key: 'label', header: t('report.columns.matter'), width: 20 },
    { key: 'count', header: t('report.columns.count'), width: 10 }
  ])
  for (const n of r.hallFigures.byNeed) matters.addRow({ label: tc(`options.needs.${n.code}`), count: n.count })
  const places = wb.addWorksheet(t('report.sheets.localities'))
  head(places, [
    { key: 'label', header: t('report.columns.locality'), width: 30 },
    { key: 'count', header: t('report.columns.count'), width: 10 }
  ])
  for (const l of r.hallFigures.byLocality) places.addRow({ label: l.locality || ts('figures.unknownLocality'), count: l.count })

  const defs = wb.addWorksheet(t('report.definitions.title'))
  defs.columns = [{ key: 'text', width: 120 }]
  for (const k of ['satisfaction', 'repeatRate', 'irrationalRate', 'visitsDone', 'daysToRelay', 'referralCompletion'] as const) defs.addRow({ text: t(`report.definitions.${k}`) })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
