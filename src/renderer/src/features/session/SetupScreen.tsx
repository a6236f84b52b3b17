import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { RestoreFromBackup, restoreAvailable } from '../supervisor'
import { LocalePicker } from './LocalePicker'
import { PassphraseFields } from './PassphraseFields'
import { RecoveryKeyScreen } from './RecoveryKeyScreen'

/** First run: the first supervisor account, then the recovery key, shown once. Or restore a backup. */
export function SetupScreen({ onDone, onRestored }: { onDone(s: SessionInfo): void; onRestored(): void }) {
  const { t, i18n } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [loginName, setLoginName] = useState('')
  const [orgName, setOrgName] = useState('')
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState(false)
  const [done, setDone] = useState<{ session: SessionInfo; recoveryKey: string } | null>(null)
  const locale = (i18n.language as Locale) ?? 'zh-CN'

  if (done) {
    return <RecoveryKeyScreen recoveryKey={done.recoveryKey} orgName={orgName.trim()} onConfirmed={() => onDone(done.session)} />
  }
  if (restoring) {
    return (
      <div className="gate">
        <section className="gate-card">
          <RestoreFromBackup onRestored={onRestored} onCancel={() => setRestoring(false)} />
        </section>
      </div>
    )
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pass.value !== pass.confirm) return
    setBusy(true)
    const res = await desk.invoke('desk.setup', { displayName, loginName, passphrase: pass.value, locale, orgName })
    setBusy(false)
    if (!res.ok) return setError(res)
    setDone(res.value)
  }

  return (
    <div className="gate">
      <form className="gate-card wide" onSubmit={submit} aria-labelledby="setup-title">
        <div className="gate-head">
          <span className="brand">{t('common:appName')}</span>
          <LocalePicker />
        </div>
        <h1 id="setup-title">{t('session:setup.title')}</h1>
        <p>{t('session:setup.intro')}</p>
        <div className="field-row">
          <div className="field">
            <label htmlFor="setup-display">{t('session:fields.displayName')}</label>
            <input id="setup-display" autoFocus value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
          </div>
          <div className="field">
            <label htmlFor="setup-login">{t('session:fields.loginName')}</label>
            <input id="setup-login" autoComplete="username" value={loginName} onChange={(e) => setLoginName(e.target.value)} required />
            <div className="hint">{t('session:fields.loginNameHint')}</div>
          </div>
        </div>
        <div className="field">
          <label htmlFor="setup-org">{t('session:fields.orgName')}</label>
          <input id="setup-org" value={orgName} onChange={(e) => setOrgName(e.target.value)} />
          <div className="hint">{t('session:fields.orgNameHint')}</div>
        </div>
        <div className="field-row">
          <PassphraseFields value={pass.value} confirm={pass.confirm} onChange={setPass} context={[loginName, displayName]} />
        </div>
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={busy || !pass.acceptable || !displayName || !loginName}>
          {t('session:setup.submit')}
        </button>
        {restoreAvailable ? (
          <div className="gate-links">
            <button type="button" className="link" onClick={() => setRestoring(true)}>
              {t('session:setup.restore')}
            </button>
          </div>
        ) : null}
      </form>
    </div>
  )
}
