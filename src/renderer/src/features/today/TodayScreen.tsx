import { useTranslation } from 'react-i18next'
import { useSession } from '../../app/session-context'

/** The worker's day: follow-ups due and overdue, deadlines approaching, recent cases. */
export function TodayScreen() {
  const { t } = useTranslation()
  const { session } = useSession()
  return (
    <div className="page">
      <h1>{t('common:today.greeting', { name: session.displayName })}</h1>
      <p>{t('common:today.empty')}</p>
    </div>
  )
}
