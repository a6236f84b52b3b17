import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useCall } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { TextArea } from '../../ui/Field'

/** The refusal the main process gives when a confidential case needs a reason (cases/confidential.ts). */
export const needsReason = (e: DeskError | null): boolean => e?.code === 'FORBIDDEN' && e.messageKey === 'people:confidential.reasonNeeded'

/**
 * A confidential report (检举控告) that is not yours: say why you open it. The reason is kept and the
 * opening audited; it opens the case for this sitting only. "Back" leaves without a trace but the
 * refused call already on the audit trail.
 */
export function ConfidentialGate({ caseId, error, onOpened }: { caseId: number; error: DeskError; onOpened(): void }) {
  const { t } = useTranslation()
  const { back } = useNav()
  const [reason, setReason] = useState('')
  const { run, error: openError, busy } = useCall()
  const caseNo = String(error.params?.caseNo ?? '')
  return (
    <div className="page">
      <form
        className="card confidential-gate"
        data-testid="confidential-gate"
        onSubmit={(e) => {
          e.preventDefault()
          void run(async () => {
            await call('cases.openConfidential', { caseId, reason })
            onOpened()
          })
        }}
      >
        <h1>{t('people:confidential.dialogTitle', { caseNo })}</h1>
        <p role="alert">{t('people:confidential.reasonNeeded', { caseNo })}</p>
        <TextArea label={t('people:confidential.reasonLabel')} rows={3} value={reason} required maxLength={500} onChange={(e) => setReason(e.target.value)} />
        <p className="hint">{t('people:confidential.grantNote')}</p>
        <ErrorText error={openError} />
        <div className="actions">
          <button type="submit" disabled={busy || !reason.trim()}>
            {t('people:confidential.open')}
          </button>{' '}
          <button type="button" className="secondary" onClick={back}>
            {t('people:confidential.cancel')}
          </button>
        </div>
      </form>
    </div>
  )
}
