import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { LocalePicker } from './LocalePicker'
import { RecoverScreen } from './RecoverScreen'
import { useCountdown } from './useCountdown'

/**
 * Login, and the lock screen: when the desk was locked, it asks the same person for their
 * passphrase (no name and no case data is shown), with a way to switch user. After repeated
 * failures the wait is counted down here, and the button stays off until it is over.
 */
export function LoginScreen({
  status,
  lockedSession,
  onUnlocked,
  onStatusChange
}: {
  status: DeskStatus
  lockedSession: SessionInfo | null
  onUnlocked(s: SessionInfo): void
  /** The file turned out damaged or too new: the gate shows that screen instead. */
  onStatusChange?(): void
}) {
  const { t } = useTranslation()
  const lockedUser = lockedSession ?? status.lockedUser
  const [switching, setSwitching] = useState(false)
  const [recovering, setRecovering] = useState(false)
  const [loginName, setLoginName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const [waitUntil, setWaitUntil] = useState(() => Date.now() + status.retryAfterSeconds * 1000)
  const wait = useCountdown(waitUntil)
  const asLocked = !!lockedUser && !switching
  const asUser = asLocked ? lockedUser.loginName : loginName

  if (recovering) return <RecoverScreen onCancel={() => setRecovering(false)} onUnlocked={onUnlocked} onStatusChange={onStatusChange} />

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (wait > 0) return
    setBusy(true)
    const res = await desk.invoke('session.login', { loginName: asUser, passphrase })
    setBusy(false)
    setPassphrase('')
    if (!res.ok) {
      if (res.code === 'THROTTLED') setWaitUntil(Date.now() + Number(res.params?.seconds ?? 1) * 1000)
      if (res.code === 'DB_DAMAGED' || res.code === 'DB_TOO_NEW') onStatusChange?.()
      return setError(res)
    }
    setError(null)
    onUnlocked(res.value)
  }

  const shownError = error?.code === 'THROTTLED' ? (wait > 0 ? { ...error, params: { seconds: wait } } : null) : error

  return (
    <div className="gate lock-screen" role="dialog" aria-modal="true" aria-labelledby="login-title">
      <form className="gate-card" onSubmit={submit}>
        <div className="gate-head">
          <span className="brand">{t('common:appName')}</span>
          <LocalePicker />
        </div>
        <h1 id="login-title">{asLocked ? t('session:lock.title') : t('session:login.title')}</h1>
        {asLocked ? (
          // No names on the lock screen (not even the worker's): it may be turned towards a visitor.
          <p>{t('session:lock.who')}</p>
        ) : (
          <div className="field">
            <label htmlFor="login-name">{t('session:fields.loginName')}</label>
            <input id="login-name" autoFocus autoComplete="username" value={loginName} onChange={(e) => setLoginName(e.target.value)} required />
          </div>
        )}
        <div className="field">
          <label htmlFor="login-pass">{t('session:fields.passphrase')}</label>
          <input
            id="login-pass"
            key={asLocked ? 'locked' : 'login'}
            type="password"
            autoFocus={asLocked}
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
          />
        </div>
        <ErrorText error={shownError} />
        {wait > 0 && error?.code !== 'THROTTLED' ? (
          <p className="warning" role="status">{t('errors:login.throttled', { seconds: wait })}</p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || !passphrase || !asUser || wait > 0}>
          {busy ? t('session:login.checking') : asLocked ? t('session:lock.unlock') : t('session:login.submit')}
        </button>
        <div className="gate-links">
          {asLocked ? (
            <button
              type="button"
              className="link"
              onClick={() => {
                setSwitching(true)
                setPassphrase('')
                setError(null)
              }}
            >
              {t('session:lock.switchUser')}
            </button>
          ) : null}
          <button type="button" className="link" onClick={() => setRecovering(true)}>
            {t('session:login.forgot')}
          </button>
        </div>
      </form>
    </div>
  )
}
