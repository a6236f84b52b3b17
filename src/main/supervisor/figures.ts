import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { followUpState, monthsOf, type FigureRange, type HallFigures } from '@shared/domain/supervisor/figures'
import { CASELOAD_RATIOS } from '@shared/domain/case/caseload'
import { NEEDS, RISK_LEVELS } from '@shared/domain/case/options'
import type { Locale } from '@shared/domain/session/types'
import { translator } from '@shared/i18n/resources'
import type { Desk } from '../desk/desk'
import { caseload } from '../cases/api'
import { A4_CONTENT_WIDTH, A4_MARGINS, RULED, renderPdf } from '../pdf'
import * as q from './figures.sql'

/**
 * The hall's figures (8.2) over a date range (by contact date): caseload per worker against the
 * 8.1 c ratios, cases by 问题/需要 and by 问题属地, new / repeat / collective / irrational visits per
 * month, follow-ups kept on time or overdue, and risk levels of the open cases. Counts only: no name
 * or other personal detail leaves this module.
 */
function hallToday(desk: Desk): string {
  return new Date(desk.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export function hallFigures(desk: Desk, range: FigureRange): HallFigures {
  const orm = desk.db().orm
  const totals = q.rangeTotals(orm, range)
  const needCounts = new Map(q.needCounts(orm, range).map((r) => [r.code, r.count]))
  const byNeed = [...NEEDS.map((code) => ({ code, count: needCounts.get(code) ?? 0 }))].sort((a, b) => b.count - a.count)
  const byLocality = q.localityCounts(orm, range)
  const byMonth = new Map(q.monthCounts(orm, range).map((r) => [r.month, r]))
  const monthly = monthsOf(range).map((month) => byMonth.get(month) ?? { month, newCases: 0, repeat: 0, collective: 0, irrational: 0 })

  const today = hallToday(desk)
  const followUps = { onTime: 0, late: 0, overdue: 0, pending: 0 }
  for (const f of q.followUpsDue(orm, range)) followUps[followUpState(f.dueDate, f.doneOn, today)] += f.count

  const riskRows = new Map(q.openRiskCounts(orm).map((r) => [r.level, r.count]))
  const risk = RISK_LEVELS.map((level) => ({ level, count: riskRows.get(level) ?? 0 }))

  return {
    range,
    generatedAt: desk.now().toISOString(),
    totals,
    caseload: caseload(desk).map((r) => ({
      workerId: r.worker.id,
      workerName: r.worker.displayName,
      rational: r.rational,
      irrational: r.irrational,
      rationalState: r.rationalState,
      irrationalState: r.irrationalState
    })),
    byNeed,
    byLocality,
    monthly,
    followUps,
    risk
  }
}

/** A horizontal bar chart drawn as vectors: label, bar, count — one table row each. */
function bars(rows: { label: string; value: number; mark?: number }[], color = '#2e6b62'): Content {
  const max = Math.max(1, ...rows.map((r) => Math.max(r.value, r.mark ?? 0)))
  const width = A4_CONTENT_WIDTH - 170
  return {
    table: {
      widths: [110, width, 40],
      body: rows.map((r) => [
        { text: r.label, fontSize: 9 },
        {
          canvas: [
            { type: 'rect', x: 0, y: 1, w: Math.max(0.5, (r.value / max) * width), h: 9, color },
            ...(r.mark ? [{ type: 'line' as const, x1: (r.mark / max) * width, y1: -1, x2: (r.mark / max) * width, y2: 12, lineWidth: 1, lineColor: '#b00020' }] : [])
          ]
        },
        { text: String(r.value), alignment: 'right', fontSize: 9 }
      ])
    },
    layout: 'noBorders',
    margin: [0, 2, 0, 8]
  }
}

/** The figures as a PDF report, in either language. */
export async function figuresPdf(desk: Desk, range: FigureRange, locale: Locale): Promise<Buffer> {
  const f = hallFigures(desk, range)
  const t = translator(locale, 'supervisor')
  const tc = translator(locale, 'cases')
  const h = (text: string): Content => ({ text, fontSize: 12, bold: true, margin: [0, 8, 0, 4] })
  const table = (head: string[], body: (string | number)[][], widths: (string | number)[]): Content => ({
    table: { headerRows: 1, widths, body: [head.map((x) => ({ text: x, bold: true, fillColor: '#ececec' })), ...body.map((r) => r.map((c) => String(c)))] },
    layout: RULED,
    fontSize: 9,
    margin: [0, 2, 0, 6]
  })
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: A4_MARGINS,
    defaultStyle: { fontSize: 10 },
    info: { title: t('figures.report.title') },
    footer: (current: number, count: number) => ({ text: `${current} / ${count}`, alignment: 'center', fontSize: 8, margin: [0, 10, 0, 0] }),
    content: [
      { text: t('figures.report.title'), fontSize: 16, bold: true },
      { text: t('figures.report.meta', { from: range.from, to: range.to, who: desk.session?.displayName ?? '', at: f.generatedAt.slice(0, 10) }), margin: [0, 2, 0, 6] },
      table(
        [t('figures.totals.newCases'), t('figures.totals.open'), t('figures.totals.closed')],
        [[f.totals.newCases, f.totals.open, f.totals.closed]],
        ['*', '*', '*']
      ),
      h(t('figures.caseload.title')),
      { text: t('figures.caseload.note', { rMin: CASELOAD_RATIOS.rational.min, rMax: CASELOAD_RATIOS.rational.max, iMin: CASELOAD_RATIOS.irrational.min, iMax: CASELOAD_RATIOS.irrational.max }), fontSize: 8.5, margin: [0, 0, 0, 4] },
      table(
        [t('figures.caseload.worker'), t('figures.caseload.rational'), t('figures.caseload.irrational')],
        f.caseload.map((c) => [c.workerName, `${c.rational} / ${CASELOAD_RATIOS.rational.max} (${t(`figures.caseload.state.${c.rationalState}`)})`, `${c.irrational} / ${CASELOAD_RATIOS.irrational.max} (${t(`figures.caseload.state.${c.irrationalState}`)})`]),
        ['*', '*', '*']
      ),
      h(t('figures.byNeed')),
      bars(f.byNeed.map((n) => ({ label: tc(`options.needs.${n.code}`), value: n.count }))),
      h(t('figures.byLocality')),
      f.byLocality.length ? bars(f.byLocality.map((l) => ({ label: l.locality || t('figures.unknownLocality'), value: l.count })), '#5b7fa6') : { text: t('figures.none') },
      h(t('figures.monthly.title')),
      table(
        [t('figures.monthly.month'), t('figures.monthly.newCases'), t('figures.monthly.repeat'), t('figures.monthly.collective'), t('figures.monthly.irrational')],
        f.monthly.map((m) => [m.month, m.newCases, m.repeat, m.collective, m.irrational]),
        ['*', '*', '*', '*', '*']
      ),
      bars(f.monthly.map((m) => ({ label: m.month, value: m.newCases }))),
      h(t('figures.followUps.title')),
      bars(
        (['onTime', 'late', 'overdue', 'pending'] as const).map((k) => ({ label: t(`figures.followUps.${k}`), value: f.followUps[k] })),
        '#7a6a2e'
      ),
      h(t('figures.risk.title')),
      bars(f.risk.map((r) => ({ label: tc(`options.risk.${r.level}`), value: r.count })), '#a64b2a')
    ]
  }
  return renderPdf(doc, { refuseMissing: false, lang: locale })
}
