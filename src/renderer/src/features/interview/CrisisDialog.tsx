import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CRISIS_DEFAULT_RISK, CRISIS_NUMBERS, CRISIS_STEPS } from '@shared/domain/interview/catalogue'
import { CRISIS_KINDS, type CrisisKind, type RiskLevel } from '@shared/domain/interview/types'
import { send } from '../../app/calls'
import { shortcutsSuspended } from '../../ui/hotkeys'
import type { Contacts } from './InterviewDesk'

const RISKS: RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical']
const hhmm = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' })

/**
 * The crisis protocol on one key (F9): choose what is happening (1–4), follow the steps — each
 * click is time-stamped into the case — call the numbers shown; the supervisor is told in the app
 * the moment the protocol opens, and the case's risk level is set (changeable here).
 */
export function CrisisDialog({
  interviewId,
  contacts,
  riskLevel,
  onRisk,
  onClose
}: {
  interviewId: number
  contacts: Contacts
  riskLevel: RiskLevel
  onRisk(l: RiskLevel): void
  onClose(): void
}) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<CrisisKind | null>(null)
  const [openedAt, setOpenedAt] = useState<string | null>(null)
  const [done, setDone] = useState<Record<string, string>>({})
  const firstStep = useRef<HTMLButtonElement | null>(null)
  const firstKind = useRef<HTMLButtonElement | null>(null)

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
        void open(CRISIS_KINDS[n - 1])
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  })

  const open = async (k: CrisisKind) => {
    setKind(k)
    const level = CRISIS_DEFAULT_RISK[k]
    onRisk(level)
    const r = await send('interview.crisis', { interviewId, kind: k, riskLevel: level }, 'errors:what.crisis')
    if (r) setOpenedAt(r.at)
    setTimeout(() => firstStep.current?.focus(), 0)
  }
  const step = async (s: string) => {
    const r = await send('interview.crisis', { interviewId, kind: kind!, step: s }, 'errors:what.crisis')
    if (r) setDone((d) => ({ ...d, [s]: r.at }))
  }
  const setRisk = async (l: RiskLevel) => {
    onRisk(l)
    if (kind) await send('interview.crisis', { interviewId, kind, step: CRISIS_STEPS[kind][0], riskLevel: l }, 'errors:what.crisis')
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
                <button key={k} ref={i === 0 ? firstKind : undefined} type="button" onClick={() => void open(k)} data-kind={k}>
                  <kbd>{i + 1}</kbd> {t(`interview:crisis.kinds.${k}`)}
                </button>
              ))}
            </div>
          </>
        ) : (
          <div className="iv-crisis-body">
            <div>
              <h3>{t(`interview:crisis.kinds.${kind}`)}</h3>
              <ol className="iv-crisis-steps">
                {CRISIS_STEPS[kind].map((s, i) => (
                  <li key={s}>
                    <button type="button" ref={i === 0 ? firstStep : undefined} onClick={() => void step(s)} aria-pressed={!!done[s]} data-step={s}>
                      {done[s] ? '✓ ' : ''}
                      {t(`interview:crisis.steps.${kind}.${s}`)}
                    </button>
                    {done[s] ? <span className="hint"> {t('interview:crisis.stepDone', { time: hhmm(done[s]) })}</span> : null}
                  </li>
                ))}
              </ol>
              {openedAt ? <p className="iv-ok" role="status" data-testid="supervisor-notified">{t('interview:crisis.notified', { time: hhmm(openedAt) })}</p> : null}
            </div>
            <div>
              <h3>{t('interview:crisis.numbers')}</h3>
              <ul className="iv-numbers">
                {numbers.map((n) => (
                  <li key={n}><strong>{n}</strong> {t(`interview:crisis.n${n}`)}</li>
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
              <label className="iv-risk-level">
                {t('interview:crisis.risk')}{' '}
                <select value={riskLevel} onChange={(e) => void setRisk(e.target.value as RiskLevel)} data-testid="risk-level">
                  {RISKS.map((r) => <option key={r} value={r}>{t(`interview:risk.${r}`)}</option>)}
                </select>
              </label>
            </div>
          </div>
        )}
        <button type="button" onClick={onClose}>{t('interview:crisis.close')}</button>
      </div>
    </div>
  )
}
