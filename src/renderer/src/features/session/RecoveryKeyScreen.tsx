import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PdfAction } from '@shared/ipc/contracts/forms'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { deliverPdf } from '../../ui/pdf-output'
import { RecoverySheet } from './RecoverySheet'

/**
 * The recovery key, shown once: write it down or print the sheet, then confirm. The sheet is
 * previewed on screen and printed as a PDF rendered in memory (the print dialog, or a save the
 * user asks for); if the PDF cannot be made, the on-screen page prints as it is.
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
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)

  const pdf = async (action: PdfAction) => {
    setBusy(true)
    const res = await desk.invoke('session.recoverySheet', { recoveryKey, action })
    setBusy(false)
    if (!res.ok) {
      setError(res)
      if (action === 'print') window.print()
      return
    }
    setError(null)
    await deliverPdf(res.value, action)
  }

  if (sheet) {
    return (
      <div className="sheet-preview">
        <div className="sheet-toolbar no-print">
          <button type="button" onClick={() => setSheet(false)}>
            {t('common:actions.back')}
          </button>
          <button type="button" className="primary" autoFocus disabled={busy} onClick={() => void pdf('print')}>
            {t('session:sheet.print')}
          </button>
          <button type="button" disabled={busy} onClick={() => void pdf('save')}>
            {t('session:sheet.pdf')}
          </button>
          <span className="hint">{t('session:sheet.printHint')}</span>
        </div>
        <div className="sheet-toolbar no-print">
          <span className="hint">{t('session:sheet.pdfHint')}</span>
          <ErrorText error={error} />
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
