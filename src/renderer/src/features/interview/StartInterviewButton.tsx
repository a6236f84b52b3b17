import { useTranslation } from 'react-i18next'
import { useNav } from '../../app/nav'

/** For the case page: "开始会谈" for this case (its recorded language picks 普通话 or 粵語). */
export function StartInterviewButton({ caseId }: { caseId: number }) {
  const { t } = useTranslation()
  const { go } = useNav()
  return (
    <button type="button" className="primary" onClick={() => go({ name: 'interview', params: { caseId } })}>
      {t('interview:start.fromCase')}
    </button>
  )
}
