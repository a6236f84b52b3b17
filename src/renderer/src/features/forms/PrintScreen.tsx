import { useTranslation } from 'react-i18next'
import { useNav } from '../../app/nav'
import { BlankFormsPanel, CasePrintPanel } from './CasePrintPanel'

/** Route 'forms' ({ caseId? }): a case's forms when opened from a case, and blank forms always. */
export function PrintScreen() {
  const { t } = useTranslation('forms')
  const { route } = useNav()
  const caseId = Number(route.params?.caseId) || null
  return (
    <div className="page">
      <h1>{t('panel.title')}</h1>
      {caseId && <CasePrintPanel caseId={caseId} />}
      <BlankFormsPanel />
    </div>
  )
}
