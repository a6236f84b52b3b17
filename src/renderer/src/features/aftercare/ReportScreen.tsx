import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { percent, type Rate } from '@shared/domain/aftercare/outcomes'
import type { Locale } from '@shared/domain/session/types'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { Field } from '../../ui/Field'
import { deliverPdf } from '../../ui/pdf-output'
import { deliverFile } from './deliver-file'
import type { KeysUnder } from '@shared/i18n/keys'
import './aftercare.css'

const thisMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)
const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : null)

/**
 * Supervisors: the monthly report of the hall (8.2 c) — satisfaction, repeat and irrational rates,
 * return visits done, time to the result, referral completion, and the twelve months behind them;
 * downloaded as a PDF with charts or as an XLSX workbook, in either language.
 */
export function ReportScreen() {
  const { t, i18n } = useTranslation()
  const [month, setMonth] = useState(thisMonth())
  const [locale, setLocale] = useState<Locale>((i18n.language as Locale) ?? 'zh-CN')
  const [done, setDone] = useState<string | null>(null)
  const report = useLoad(() => call('report.monthly', { month }), [month])
  const c = useCall()
  const r = report.value
  const pdf = async (action: 'save' | 'print') => {
    setDone(null)
    const res = await c.run(() => call('report.monthlyPdf', { month, locale, action }))
    if (res) {
      await deliverPdf(res, action)
      setDone(t('aftercare:report.done', { name: res.fileName }))
    }
  }
  const xlsx = async () => {
    setDone(null)
    const res = await c.run(() => call('report.monthlyXlsx', { month, locale }))
    if (res) {
      const how = deliverFile(res)
      if (how !== 'cancelled') setDone(t('aftercare:report.done', { name: res.fileName }))
    }
  }
  const kpi = (key: KeysUnder<'aftercare', 'report.kpi'>, x: Rate | null, extra?: string) => (
    <div className="kpi" key={key}>
      <div className="kpi-label">{t(`aftercare:report.kpi.${key}`)}</div>
      <div className="kpi-value">{x ? percent(x) : '—'}</div>
      <div className="kpi-detail">{x ? t('aftercare:report.nOf', { n: x.n, of: x.of }) : (extra ?? '')}</div>
    </div>
  )
  const trend = (r?.trend ?? []).map((m) => ({
    month: m.month.slice(2),
    newCases: m.newCases,
    closed: m.closed,
    satisfaction: pct(m.satisfied, m.rated),
    repeat: pct(m.repeat, m.newCases),
    irrational: pct(m.irrational, m.newCases)
  }))
  return (
    <div className="page aftercare">
      <h1>{t('aftercare:report.screenTitle')}</h1>
      <p className="sv-small">{t('aftercare:report.intro')}</p>
      <div className="sv-filters">
        <Field label={t('aftercare:report.month')}>{(id) => <input id={id} type="month" value={month} max={thisMonth()} onChange={(e) => e.target.value && setMonth(e.target.value)} />}</Field>
        <Field label={t('aftercare:report.language')}>
          {(id) => (
            <select id={id} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
              <option value="zh-CN">{t('common:language.zh-CN')}</option>
              <option value="yue-HK">{t('common:language.yue-HK')}</option>
            </select>
          )}
        </Field>
        <div className="button-row">
          <button type="button" className="primary" onClick={() => void pdf('save')} disabled={c.busy}>
            {t('aftercare:report.downloadPdf')}
          </button>
          <button type="button" onClick={() => void pdf('print')} disabled={c.busy}>
            {t('common:actions.print')}
          </button>
          <button type="button" onClick={() => void xlsx()} disabled={c.busy}>
            {t('aftercare:report.downloadXlsx')}
          </button>
        </div>
      </div>
      {done ? <p role="status">{done}</p> : null}
      <ErrorText error={c.error} />
      <ErrorText error={report.error} kind="read" onRetry={report.reload} />
      {r ? (
        <>
          <div className="kpis">
            <div className="kpi">
              <div className="kpi-label">{t('aftercare:report.kpi.newCases')}</div>
              <div className="kpi-value">{r.hallFigures.totals.newCases}</div>
            </div>
            {kpi('satisfaction', r.outcomes.satisfaction)}
            {kpi('visitsDone', r.outcomes.visitsDone)}
            {kpi('repeatRate', r.outcomes.repeatRate)}
            {kpi('irrationalRate', r.outcomes.irrationalRate)}
            {kpi('petitionedAgain', r.outcomes.petitionedAgain)}
            <div className="kpi">
              <div className="kpi-label">{t(r.outcomes.daysToRelay.source === 'relayed' ? 'aftercare:report.kpi.daysToRelay' : 'aftercare:report.kpi.daysToClose')}</div>
              <div className="kpi-value">{r.outcomes.daysToRelay.median == null ? '—' : t('aftercare:report.days', { n: r.outcomes.daysToRelay.median })}</div>
              <div className="kpi-detail">{t('aftercare:report.cases', { n: r.outcomes.daysToRelay.count })}</div>
            </div>
            {kpi('referralCompletion', r.outcomes.referralCompletion, t('aftercare:report.noLedger'))}
          </div>
          <div className="sv-charts">
            <figure>
              <figcaption>{t('aftercare:report.charts.volume')}</figcaption>
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="newCases" name={t('aftercare:report.series.newCases')} fill="#2e6b62" />
                  <Bar dataKey="closed" name={t('aftercare:report.series.closed')} fill="#9bb7d4" />
                </BarChart>
              </ResponsiveContainer>
            </figure>
            <figure>
              <figcaption>{t('aftercare:report.charts.rates')}</figcaption>
              <ResponsiveContainer width="100%" height={220}>
                <LineChart data={trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Line dataKey="satisfaction" name={t('aftercare:report.series.satisfaction')} stroke="#2e6b62" connectNulls={false} />
                  <Line dataKey="repeat" name={t('aftercare:report.series.repeat')} stroke="#a64b2a" strokeDasharray="4 3" />
                  <Line dataKey="irrational" name={t('aftercare:report.series.irrational')} stroke="#7a6a2e" />
                </LineChart>
              </ResponsiveContainer>
            </figure>
          </div>
          <h2>{t('aftercare:report.charts.questions')}</h2>
          <table className="sv-table">
            <tbody>
              {r.outcomes.byQuestion.map((q) => (
                <tr key={q.question}>
                  <td>{t(`aftercare:returnVisit.questions.${q.question}`)}</td>
                  <td>{percent(q.rate)}</td>
                  <td className="muted">{t('aftercare:report.nOf', { n: q.rate.n, of: q.rate.of })}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{t('report.questionsNote', { ns: 'aftercare' })}</p>
        </>
      ) : null}
    </div>
  )
}
