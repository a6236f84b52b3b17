import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskStatus } from '@shared/domain/session/types'
import { RestoreFromBackup, restoreAvailable } from '../supervisor'
import { LocalePicker } from './LocalePicker'

/**
 * The data file cannot be opened. Nothing is deleted here, ever: a damaged file can be replaced by
 * restoring a backup (the damaged one is kept aside by the restore); a file from a newer version of
 * the app is only refused — the way on is to install that version, so no restore or delete is offered.
 */
export function DamagedScreen({ status, onRestored }: { status: DeskStatus; onRestored(): void }) {
  const { t } = useTranslation()
  const [restoring, setRestoring] = useState(false)
  const tooNew = status.state === 'tooNew'
  return (
    <div className="gate">
      <section className={restoring ? 'gate-card wide' : 'gate-card'} role="alert" aria-labelledby="damaged-title">
        <div className="gate-head">
          <span className="brand">{t('common:appName')}</span>
          <LocalePicker />
        </div>
        <h1 id="damaged-title">{t(tooNew ? 'session:damaged.tooNewTitle' : 'session:damaged.title')}</h1>
        <p>{t(tooNew ? 'session:damaged.tooNewBody' : 'errors:db.damaged')}</p>
        {restoring ? null : (
          <>
            <p>{t(tooNew ? 'session:damaged.tooNewNext' : 'session:damaged.next')}</p>
            <p className="hint">{t('session:damaged.nothingDeleted')}</p>
          </>
        )}
        {!tooNew && restoreAvailable ? (
          restoring ? (
            <RestoreFromBackup needsSupervisor onRestored={onRestored} onCancel={() => setRestoring(false)} />
          ) : (
            <button type="button" className="primary" onClick={() => setRestoring(true)}>
              {t('session:damaged.restore')}
            </button>
          )
        ) : null}
        {!tooNew && !restoreAvailable ? <p>{t('session:damaged.askSupervisor')}</p> : null}
        <p className="hint">{t('session:damaged.version', { app: status.appVersion, schema: status.schemaVersion })}</p>
      </section>
    </div>
  )
}
