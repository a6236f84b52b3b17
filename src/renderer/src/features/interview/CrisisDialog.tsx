import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CRISIS_DEFAULT_RISK, CRISIS_NUMBERS, CRISIS_STEPS } from '@shared/domain/interview/catalogue'
import { CRISIS_KINDS, type CrisisKind, type RiskLevel } from '@shared/domain/interview/types'
import { send } from '../../app/calls'
import { shortcutsSuspended } from '../../ui/hotkeys'
import type { Contacts } from './desk-state'
import { tx } from '../../app/i18n'

const RISKS: RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical']
const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/**
 * The crisis protocol on one key (F9), from the interview, the case page or Today. Opening it and
 * choosing what is happening changes nothing: the worker sees the steps and the numbers first. Only
 * an action — confirming the risk, or taking a step — records anything: the case's risk level is
 * set, the case enters crisis mode and the supervisors get an in-app notice; the worker is told to
 * PHONE the on-duty supervisor now (the notice is not a phone call).
 */
export function CrisisDialog({
  interviewId,
  caseId,
  contacts,
  riskLevel,
  onRisk,
  onConfirmed,
  onClose
}: {
  interviewId?: number
  caseId?: number
  contacts: Contacts
  riskLevel: RiskLevel
  onRisk(l: RiskLevel): void
  onConfirmed?(c: { kind: CrisisKind; level: RiskLevel; since: string }): void
  onClose(): void
}) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<CrisisKind | null>(null)
  const [level, setLevel] = useState<RiskLevel>(riskLevel)
  const [confirmedAt, setConfirmedAt] = useState<string | null>(null)
  const [done, setDone] = useState<Record<string, string>>({})
  const confirmRef = useRef<HTMLButtonElement | null>(null)
  const firstKind = useRef<HTMLButtonElement | null>(null)
  const target = interviewId != null ? { interviewId } : { caseId: caseId! }

  useEffect(() => firstKind.current?.focus(), [])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Under the lock screen a digit is part of a passphrase, not a crisis kind.
      if (shortcutsSuspended() || e.isComposing || e.keyCode === 229) return
      if (e.key === 'Escape') {
        e.preventDefault()
        e.stopPropagation()
        onClose()
        return
      }
      const n = Number(e.key)
      if (!kind && n >= 1 && n <= CRISIS_KINDS.length) {
        e.preventDefault()
        choose(CRISIS_KINDS[n - 1])
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  })

  // Choosing what is happening only shows the protocol: nothing is recorded yet.
  const choose = (k: CrisisKind) => {
    setKind(k)
    setLevel((l) => (RISKS.indexOf(l) >= RISKS.indexOf(CRISIS_DEFAULT_RISK[k]) ? l : CRISIS_DEFAULT_RISK[k]))
    setTimeout(() => confirmRef.current?.focus(), 0)
  }
  // A failure is reported by the shared failure bar in the user's language (what did not happen).
  const confirm = async (): Promise<boolean> => {
    if (confirmedAt) return true
    const r = await send('interview.crisis', { ...target, kind: kind!, riskLevel: level }, 'errors:what.crisis')
    if (!r) return false
    setConfirmedAt(r.at)
    onRisk(level)
    onConfirmed?.({ kind: kind!, level, since: r.at })
    return true
  }
  const step = async (s: string) => {
    if (!(await confirm())) return
    const r = await send('interview.crisis', { ...target, kind: kind!, step: s }, 'errors:what.crisis')
    if (r) setDone((d) => ({ ...d, [s]: r.at }))
  }
  const changeRisk = async (l: RiskLevel) => {
    setLevel(l)
    if (!confirmedAt || !kind) return
    if (await send('interview.crisis', { ...target, kind, step: CRISIS_STEPS[kind][0], riskLevel: l }, 'errors:what.crisis')) onRisk(l)
  }

  const numbers = kind ? CRISIS_NUMBERS[kind] : (['110', '120', '12356'] as const)
  return (
    <div className="iv-modal iv-crisis" role="dialog" aria-modal="true" aria-labelledby="iv-crisis-title" data-testid="crisis">
      <div className="iv-modal-card">
        <h2 id="iv-crisis-title">{t('interview:crisis.title')}</h2>
        {!kind ? (
          <>
            <p>{t('interview:crisis.choose')}</p>
            <div className="iv-crisis-kinds">
              {CRISIS_KINDS.map((k, i) => (
                <button key={k} ref={i === 0 ? firstKind : undefined} type="button" onClick={() => choose(k)} data-kind={k}>
                  <kbd>{i + 1}</kbd> {t(`interview:crisis.kinds.${k}`)}
                </button>
              ))}
            </div>
          </>
        ) : (
          <div className="iv-crisis-body">
            <div>
              <h3>{t(`interview:crisis.kinds.${kind}`)}</h3>
              {!confirmedAt ? <p className="hint">{t('interview:crisis.notYet')}</p> : null}
              <div className="iv-crisis-confirm">
                <label className="iv-risk-level">
                  {t('interview:crisis.risk')}{' '}
                  <select value={level} onChange={(e) => void changeRisk(e.target.value as RiskLevel)} data-testid="risk-level">
                    {RISKS.map((r) => <option key={r} value={r}>{t(`interview:risk.${r}`)}</option>)}
                  </select>
                </label>{' '}
                {confirmedAt ? (
                  <span className="iv-ok" role="status" data-testid="supervisor-notified">{t('interview:crisis.notified', { time: hhmm(confirmedAt) })}</span>
                ) : (
                  <button type="button" className="primary" ref={confirmRef} onClick={() => void confirm()} data-testid="crisis-confirm">
                    {t('interview:crisis.confirm')}
                  </button>
                )}
              </div>
              <p className="iv-duty" data-testid="duty-phone">
                {contacts.dutyPhone ? t('interview:crisis.callDuty', { phone: contacts.dutyPhone }) : t('interview:crisis.noDutyPhone')}
              </p>
              <ol className="iv-crisis-steps">
                {CRISIS_STEPS[kind].map((s) => (
                  <li key={s}>
                    <button type="button" onClick={() => void step(s)} aria-pressed={!!done[s]} data-step={s}>
                      {done[s] ? '✓ ' : ''}
                      {tx(t, `interview:crisis.steps.${kind}.${s}`, { phone: contacts.dutyPhone || t('interview:crisis.dutyUnset') })}
                    </button>
                    {done[s] ? <span className="hint"> {t('interview:crisis.stepDone', { time: hhmm(done[s]) })}</span> : null}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h3>{t('interview:crisis.numbers')}</h3>
              <ul className="iv-numbers">
                {contacts.dutyPhone ? <li><strong>{contacts.dutyPhone}</strong> {t('interview:crisis.dutyLabel')}</li> : null}
                {numbers.map((n) => (
                  <li key={n}><strong>{n}</strong> {tx(t, `interview:crisis.n${n}`)}</li>
                ))}
              </ul>
              <h3>{t('interview:crisis.siteContacts')}</h3>
              {contacts.siteContacts.length ? (
                <ul className="iv-numbers">
                  {contacts.siteContacts.map((c) => <li key={c.label + c.phone}><strong>{c.phone}</strong> {c.label}</li>)}
                </ul>
              ) : (
                <p className="hint">{t('interview:crisis.noSiteContacts')}</p>
              )}
            </div>
          </div>
        )}
        <button type="button" onClick={onClose}>{t('interview:crisis.close')}</button>
      </div>
    </div>
  )
}
