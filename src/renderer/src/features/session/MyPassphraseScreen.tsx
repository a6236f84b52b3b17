import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'
import { PassphraseFields } from './PassphraseFields'

/** Change your own passphrase. Never forced on a schedule (NIST SP 800-63B); do it when you want to. */
export function MyPassphraseScreen() {
  const { t } = useTranslation()
  const { session } = useSession()
  const [current, setCurrent] = useState('')
  const [pass, setPass] = useState({ value: '', confirm: '', acceptable: false })
  const [error, setError] = useState<DeskError | null>(null)
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    const res = await desk.invoke('session.changePassphrase', { current, next: pass.value })
    setBusy(false)
    setCurrent('')
    if (!res.ok) return setError(res)
    setError(null)
    setDone(true)
    setPass({ value: '', confirm: '', acceptable: false })
  }

  return (
    <div className="page">
      <form className="card narrow-card" onSubmit={submit} aria-labelledby="mypass-title">
        <h1 id="mypass-title">{t('session:myPassphrase.title')}</h1>
        <p className="hint">{t('session:myPassphrase.intro')}</p>
        <div className="field">
          <label htmlFor="mypass-current">{t('session:myPassphrase.current')}</label>
          <input
            id="mypass-current"
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => {
              setCurrent(e.target.value)
              setDone(false)
            }}
          />
        </div>
        <PassphraseFields
          value={pass.value}
          confirm={pass.confirm}
          onChange={setPass}
          context={[session.loginName, session.displayName]}
          label={t('session:passphrase.newFor')}
        />
        <ErrorText error={error} />
        {done ? <p role="status" className="notice">{t('session:myPassphrase.done')}</p> : null}
        <button type="submit" className="primary" disabled={busy || !current || !pass.acceptable}>
          {t('session:myPassphrase.submit')}
        </button>
      </form>
    </div>
  )
}
