import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RecoverySheet } from './RecoverySheet'

/**
 * The recovery key, shown once: write it down or print the sheet, then confirm. The sheet is a
 * print-friendly page printed with the system dialog (no file is written: the key never touches disk).
 */
export function RecoveryKeyScreen({
  recoveryKey,
  orgName = '',
  onConfirmed
}: {
  recoveryKey: string
  orgName?: string
  onConfirmed(): void
}) {
  const { t } = useTranslation()
  const [kept, setKept] = useState(false)
  const [sheet, setSheet] = useState(false)
  const [date] = useState(() => new Date())

  if (sheet) {
    return (
      <div className="sheet-preview">
        <div className="sheet-toolbar no-print">
          <button type="button" onClick={() => setSheet(false)}>
            {t('common:actions.back')}
          </button>
          <button type="button" className="primary" autoFocus onClick={() => window.print()}>
            {t('session:sheet.print')}
          </button>
          <span className="hint">{t('session:sheet.printHint')}</span>
        </div>
        <RecoverySheet recoveryKey={recoveryKey} orgName={orgName} date={date} />
      </div>
    )
  }

  return (
    <div className="gate">
      <section className="gate-card" aria-labelledby="rk-title">
        <h1 id="rk-title">{t('session:recovery.title')}</h1>
        <p>{t('session:recovery.explain')}</p>
        <p className="recovery-key" data-testid="recovery-key">
          {/* Two lines of four groups, never broken inside a group. */}
          <span>{recoveryKey.split('-').slice(0, 4).join('-')}</span>-<wbr />
          <span>{recoveryKey.split('-').slice(4).join('-')}</span>
        </p>
        <p className="warning">{t('session:recovery.onlyOnce')}</p>
        <button type="button" onClick={() => setSheet(true)}>
          {t('session:recovery.printSheet')}
        </button>
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
