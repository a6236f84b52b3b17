import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale, SessionInfo } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { setUiLocale } from '../../app/i18n'
import { ErrorText } from '../../ui/ErrorText'
import { PassphraseFields } from './PassphraseFields'
import { RecoveryKeyScreen } from './RecoveryKeyScreen'

/** First run: the first supervisor account, then the recovery key, shown once. */
export function SetupScreen({ onDone }: { onDone(s: SessionInfo): void; onRestored(): void }) {
  const { t, i18n } = useTranslation()
  const [displayName, setDisplayName] = useState('')
  const [loginName, setLoginName] = useState('')
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<{ session: SessionInfo; recoveryKey: string } | null>(null)
  const locale = (i18n.language as Locale) ?? 'zh-CN'

  if (done) return <RecoveryKeyScreen recoveryKey={done.recoveryKey} onConfirmed={() => onDone(done.session)} />

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (pass.value !== pass.confirm) return
    setBusy(true)
    const res = await desk.invoke('desk.setup', { displayName, loginName, passphrase: pass.value, locale })
    setBusy(false)
    if (!res.ok) return setError(res)
    setDone(res.value)
  }

  return (
    <div className="gate">
      <form className="gate-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('session:setup.title')}</h1>
        <p>{t('session:setup.intro')}</p>
        <label className="locale-switch">
          {t('common:language.label')}
          <select value={locale} onChange={(e) => setUiLocale(e.target.value as Locale)}>
            <option value="zh-CN">{t('common:language.zh-CN')}</option>
            <option value="yue-HK">{t('common:language.yue-HK')}</option>
          </select>
        </label>
        <div className="field">
          <label htmlFor="setup-display">{t('session:fields.displayName')}</label>
          <input id="setup-display" autoFocus value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="setup-login">{t('session:fields.loginName')}</label>
          <input id="setup-login" autoComplete="username" value={loginName} onChange={(e) => setLoginName(e.target.value)} required />
          <div className="hint">{t('session:fields.loginNameHint')}</div>
        </div>
        <PassphraseFields value={pass.value} confirm={pass.confirm} onChange={setPass} context={[loginName, displayName]} />
        <ErrorText error={error} />
        <button type="submit" className="primary" disabled={busy || !pass.acceptable || !displayName || !loginName}>
          {t('session:setup.submit')}
        </button>
      </form>
    </div>
  )
}
