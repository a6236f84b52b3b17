import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CASELOAD_RATIOS } from '@shared/domain/case/caseload'
import type { CaseloadRow, CaseSummary } from '@shared/domain/case/types'
import { call } from '../../app/desk-client'
import { CaseTable } from './CaseTable'
import './cases.css'
import { reported } from '../../app/calls'

/** Supervisors: each worker's open cases against 8.1 c (rational 1:65–70, irrational 1:5–10). */
export function CaseloadScreen() {
  const { t } = useTranslation()
  const [rows, setRows] = useState<CaseloadRow[]>([])
  const [high, setHigh] = useState<CaseSummary[]>([])
  useEffect(() => {
    void call('cases.caseload', {}).then(setRows, reported())
    void call('cases.list', { status: 'open', minRisk: 'high', order: 'recent', limit: 50 }).then(setHigh, reported())
  }, [])
  const r = CASELOAD_RATIOS
  return (
    <div className="page">
      <h1>{t('cases:caseload.title')}</h1>
      <p className="hint">{t('cases:caseload.ratios', { rMin: r.rational.min, rMax: r.rational.max, iMin: r.irrational.min, iMax: r.irrational.max })}</p>
      <table className="table caseload">
        <thead>
          <tr>
            <th>{t('cases:fields.worker')}</th>
            <th>{t('cases:caseload.open')}</th>
            <th>{t('cases:caseload.rational')}</th>
            <th>{t('cases:caseload.irrational')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => (
            <tr key={w.worker.id}>
              <td>{w.worker.displayName}</td>
              <td>{w.open}</td>
              <td className={`load-${w.rationalState}`}>
                {w.rational} <span className="tag">{t(`cases:caseload.state.${w.rationalState}`)}</span>
              </td>
              <td className={`load-${w.irrationalState}`}>
                {w.irrational} <span className="tag">{t(`cases:caseload.state.${w.irrationalState}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('cases:today.highRisk')}</h2>
      <CaseTable rows={high} empty={t('cases:today.noHighRisk')} />
    </div>
  )
}
