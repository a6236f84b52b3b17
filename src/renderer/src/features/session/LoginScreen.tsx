import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskStatus, SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'

/**
 * Login, and the lock screen: when the desk was locked, it asks the same person for their
 * passphrase (their name is shown, no case data), with a way to switch user.
 */
export function LoginScreen({
  status,
  lockedSession,
  onUnlocked
}: {
  status: DeskStatus
  lockedSession: SessionInfo | null
  onUnlocked(s: SessionInfo): void
}) {
  const { t } = useTranslation()
  const lockedUser = lockedSession ?? status.lockedUser
  const [switching, setSwitching] = useState(false)
  const [loginName, setLoginName] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const asUser = lockedUser && !switching ? lockedUser.loginName : loginName

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const res = await desk.invoke('session.login', { loginName: asUser, passphrase })
    setBusy(false)
    setPassphrase('')
    if (!res.ok) return setError(res)
    setError(null)
    onUnlocked(res.value)
  }

  return (
    <div className="gate lock-screen" role="dialog" aria-modal="true" aria-labelledby="login-title">
      <form className="gate-card" onSubmit={submit}>
        <h1 id="login-title">{lockedUser && !switching ? t('session:lock.title') : t('session:login.title')}</h1>
        {lockedUser && !switching ? (
          <p>{t('session:lock.who', { name: lockedUser.displayName })}</p>
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
            type="password"
            autoFocus={!!lockedUser && !switching}
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            required
          />
        </div>
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={busy || !passphrase || !asUser}>
          {lockedUser && !switching ? t('session:lock.unlock') : t('session:login.submit')}
        </button>
        {lockedUser && !switching ? (
          <button type="button" className="link" onClick={() => setSwitching(true)}>
            {t('session:lock.switchUser')}
          </button>
        ) : null}
      </form>
    </div>
  )
}
