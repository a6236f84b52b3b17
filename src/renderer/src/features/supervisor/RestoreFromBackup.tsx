import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { useProgress } from './useProgress'
import { PathField } from './PathField'
import { ProgressBar } from './ProgressBar'
import './supervisor.css'

/**
 * Restore from an encrypted backup: offered on the first-run screen and on the damaged-database
 * screen (nobody is logged in there). Over a damaged desk it replaces data, so a supervisor of the
 * backup signs it with their login (`needsSupervisor`). After it, people log in with the accounts
 * in the backup.
 */
export function RestoreFromBackup({ onRestored, onCancel, needsSupervisor = false }: { onRestored(): void; onCancel(): void; needsSupervisor?: boolean }) {
  const { t, i18n } = useTranslation()
  const [file, setFile] = useState('')
  const [pass, setPass] = useState('')
  const [login, setLogin] = useState('')
  const [supPass, setSupPass] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const [native, setNative] = useState(false)
  const progress = useProgress('backup', busy)

  useEffect(() => {
    void desk.invoke('backup.capabilities', {}).then((r) => r.ok && setNative(r.value.nativeDialogs))
  }, [])

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    const res = await desk.invoke('backup.restoreFresh', needsSupervisor ? { file, passphrase: pass, supervisor: { loginName: login, passphrase: supPass } } : { file, passphrase: pass })
    setBusy(false)
    setSupPass('')
    if (!res.ok) return setError(res)
    setPass('')
    setDone(res.value.backupCreatedAt)
  }

  if (done) {
    return (
      <div role="status">
        <p className="notice">{t('supervisor:restore.done', { at: formatDateTime(done, i18n.language) })}</p>
        <button type="button" className="primary" autoFocus onClick={onRestored}>
          {t('supervisor:restore.toLogin')}
        </button>
      </div>
    )
  }

  return (
    <form onSubmit={submit} aria-labelledby="restore-title">
      <h2 id="restore-title">{t('supervisor:restore.title')}</h2>
      <p>{t('supervisor:restore.introFresh')}</p>
      <PathField
        label={t('supervisor:backup.verify.file')}
        hint={t('supervisor:restore.fileHint')}
        value={file}
        onChange={setFile}
        native={native}
        kind="file"
      />
      <div className="field">
        <label htmlFor="restore-pass">{t('supervisor:backup.passphrase.field')}</label>
        <input id="restore-pass" type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="off" />
      </div>
      {needsSupervisor ? (
        <fieldset className="field">
          <legend>{t('supervisor:restore.supervisorLegend')}</legend>
          <p className="hint">{t('supervisor:restore.supervisorHint')}</p>
          <label htmlFor="restore-login">{t('supervisor:restore.supervisorLogin')}</label>
          <input id="restore-login" value={login} onChange={(e) => setLogin(e.target.value)} autoComplete="off" />
          <label htmlFor="restore-sup-pass">{t('supervisor:restore.supervisorPassphrase')}</label>
          <input id="restore-sup-pass" type="password" value={supPass} onChange={(e) => setSupPass(e.target.value)} autoComplete="off" />
        </fieldset>
      ) : null}
      <ProgressBar value={progress} label={t('supervisor:restore.running')} />
      <ErrorText error={error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || !file.trim() || !pass || (needsSupervisor && (!login.trim() || !supPass))}>
          {t('supervisor:restore.button')}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('supervisor:restore.cancel')}
        </button>
      </div>
    </form>
  )
}
export const restoreAvailable = true
