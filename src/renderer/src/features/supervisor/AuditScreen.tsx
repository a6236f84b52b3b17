import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '@shared/domain/session/types'
import { actionKey, auditDetailLines, auditDetailText, detailValueKeys, type AuditFilter, type AuditPage } from '@shared/domain/supervisor/audit'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import './supervisor.css'
import { reportFailure } from '../../app/calls'
import { tk } from '../../app/i18n'
import { isI18nKey } from '@shared/i18n/keys'

const PAGE = 200

/** Supervisors: who did what, filtered by person, case, action and date, with the hash chain checked on open. */
export function AuditScreen() {
  const { t, i18n } = useTranslation()
  const [filters, setFilters] = useState<{ actions: string[]; people: { id: number; name: string }[] }>({ actions: [], people: [] })
  const [form, setForm] = useState({ actorId: '', caseNo: '', action: '', from: '', to: '' })
  const [applied, setApplied] = useState<AuditFilter>({})
  const [page, setPage] = useState<AuditPage | null>(null)
  const [limit, setLimit] = useState(PAGE)
  const [error, setError] = useState<DeskError | null>(null)
  const [pdfLocale, setPdfLocale] = useState<Locale>((i18n.language as Locale) ?? 'zh-CN')
  const [pdfNote, setPdfNote] = useState<string | null>(null)

  const actionName = useCallback((a: string) => t(actionKey(a), { defaultValue: a }), [t])

  useEffect(() => {
    void desk.invoke('audit.filters', {}).then((r) => (r.ok ? setFilters(r.value) : reportFailure(r, 'errors:what.load')))
  }, [])
  useEffect(() => {
    void desk.invoke('audit.query', { ...applied, limit }).then((r) => (r.ok ? (setPage(r.value), setError(null)) : setError(r)))
  }, [applied, limit])

  const toFilter = (): AuditFilter => ({
    actorId: form.actorId ? Number(form.actorId) : undefined,
    caseNo: form.caseNo.trim() || undefined,
    action: form.action || undefined,
    from: form.from || undefined,
    to: form.to || undefined
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setLimit(PAGE)
    setApplied(toFilter())
  }
  const clear = () => {
    setForm({ actorId: '', caseNo: '', action: '', from: '', to: '' })
    setApplied({})
  }
  const exportPdf = async (action: 'save' | 'print') => {
    setPdfNote(null)
    const res = await desk.invoke('audit.pdf', { ...applied, locale: pdfLocale, action })
    if (!res.ok) return setError(res)
    await deliverPdf(res.value, action)
    setPdfNote(t('supervisor:audit.pdf.done', { pages: res.value.pages }))
  }

  const chain = page?.chain
  const firstBreak = chain?.breaks[0]
  return (
    <div className="page">
      <h1>{t('supervisor:audit.title')}</h1>
      <p className="sv-small">{t('supervisor:audit.intro')}</p>
      {chain ? (
        <p className={chain.ok ? 'sv-banner ok' : 'sv-banner bad'} role={chain.ok ? 'status' : 'alert'} data-testid="chain-verdict">
          {chain.ok ? t('supervisor:audit.chain.ok', { count: chain.checked }) : t('supervisor:audit.chain.broken', { count: chain.breaks.length, first: firstBreak?.id ?? 0 })}
        </p>
      ) : null}
      <form className="card sv-filters" onSubmit={submit} aria-label={t('supervisor:audit.filters.apply')}>
        <div className="field">
          <label htmlFor="af-person">{t('supervisor:audit.filters.person')}</label>
          <select id="af-person" value={form.actorId} onChange={(e) => setForm({ ...form, actorId: e.target.value })}>
            <option value="">{t('supervisor:audit.filters.all')}</option>
            {filters.people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af-case">{t('supervisor:audit.filters.case')}</label>
          <input id="af-case" value={form.caseNo} placeholder="2026-000123" onChange={(e) => setForm({ ...form, caseNo: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="af-action">{t('supervisor:audit.filters.action')}</label>
          <select id="af-action" value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })}>
            <option value="">{t('supervisor:audit.filters.all')}</option>
            {filters.actions.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="af-from">{t('supervisor:audit.filters.from')}</label>
          <input id="af-from" type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="af-to">{t('supervisor:audit.filters.to')}</label>
          <input id="af-to" type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <div className="button-row">
          <button type="submit" className="primary">
            {t('supervisor:audit.filters.apply')}
          </button>
          <button type="button" onClick={clear}>
            {t('supervisor:audit.filters.clear')}
          </button>
        </div>
      </form>
      <div className="button-row">
        <label>
          {t('supervisor:audit.pdf.language')}{' '}
          <select value={pdfLocale} onChange={(e) => setPdfLocale(e.target.value as Locale)}>
            <option value="zh-CN">{t('common:language.zh-CN')}</option>
            <option value="yue-HK">{t('common:language.yue-HK')}</option>
          </select>
        </label>
        <button type="button" onClick={() => void exportPdf('save')}>
          {t('supervisor:audit.pdf.save')}
        </button>
        <button type="button" onClick={() => void exportPdf('print')}>
          {t('supervisor:audit.pdf.print')}
        </button>
        {pdfNote ? <span role="status">{pdfNote}</span> : null}
        {page ? <span className="sv-small">{t('supervisor:audit.shown', { total: page.total, shown: page.rows.length })}</span> : null}
      </div>
      <ErrorText error={error} />
      <div className="sv-table-wrap" style={{ maxHeight: '30rem' }}>
        <table className="table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('supervisor:audit.columns.at')}</th>
              <th>{t('supervisor:audit.columns.person')}</th>
              <th>{t('supervisor:audit.columns.action')}</th>
              <th>{t('supervisor:audit.columns.subject')}</th>
              <th>{t('supervisor:audit.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {page?.rows.map((r) => {
              const gap = r.broken === 'missing' ? chain?.breaks.find((b) => b.id === r.id && b.reason === 'missing') : undefined
              return (
                <tr key={r.id} className={r.broken ? 'sv-broken' : undefined} data-broken={r.broken ?? undefined}>
                  <td>
                    {r.id}
                    {r.broken ? (
                      <div className="sv-broken-mark" role="note">
                        ⚠ {t(`supervisor:audit.chain.${r.broken}`)}
                        {gap?.gapFrom ? t('supervisor:audit.chain.gap', { from: gap.gapFrom, to: gap.gapTo }) : ''}
                      </div>
                    ) : null}
                  </td>
                  <td>{formatDateTime(r.at, i18n.language)}</td>
                  <td>{r.actorName ?? '—'}</td>
                  <td>{actionName(r.action)}</td>
                  <td>{r.caseNo ? `${t('supervisor:audit.case')} ${r.caseNo}` : r.subjectType ? `${r.subjectType} ${r.subjectId ?? ''}` : ''}</td>
                  <td className="sv-small">
                    <AuditDetails details={r.details} />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {page && page.rows.length === 0 ? <p>{t('supervisor:audit.empty')}</p> : null}
      </div>
      {page && page.rows.length < page.total ? (
        <button type="button" onClick={() => setLimit((l) => Math.min(1000, l + PAGE))}>
          {t('supervisor:audit.more')}
        </button>
      ) : null}
    </div>
  )
}

/** An event's details as translated "label: value" lines (the stored JSON is never shown). */
function AuditDetails({ details }: { details: string }) {
  const { t } = useTranslation()
  const word = (key: string) => {
    const k = `supervisor:audit.detail.${key}`
    return isI18nKey(k) ? tk(t, k) : null
  }
  // A code value (a status, a route, a language) in words where it has them, else as stored.
  const valueWord = (key: string, value: string) => {
    for (const k of detailValueKeys(key, value)) if (isI18nKey(k)) return tk(t, k)
    return null
  }
  const lines = auditDetailLines(details).map((l) => auditDetailText(l, word, valueWord))
  if (lines.length === 0) return null
  return (
    <ul className="sv-details">
      {lines.map((l, i) => (
        <li key={i}>
          {l.label}: {l.value}
        </li>
      ))}
    </ul>
  )
}
