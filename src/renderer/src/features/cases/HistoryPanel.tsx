import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseFieldName, CaseRecord, CaseVersion } from '@shared/domain/case/types'
import { call } from '../../app/desk-client'
import { formatDateTime } from '../../ui/format'
import { reasonText, reported } from '../../app/calls'
import { CaseReferralHistory } from '../referrals'
import { textT, tk } from '../../app/i18n'
import { isI18nKey, type I18nKey } from '@shared/i18n/keys'

/** What the record said before each change (a supervisor's view of the history). */
export function HistoryPanel({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation()
  const [versions, setVersions] = useState<CaseVersion[] | null>(null)
  // Typed as a Form A field, so a field without a label fails the type check instead of heading its
  // row as a raw key; a field an older version stored (renamed since) reads as its name.
  const fieldLabel = (f: string) => {
    const key: I18nKey = `cases:fields.${f as CaseFieldName}`
    return isI18nKey(key) ? tk(t, key) : f
  }
  useEffect(() => {
    void call('cases.history', { id: record.id }).then(setVersions, reported())
  }, [record.id, record.version])
  return (
    <section className="card">
      <h2>{t('cases:sections.history')}</h2>
      <p className="hint">{t('cases:history.created', { when: formatDateTime(record.createdAt, i18n.language), who: record.createdBy?.displayName ?? '—' })}</p>
      {versions && versions.length === 0 ? <p className="muted">{t('cases:history.none')}</p> : null}
      {versions?.map((v) => (
        <div key={v.version} className="version">
          <h3>
            {t('cases:history.version', { version: v.version, when: formatDateTime(v.at, i18n.language), who: v.by?.displayName ?? '—' })}
            {v.source ? ` ${t('cases:history.fromProposal', { n: v.source.workCount })}` : ''}
          </h3>
          <table className="table">
            <tbody>
              {v.changedFields.map((f) => (
                <tr key={f}>
                  <th>{fieldLabel(f)}</th>
                  <td className="before">{formatBefore(f, (v.before as Record<string, unknown>)[f], textT(t))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <CaseReferralHistory caseId={record.id} />
      <h3>{t('cases:history.risk')}</h3>
      <ul>
        {record.riskHistory.map((r, i) => (
          <li key={i}>
            {formatDateTime(r.at, i18n.language)} · {t(`cases:options.risk.${r.level}`)} · {r.by?.displayName ?? '—'} · {reasonText(t, r.reason)}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Which option list a coded field's values are labelled from. */
const CODED: Record<string, string> = {
  partyKind: 'partyKind',
  source: 'source',
  gender: 'gender',
  language: 'language',
  marital: 'marital',
  education: 'education',
  living: 'living',
  needs: 'needs'
}

function formatBefore(field: string, v: unknown, t: (k: string) => string): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('cases:history.empty')
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  const label = (x: unknown) => (CODED[field] ? t(`cases:options.${CODED[field]}.${String(x)}`) : String(x))
  if (Array.isArray(v)) return v.map(label).join('、')
  return label(v)
}
