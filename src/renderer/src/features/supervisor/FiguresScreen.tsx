import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CASELOAD_RATIOS } from '@shared/domain/case/caseload'
import type { Locale } from '@shared/domain/session/types'
import { presetRange, type FigureRange, type HallFigures } from '@shared/domain/supervisor/figures'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { deliverPdf } from '../../ui/pdf-output'
import { tk } from '../../app/i18n'
import './supervisor.css'

const PRESETS = ['thisMonth', 'last3Months', 'thisYear', 'last12Months'] as const
const COLORS = { a: '#2e6b62', b: '#5b7fa6', c: '#a64b2a', d: '#7a6a2e' }

function hallToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Supervisors: the hall's figures (8.2) for a date range, as charts, and as a PDF report in either language. */
export function FiguresScreen() {
  const { t, i18n } = useTranslation()
  const [range, setRange] = useState<FigureRange>(() => presetRange('last3Months', hallToday()))
  const [form, setForm] = useState(range)
  const [figures, setFigures] = useState<HallFigures | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [pdfLocale, setPdfLocale] = useState<Locale>((i18n.language as Locale) ?? 'zh-CN')
  const [note, setNote] = useState<string | null>(null)

  useEffect(() => {
    void desk.invoke('figures.get', range).then((r) => (r.ok ? (setFigures(r.value), setError(null)) : setError(r)))
  }, [range])

  const apply = (e: FormEvent) => {
    e.preventDefault()
    setRange(form)
  }
  const preset = (p: (typeof PRESETS)[number]) => {
    const r = presetRange(p, hallToday())
    setForm(r)
    setRange(r)
  }
  const exportPdf = async (action: 'save' | 'print') => {
    setNote(null)
    const res = await desk.invoke('figures.pdf', { ...range, locale: pdfLocale, action })
    if (!res.ok) return setError(res)
    await deliverPdf(res.value, action)
    setNote(t('supervisor:figures.pdf.done', { pages: res.value.pages }))
  }

  const f = figures
  return (
    <div className="page">
      <h1>{t('supervisor:figures.title')}</h1>
      <p className="sv-small">{t('supervisor:figures.intro')}</p>
      <form className="sv-filters" onSubmit={apply}>
        <div className="field">
          <label htmlFor="fg-from">{t('supervisor:figures.from')}</label>
          <input id="fg-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} required />
        </div>
        <div className="field">
          <label htmlFor="fg-to">{t('supervisor:figures.to')}</label>
          <input id="fg-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} required />
        </div>
        <button type="submit" className="primary">
          {t('supervisor:figures.apply')}
        </button>
        <div className="button-row">
          {PRESETS.map((p) => (
            <button key={p} type="button" onClick={() => preset(p)}>
              {t(`supervisor:figures.presets.${p}`)}
            </button>
          ))}
        </div>
        <div className="button-row">
          <select aria-label={t('supervisor:figures.pdf.language')} value={pdfLocale} onChange={(e) => setPdfLocale(e.target.value as Locale)}>
            <option value="zh-CN">{t('common:language.zh-CN')}</option>
            <option value="yue-HK">{t('common:language.yue-HK')}</option>
          </select>
          <button type="button" onClick={() => void exportPdf('save')}>
            {t('supervisor:figures.pdf.save')}
          </button>
          <button type="button" onClick={() => void exportPdf('print')}>
            {t('supervisor:figures.pdf.print')}
          </button>
        </div>
      </form>
      {note ? <p role="status">{note}</p> : null}
      <ErrorText error={error} />
      {f ? (
        <>
          <p className="sv-banner ok" data-testid="figures-totals">
            {t('supervisor:figures.totals.newCases')} <strong>{f.totals.newCases}</strong> · {t('supervisor:figures.totals.open')} <strong>{f.totals.open}</strong> ·{' '}
            {t('supervisor:figures.totals.closed')} <strong>{f.totals.closed}</strong>
          </p>
          <div className="sv-charts">
            <Chart title={t('supervisor:figures.caseload.title')} note={t('supervisor:figures.caseload.note', { rMin: CASELOAD_RATIOS.rational.min, rMax: CASELOAD_RATIOS.rational.max, iMin: CASELOAD_RATIOS.irrational.min, iMax: CASELOAD_RATIOS.irrational.max })}>
              <BarChart data={f.caseload} margin={{ left: 0, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="workerName" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <ReferenceLine y={CASELOAD_RATIOS.rational.max} stroke="#b00020" strokeDasharray="4 2" />
                <ReferenceLine y={CASELOAD_RATIOS.irrational.max} stroke="#b00020" />
                <Bar dataKey="rational" name={t('supervisor:figures.caseload.rational')} fill={COLORS.a} />
                <Bar dataKey="irrational" name={t('supervisor:figures.caseload.irrational')} fill={COLORS.c} />
              </BarChart>
            </Chart>
            <Chart title={t('supervisor:figures.monthly.title')}>
              <BarChart data={f.monthly} margin={{ left: 0, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="month" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Legend />
                <Bar dataKey="newCases" name={t('supervisor:figures.monthly.newCases')} fill={COLORS.a} />
                <Bar dataKey="repeat" name={t('supervisor:figures.monthly.repeat')} fill={COLORS.b} />
                <Bar dataKey="collective" name={t('supervisor:figures.monthly.collective')} fill={COLORS.d} />
                <Bar dataKey="irrational" name={t('supervisor:figures.monthly.irrational')} fill={COLORS.c} />
              </BarChart>
            </Chart>
            <Chart title={t('supervisor:figures.byNeed')}>
              <BarChart data={f.byNeed.map((n) => ({ name: tk(t, `cases:options.needs.${n.code}`), count: n.count }))} layout="vertical" margin={{ left: 24, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={110} />
                <Tooltip />
                <Bar dataKey="count" fill={COLORS.a} />
              </BarChart>
            </Chart>
            <Chart title={t('supervisor:figures.byLocality')}>
              <BarChart
                data={f.byLocality.map((l) => ({ name: l.locality || t('supervisor:figures.unknownLocality'), count: l.count }))}
                layout="vertical"
                margin={{ left: 24, right: 16 }}
              >
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={110} />
                <Tooltip />
                <Bar dataKey="count" fill={COLORS.b} />
              </BarChart>
            </Chart>
            <Chart title={t('supervisor:figures.followUps.title')}>
              <BarChart data={(['onTime', 'late', 'overdue', 'pending'] as const).map((k) => ({ name: t(`supervisor:figures.followUps.${k}`), count: f.followUps[k] }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" fill={COLORS.d} />
              </BarChart>
            </Chart>
            <Chart title={t('supervisor:figures.risk.title')}>
              <BarChart data={f.risk.map((r) => ({ name: tk(t, `cases:options.risk.${r.level}`), count: r.count }))}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="count" fill={COLORS.c} />
              </BarChart>
            </Chart>
          </div>
        </>
      ) : null}
    </div>
  )
}

function Chart({ title, note, children }: { title: string; note?: string; children: React.ReactElement }) {
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {note ? <p className="sv-small">{note}</p> : null}
      <div className="sv-chart">
        <ResponsiveContainer width="100%" height="100%">
          {children}
        </ResponsiveContainer>
      </div>
    </section>
  )
}
