import { useState } from 'react'
import { useTranslation } from 'react-i18next'

/** The recovery key, shown once: write it down or print the sheet, then confirm. */
export function RecoveryKeyScreen({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed(): void }) {
  const { t } = useTranslation()
  const [kept, setKept] = useState(false)
  return (
    <div className="gate">
      <section className="gate-card" aria-labelledby="rk-title">
        <h1 id="rk-title">{t('session:recovery.title')}</h1>
        <p>{t('session:recovery.explain')}</p>
        <p className="recovery-key" data-testid="recovery-key">{recoveryKey}</p>
        <p className="warning">{t('session:recovery.onlyOnce')}</p>
        <label className="check">
          <input type="checkbox" checked={kept} onChange={(e) => setKept(e.target.checked)} />
          {t('session:recovery.kept')}
        </label>
        <button type="button" className="primary" disabled={!kept} onClick={onConfirmed}>
          {t('session:recovery.continue')}
        </button>
      </section>
    </div>
  )
}
