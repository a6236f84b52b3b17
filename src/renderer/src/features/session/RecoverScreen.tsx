import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { LocalePicker } from './LocalePicker'
import { PassphraseFields } from './PassphraseFields'
import { useCountdown } from './useCountdown'

type Supervisor = { id: number; displayName: string; loginName: string }

/**
 * Forgot the passphrase: the recovery key from the office safe opens the desk. Step one checks the
 * key and lists the supervisors; step two sets a new passphrase for one of them and logs them in.
 * The key is typed as people copy it: spaces, dashes and lower case are all fine.
 */
export function RecoverScreen({
  onCancel,
  onUnlocked,
  onStatusChange
}: {
  onCancel(): void
  onUnlocked(s: SessionInfo): void
  onStatusChange?(): void
}) {
  const { t } = useTranslation()
  const [recoveryKey, setRecoveryKey] = useState('')
  const [supervisors, setSupervisors] = useState<Supervisor[] | null>(null)
  const [userId, setUserId] = useState<number | null>(null)
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const [waitUntil, setWaitUntil] = useState(0)
  const wait = useCountdown(waitUntil)
  const chosen = supervisors?.find((s) => s.id === userId)

  const fail = (res: DeskError) => {
    if (res.code === 'THROTTLED') setWaitUntil(Date.now() + Number(res.params?.seconds ?? 1) * 1000)
    if (res.code === 'DB_DAMAGED' || res.code === 'DB_TOO_NEW') onStatusChange?.()
    setError(res)
  }

  const checkKey = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const res = await desk.invoke('session.recover', { recoveryKey })
    setBusy(false)
    if (!res.ok) return fail(res)
    setError(null)
    setSupervisors(res.value.supervisors)
    setUserId(res.value.supervisors[0]?.id ?? null)
  }

  const setNew = async (e: FormEvent) => {
    e.preventDefault()
    if (!userId) return
    setBusy(true)
    const res = await desk.invoke('session.recover', { recoveryKey, userId, newPassphrase: pass.value })
    setBusy(false)
    if (!res.ok) return fail(res)
    if (res.value.session) onUnlocked(res.value.session)
  }

  const shownError = error?.code === 'THROTTLED' ? (wait > 0 ? { ...error, params: { seconds: wait } } : null) : error

  return (
    <div className="gate lock-screen" role="dialog" aria-modal="true" aria-labelledby="recover-title">
      <form className="gate-card" onSubmit={supervisors ? setNew : checkKey}>
        <div className="gate-head">
          <span className="brand">{t('common:appName')}</span>
          <LocalePicker />
        </div>
        <h1 id="recover-title">{t('session:recover.title')}</h1>
        {!supervisors ? (
          <>
            <p>{t('session:recover.intro')}</p>
            <div className="field">
              <label htmlFor="recover-key">{t('session:recover.key')}</label>
              <input
                id="recover-key"
                className="mono"
                autoFocus
                autoComplete="off"
                spellCheck={false}
                value={recoveryKey}
                onChange={(e) => setRecoveryKey(e.target.value)}
                placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
                required
              />
              <div className="hint">{t('session:recover.keyHint')}</div>
            </div>
            <ErrorText error={shownError} />
            <button type="submit" className="primary" disabled={busy || !recoveryKey.trim() || wait > 0}>
              {busy ? t('session:login.checking') : t('session:recover.check')}
            </button>
          </>
        ) : supervisors.length === 0 ? (
          <p role="alert" className="error-text">{t('session:recover.noSupervisor')}</p>
        ) : (
          <>
            <p role="status">{t('session:recover.keyOk')}</p>
            <div className="field">
              <label htmlFor="recover-who">{t('session:recover.who')}</label>
              <select id="recover-who" value={userId ?? ''} onChange={(e) => setUserId(Number(e.target.value))}>
                {supervisors.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.displayName}（{s.loginName}）
                  </option>
                ))}
              </select>
            </div>
            <PassphraseFields
              value={pass.value}
              confirm={pass.confirm}
              onChange={setPass}
              context={chosen ? [chosen.loginName, chosen.displayName] : []}
              label={t('session:passphrase.newFor')}
            />
            <ErrorText error={shownError} />
            <button type="submit" className="primary" disabled={busy || !pass.acceptable || !userId}>
              {t('session:recover.submit')}
            </button>
          </>
        )}
        <div className="gate-links">
          <button type="button" className="link" onClick={onCancel}>
            {t('session:recover.back')}
          </button>
        </div>
      </form>
    </div>
  )
}
