import { useCallback, useEffect, useState } from 'react'
import './interview.css'
import { useTranslation } from 'react-i18next'
import type { CrisisState } from '@shared/domain/interview/crisis'
import type { RiskLevel } from '@shared/domain/interview/types'
import { call } from '../../app/desk-client'
import { CrisisDialog } from './CrisisDialog'
import type { Contacts } from './desk-state'

const NO_CONTACTS: Contacts = { orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] }

/**
 * The crisis protocol outside an interview (case page, Today): a button that opens the same dialog
 * for a case, and — while the case is in crisis mode — the banner that says so and who to phone.
 */
export function CaseCrisis({ caseId, riskLevel, onChanged, banner = true }: { caseId: number; riskLevel: RiskLevel; onChanged?(): void; banner?: boolean }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [state, setState] = useState<CrisisState | null>(null)
  const [contacts, setContacts] = useState<Contacts>(NO_CONTACTS)
  const load = useCallback(() => void call('interview.caseCrisis', { caseId }).then(setState, () => setState(null)), [caseId])
  useEffect(() => {
    load()
    void call('interview.contacts', {}).then(setContacts, () => {})
  }, [load, riskLevel])
  return (
    <>
      {banner && state ? (
        <div className="crisis-banner" role="alert" data-testid="case-crisis-banner">
          <strong>{t('interview:crisis.mode', { kind: t(`interview:crisis.kinds.${state.kind}`), level: t(`interview:risk.${state.level}`) })}</strong>{' '}
          {contacts.dutyPhone ? t('interview:crisis.callDuty', { phone: contacts.dutyPhone }) : t('interview:crisis.noDutyPhone')}
        </div>
      ) : null}
      <button type="button" className="iv-risk" onClick={() => setOpen(true)} data-testid="case-crisis-button">
        {t('interview:crisis.button')}
      </button>
      {open ? (
        <CrisisDialog
          caseId={caseId}
          contacts={contacts}
          riskLevel={riskLevel}
          onRisk={() => onChanged?.()}
          onConfirmed={() => {
            load()
            onChanged?.()
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  )
}
