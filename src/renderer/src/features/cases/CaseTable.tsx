import { useContext } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '@shared/domain/case/types'
import { isHighRisk } from '@shared/domain/case/options'
import { useNav } from '../../app/nav'
import { SessionContext } from '../../app/session-context'
import { RiskBadge, StatusTag } from './CaseBadges'
import { PersonFlagTags, usePersonFlags } from './PersonFlags'
import './cases.css'

/** A list of cases with risk, status and worker always visible; Enter or click opens one. */
export function CaseTable({ rows, empty, caption }: { rows: CaseSummary[]; empty?: string; caption?: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const role = useContext(SessionContext)?.session.role
  // A records clerk opens a case's forms (to print), never the record's editing screen.
  const open = (caseId: number) => go(role === 'clerk' ? { name: 'forms', params: { caseId } } : { name: 'case', params: { caseId } })
  const flags = usePersonFlags(rows.map((r) => r.id))
  if (rows.length === 0) return empty ? <p className="muted">{empty}</p> : null
  return (
    <table className="table case-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th>{t('cases:labels.caseNo')}</th>
          <th>{t('cases:fields.name')}</th>
          <th>{t('cases:labels.risk')}</th>
          <th>{t('cases:labels.status')}</th>
          <th>{t('cases:fields.worker')}</th>
          <th>{t('cases:fields.contactDate')}</th>
          <th>{t('cases:fields.summary')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className={isHighRisk(c.riskLevel) ? 'row-high-risk' : undefined}>
            <td>
              <button type="button" className="link mono" onClick={() => open(c.id)}>
                {c.caseNo}
              </button>
            </td>
            <td>
              {c.masked ? (
                <span className="tag confidential" title={t('people:confidential.maskedHint')}>
                  {t('people:confidential.maskedLine')}
                </span>
              ) : (
                c.name
              )}
              {c.confidential && !c.masked ? <span className="tag confidential">{t('people:confidential.badge')}</span> : null}
              {!c.masked && c.partyKind !== 'person' ? <span className="tag">{t(`cases:options.partyKind.${c.partyKind}`)}{c.headcount ? ` · ${t('cases:labels.people', { count: c.headcount })}` : ''}</span> : null}
              {c.repeat === 'repeat' ? <span className="tag">{t('cases:options.repeat.repeat')}</span> : null}
              <PersonFlagTags flags={flags[c.id]} />
            </td>
            <td>
              <RiskBadge level={c.riskLevel} />
            </td>
            <td>
              <StatusTag status={c.status} />
            </td>
            <td>{c.assignedWorker?.displayName ?? '—'}</td>
            <td className="nowrap">{c.contactDate}</td>
            <td className="summary-cell">{c.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
