import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '@shared/domain/case/types'
import type { RiskLevel } from '@shared/domain/case/options'
import './cases.css'

/** Risk shown in every list; high and critical stand out (on the worker's side of the screen only). */
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation()
  return (
    <span className={`risk risk-${level}`} data-risk={level}>
      {t('cases:labels.risk')} {t(`cases:options.risk.${level}`)}
    </span>
  )
}

export function StatusTag({ status }: { status: CaseSummary['status'] }) {
  const { t } = useTranslation()
  return <span className={`status status-${status}`}>{t(`cases:options.status.${status}`)}</span>
}
