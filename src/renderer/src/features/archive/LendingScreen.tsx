import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'
import { failureOf } from '@shared/ipc/failure'
import { addDays, isoDateAtOffset } from '@shared/domain/dates/calendar'
import { call } from '../../app/desk-client'
import { useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { formatDate, formatDateTime } from '../../ui/format'
import './archive.css'

/** 借阅登记: lend a filed case's paper file (who, what for, until when) and take it back. */
export function LendingScreen() {
  const { t, i18n } = useTranslation('archive')
  const [reload, setReload] = useState(0)
  const [openOnly, setOpenOnly] = useState(false)
  const filed = useLoad(() => call('archive.queue', { state: 'filed' }), [reload])
  const loans = useLoad(() => call('archive.loans', openOnly ? { open: true } : {}), [reload, openOnly])
  const cases = useMemo(() => {
    const seen = new Map<number, { caseId: number; caseNo: string; name: string }>()
    for (const r of filed.value ?? []) if (!seen.has(r.caseId)) seen.set(r.caseId, { caseId: r.caseId, caseNo: r.caseNo, name: r.name })
    return [...seen.values()]
  }, [filed.value])

  const [caseId, setCaseId] = useState<number | ''>('')
  const [borrower, setBorrower] = useState('')
  const [purpose, setPurpose] = useState('')
  const [due, setDue] = useState(addDays(isoDateAtOffset(new Date()), 14))
  const [notice, setNotice] = useState<string | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (fn: () => Promise<string>) => {
    setBusy(true)
    setError(null)
    setNotice(null)
    try {
      setNotice(await fn())
      setReload((n) => n + 1)
    } catch (e) {
      setError(failureOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="page archive">
      <h1>{t('lending.title')}</h1>
      <p className="muted">{t('lending.intro')}</p>
      <form
        className="archive-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (caseId === '') return
          void run(async () => {
            const l = await call('archive.lend', { caseId, borrower, purpose: purpose || undefined, dueDate: due })
            setBorrower('')
            setPurpose('')
            setCaseId('')
            return t('lending.lent', { caseNo: l.caseNo })
          })
        }}
      >
        <label>
          {t('lending.case')}{' '}
          <select value={caseId} onChange={(e) => setCaseId(e.target.value ? Number(e.target.value) : '')}>
            <option value="">{t('lending.choose')}</option>
            {cases.map((c) => (
              <option key={c.caseId} value={c.caseId}>
                {c.caseNo} {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('lending.borrower')} <input value={borrower} onChange={(e) => setBorrower(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('lending.purpose')} <input value={purpose} onChange={(e) => setPurpose(e.target.value)} autoComplete="off" />
        </label>
        <label>
          {t('lending.due')} <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy || caseId === '' || !borrower.trim() || !due}>
          {t('lending.lend')}
        </button>
      </form>
      {notice ? <p role="status" className="notice">{notice}</p> : null}
      <ErrorText error={error} />

      <h2>{t('lending.list')}</h2>
      <label className="option">
        <input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
        {t('lending.openOnly')}
      </label>
      <ErrorText error={loans.error ?? filed.error} kind="read" onRetry={() => setReload((n) => n + 1)} />
      {(loans.value ?? []).length === 0 ? (
        <p className="muted">{t('lending.empty')}</p>
      ) : (
        <table className="table archive-table">
          <thead>
            <tr>
              <th>{t('queue.caseNo')}</th>
              <th>{t('lending.borrower')}</th>
              <th>{t('lending.purpose')}</th>
              <th>{t('lending.lentAt')}</th>
              <th>{t('lending.due')}</th>
              <th>{t('lending.returnedAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(loans.value ?? []).map((l) => (
              <tr key={l.id} className={l.overdue ? 'row-overdue' : undefined}>
                <td className="mono">{l.caseNo}</td>
                <td>{l.borrower}</td>
                <td>{l.purpose}</td>
                <td>{formatDateTime(l.lentAt, i18n.language)}</td>
                <td>
                  {formatDate(l.dueDate, i18n.language)}
                  {l.overdue ? <span className="tag tag-warn">{t('lending.overdue')}</span> : null}
                </td>
                <td>{l.returnedAt ? formatDateTime(l.returnedAt, i18n.language) : t('lending.notReturned')}</td>
                <td>
                  {l.returnedAt ? null : (
                    <button type="button" disabled={busy} onClick={() => void run(async () => t('lending.returned', { caseNo: (await call('archive.return', { loanId: l.id })).caseNo }))}>
                      {t('lending.return')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
