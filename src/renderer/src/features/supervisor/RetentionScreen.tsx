import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DestructionEntry, RetentionCandidate } from '@shared/domain/supervisor/retention'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDate, formatDateTime } from '../../ui/format'
import './supervisor.css'

interface State {
  years: number | null
  cutoff: string | null
  eligible: RetentionCandidate[]
  held: RetentionCandidate[]
  register: DestructionEntry[]
}

/** Supervisors: the retention period, closed files past it, legal holds, destruction and its register (SZ C.2.1). */
export function RetentionScreen() {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State | null>(null)
  const [years, setYears] = useState('')
  const [selected, setSelected] = useState<Set<number>>(new Set())
  const [reason, setReason] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [done, setDone] = useState<number | null>(null)
  const [hold, setHold] = useState({ caseNo: '', reason: '' })
  const lng = i18n.language
  const word = t('supervisor:retention.confirmWord')

  const load = useCallback(async () => {
    const r = await desk.invoke('retention.get', {})
    if (!r.ok) return setError(r)
    setState(r.value)
    setYears(r.value.years ? String(r.value.years) : '')
    setSelected(new Set())
  }, [])
  useEffect(() => void load(), [load])

  const saveYears = async (e: FormEvent) => {
    e.preventDefault()
    const r = await desk.invoke('retention.setYears', { years: years ? Number(years) : null })
    if (!r.ok) return setError(r)
    setError(null)
    void load()
  }
  const destroy = async (e: FormEvent) => {
    e.preventDefault()
    const r = await desk.invoke('retention.destroy', { caseIds: [...selected], reason, confirm })
    setConfirm('')
    if (!r.ok) return setError(r)
    setError(null)
    setDone(r.value.destroyed)
    setReason('')
    void load()
  }
  const setHoldOn = async (caseNo: string, on: boolean, why?: string) => {
    const r = await desk.invoke('retention.hold', { caseNo, hold: on, reason: why })
    if (!r.ok) return setError(r)
    setError(null)
    setHold({ caseNo: '', reason: '' })
    void load()
  }

  if (!state) return <div className="page" aria-busy="true">{t('common:loading')}</div>
  const toggle = (id: number) =>
    setSelected((s) => {
      const n = new Set(s)
      if (n.has(id)) n.delete(id)
      else n.add(id)
      return n
    })

  return (
    <div className="page">
      <h1>{t('supervisor:retention.title')}</h1>
      <p className="sv-small">{t('supervisor:retention.intro')}</p>
      <ErrorText error={error} />
      <div className="sv-grid">
        <div>
          <form className="card" onSubmit={saveYears}>
            <div className="field narrow">
              <label htmlFor="ret-years">{t('supervisor:retention.years')}</label>
              <input id="ret-years" type="number" min={1} max={100} value={years} onChange={(e) => setYears(e.target.value)} />
              <div className="hint">{t('supervisor:retention.yearsHint')}</div>
            </div>
            <button type="submit">{t('supervisor:retention.save')}</button>
            <p>{state.cutoff ? t('supervisor:retention.cutoff', { date: formatDate(state.cutoff, lng) }) : t('supervisor:retention.notSet')}</p>
          </form>
          <form className="card" onSubmit={destroy} aria-labelledby="ret-eligible">
            <h2 id="ret-eligible">{t('supervisor:retention.eligible')}</h2>
            {done !== null ? <p role="status" className="notice">{t('supervisor:retention.destroyed', { count: done })}</p> : null}
            {state.eligible.length === 0 ? (
              <p>{t('supervisor:retention.noneEligible')}</p>
            ) : (
              <>
                <div className="sv-table-wrap">
                  <table className="table">
                    <thead>
                      <tr>
                        <th>
                          <input
                            type="checkbox"
                            aria-label={t('supervisor:retention.selectAll')}
                            checked={selected.size === state.eligible.length}
                            onChange={(e) => setSelected(e.target.checked ? new Set(state.eligible.map((c) => c.caseId)) : new Set())}
                          />
                        </th>
                        <th>{t('supervisor:retention.caseNo')}</th>
                        <th>{t('supervisor:retention.opened')}</th>
                        <th>{t('supervisor:retention.closed')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {state.eligible.map((c) => (
                        <tr key={c.caseId}>
                          <td>
                            <input type="checkbox" aria-label={`${t('supervisor:retention.select')} ${c.caseNo}`} checked={selected.has(c.caseId)} onChange={() => toggle(c.caseId)} />
                          </td>
                          <td className="mono">{c.caseNo}</td>
                          <td>{formatDate(c.openedAt, lng)}</td>
                          <td>{formatDate(c.closedAt, lng)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="field">
                  <label htmlFor="ret-reason">{t('supervisor:retention.reason')}</label>
                  <input id="ret-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
                  <div className="hint">{t('supervisor:retention.reasonHint')}</div>
                </div>
                <div className="field">
                  <label htmlFor="ret-confirm">{t('supervisor:retention.confirmLabel', { word, count: selected.size })}</label>
                  <input id="ret-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
                </div>
                <p className="sv-small">{t('supervisor:retention.backupNote')}</p>
                <button type="submit" className="danger" disabled={selected.size === 0 || !reason.trim() || confirm.trim() !== word}>
                  {t('supervisor:retention.destroy')}
                </button>
              </>
            )}
          </form>
        </div>
        <div>
          <section className="card" aria-labelledby="ret-holds">
            <h2 id="ret-holds">{t('supervisor:retention.holds.title')}</h2>
            <p className="sv-small">{t('supervisor:retention.holds.intro')}</p>
            <form
              className="sv-filters"
              onSubmit={(e) => {
                e.preventDefault()
                void setHoldOn(hold.caseNo, true, hold.reason)
              }}
            >
              <div className="field">
                <label htmlFor="hold-case">{t('supervisor:retention.holds.caseNo')}</label>
                <input id="hold-case" value={hold.caseNo} placeholder="2026-000123" onChange={(e) => setHold({ ...hold, caseNo: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="hold-reason">{t('supervisor:retention.holds.reason')}</label>
                <input id="hold-reason" value={hold.reason} onChange={(e) => setHold({ ...hold, reason: e.target.value })} />
              </div>
              <button type="submit" disabled={!hold.caseNo.trim() || !hold.reason.trim()}>
                {t('supervisor:retention.holds.set')}
              </button>
            </form>
            {state.held.length === 0 ? (
              <p>{t('supervisor:retention.holds.none')}</p>
            ) : (
              <table className="table">
                <tbody>
                  {state.held.map((c) => (
                    <tr key={c.caseId}>
                      <td className="mono">{c.caseNo}</td>
                      <td>{c.hold?.reason}</td>
                      <td className="sv-small">
                        {c.hold?.setByName} · {formatDate(c.hold?.setAt ?? '', lng)}
                      </td>
                      <td>
                        <button type="button" onClick={() => void setHoldOn(c.caseNo, false)}>
                          {t('supervisor:retention.holds.release')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="ret-register">
            <h2 id="ret-register">{t('supervisor:retention.register.title')}</h2>
            {state.register.length === 0 ? (
              <p>{t('supervisor:retention.register.empty')}</p>
            ) : (
              <div className="sv-table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('supervisor:retention.caseNo')}</th>
                      <th>{t('supervisor:retention.opened')}</th>
                      <th>{t('supervisor:retention.closed')}</th>
                      <th>{t('supervisor:retention.register.destroyedAt')}</th>
                      <th>{t('supervisor:retention.register.by')}</th>
                      <th>{t('supervisor:retention.register.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.register.map((r) => (
                      <tr key={r.id}>
                        <td className="mono">{r.caseNo}</td>
                        <td>{r.openedAt ? formatDate(r.openedAt, lng) : ''}</td>
                        <td>{r.closedAt ? formatDate(r.closedAt, lng) : ''}</td>
                        <td>{formatDateTime(r.destroyedAt, lng)}</td>
                        <td>{r.destroyedByName}</td>
                        <td>{r.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </div>
      </div>
    </div>
  )
}
