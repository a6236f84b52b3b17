import { useTranslation } from 'react-i18next'
import type { DeskStatus } from '@shared/domain/session/types'

/** The data file cannot be opened. Nothing is deleted here, ever; restoring a backup is the way on. */
export function DamagedScreen({ status }: { status: DeskStatus }) {
  const { t } = useTranslation()
  return (
    <div className="gate">
      <section className="gate-card" role="alert">
        <h1>{t(status.state === 'tooNew' ? 'session:damaged.tooNewTitle' : 'session:damaged.title')}</h1>
        <p>{t(status.state === 'tooNew' ? 'errors:db.tooNew' : 'errors:db.damaged', { version: status.schemaVersion })}</p>
      </section>
    </div>
  )
}
