import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CASE_FLAGS, CASE_SORTS, DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, PERSONAL_COLUMNS, type CaseFlag, type CaseSort, type ExportColumn } from '@shared/domain/archive/types'
import { CASE_STATUSES, RISK_LEVELS, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import { DIVERSION_ROUTES, type DiversionRoute } from '@shared/domain/screening/rules'
import type { Locale } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { failureOf } from '@shared/ipc/failure'
import { call } from '../../app/desk-client'
import { useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { bytesOf, downloadFile } from '../../ui/download'
import './archive.css'

interface Filter {
  status?: 'open' | 'closed' | CaseStatus
  workerId?: number
  from?: string
  to?: string
  minRisk?: RiskLevel
  route?: DiversionRoute
  flags: CaseFlag[]
  sort: CaseSort
  desc: boolean
}

/** 个案登记册: the hall's case list with filters and sorting, exported as CSV or XLSX (nothing personal unless chosen). */
export function RegisterScreen() {
  const { t, i18n } = useTranslation(['archive', 'cases', 'people'])
  const [draft, setDraft] = useState<Filter>({ flags: [], sort: 'caseNo', desc: false })
  const [filter, setFilter] = useState<Filter>(draft)
  const list = useLoad(() => call('archive.cases', { ...filter, limit: 200 }), [filter])
  const workers = useLoad(() => call('cases.workers', {}), [])
  const set = <K extends keyof Filter>(k: K, v: Filter[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const [format, setFormat] = useState<'csv' | 'xlsx'>('xlsx')
  const [columns, setColumns] = useState<ExportColumn[]>([...DEFAULT_EXPORT_COLUMNS])
  const [exported, setExported] = useState<{ rows: number; fileName: string } | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const exportNow = async () => {
    setError(null)
    setExported(null)
    try {
      const r = await call('archive.export', { filter: { ...filter }, format, columns: EXPORT_COLUMNS.filter((c) => columns.includes(c)), lang: (i18n.language as Locale) ?? 'zh-CN' })
      if (r.mode === 'bytes') downloadFile(r.fileName, bytesOf(r.base64), r.mime)
      if (r.mode === 'bytes' || r.outcome === 'saved') setExported({ rows: r.rows, fileName: r.fileName })
    } catch (e) {
      setError(failureOf(e))
    }
  }
  const tick = (c: ExportColumn) => setColumns((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : [...cs, c]))
  const flagOn = (f: CaseFlag) => set('flags', draft.flags.includes(f) ? draft.flags.filter((x) => x !== f) : [...draft.flags, f])
  const opt = (v: string) => v || undefined

  return (
    <div className="page archive">
      <h1>{t('register.title')}</h1>
      <p className="muted">{t('register.intro')}</p>
      <form
        className="archive-filters"
        onSubmit={(e) => {
          e.preventDefault()
          setFilter(draft)
        }}
      >
        <label>
          {t('register.status')}{' '}
          <select value={draft.status ?? ''} onChange={(e) => set('status', opt(e.target.value) as Filter['status'])}>
            <option value="">{t('register.any')}</option>
            <option value="open">{t('register.statusOpen')}</option>
            <option value="closed">{t('register.statusClosed')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`cases:options.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('register.worker')}{' '}
          <select value={draft.workerId ?? ''} onChange={(e) => set('workerId', e.target.value ? Number(e.target.value) : undefined)}>
            <option value="">{t('register.any')}</option>
            {(workers.value ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('register.from')} <input type="date" value={draft.from ?? ''} onChange={(e) => set('from', opt(e.target.value))} />
        </label>
        <label>
          {t('register.to')} <input type="date" value={draft.to ?? ''} onChange={(e) => set('to', opt(e.target.value))} />
        </label>
        <label>
          {t('register.minRisk')}{' '}
          <select value={draft.minRisk ?? ''} onChange={(e) => set('minRisk', opt(e.target.value) as RiskLevel | undefined)}>
            <option value="">{t('register.any')}</option>
            {RISK_LEVELS.filter((r) => r !== 'none').map((r) => (
              <option key={r} value={r}>
                {t(`cases:options.risk.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('register.route')}{' '}
          <select value={draft.route ?? ''} onChange={(e) => set('route', opt(e.target.value) as DiversionRoute | undefined)}>
            <option value="">{t('register.any')}</option>
            {DIVERSION_ROUTES.map((r) => (
              <option key={r} value={r}>
                {t(`cases:routes.${r}.label`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="options">
          <legend>{t('register.flags')}</legend>
          {CASE_FLAGS.map((f) => (
            <label key={f} className="option">
              <input type="checkbox" checked={draft.flags.includes(f)} onChange={() => flagOn(f)} />
              {t(`flags.${f}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('register.sort')}{' '}
          <select value={draft.sort} onChange={(e) => set('sort', e.target.value as CaseSort)}>
            {CASE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="option">
          <input type="checkbox" checked={draft.desc} onChange={(e) => set('desc', e.target.checked)} />
          {t('register.desc')}
        </label>
        <button type="submit" className="primary">
          {t('register.apply')}
        </button>
      </form>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      {list.value ? (
        <>
          <p className="muted" aria-live="polite">
            {t('register.total', { count: list.value.total })}
          </p>
          {list.value.rows.length === 0 ? (
            <p className="muted">{t('register.empty')}</p>
          ) : (
            <table className="table archive-table">
              <thead>
                <tr>
                  {(['caseNo', 'name', 'status', 'riskLevel', 'worker', 'contactDate', 'closedDate', 'route', 'flags'] as const).map((c) => (
                    <th key={c}>{t(`columns.${c}`)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {list.value.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="mono">{r.caseNo}</td>
                    <td>{r.masked ? <span className="tag">{t('people:confidential.maskedLine')}</span> : r.name}</td>
                    <td>{t(`cases:options.status.${r.status}`)}</td>
                    <td>{t(`cases:options.risk.${r.riskLevel}`)}</td>
                    <td>{r.worker?.displayName ?? ''}</td>
                    <td>{r.contactDate}</td>
                    <td>{r.closedDate}</td>
                    <td>{r.route ? t(`cases:routes.${r.route}.label`) : ''}</td>
                    <td>{r.flags.map((f) => t(`flags.${f}`)).join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      ) : null}

      <section className="archive-panel" aria-labelledby="register-export">
        <h2 id="register-export">{t('register.export')}</h2>
        <div className="archive-row">
          <label>
            {t('register.format')}{' '}
            <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}>
              <option value="xlsx">XLSX</option>
              <option value="csv">CSV</option>
            </select>
          </label>
        </div>
        <fieldset className="options">
          <legend>{t('register.columns')}</legend>
          {DEFAULT_EXPORT_COLUMNS.map((c) => (
            <label key={c} className="option">
              <input type="checkbox" checked={columns.includes(c)} onChange={() => tick(c)} />
              {t(`columns.${c}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="options">
          <legend>{t('register.personal')}</legend>
          {PERSONAL_COLUMNS.map((c) => (
            <label key={c} className="option">
              <input type="checkbox" checked={columns.includes(c)} onChange={() => tick(c)} />
              {t(`columns.${c}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" className="primary" disabled={columns.length === 0} onClick={() => void exportNow()}>
          {t('register.exportButton')}
        </button>
        {exported ? <p role="status" className="notice">{t('register.exported', exported)}</p> : null}
        <ErrorText error={error} />
      </section>
    </div>
  )
}
