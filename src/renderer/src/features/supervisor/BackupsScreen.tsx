import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupLogEntry, BackupResult, BackupStatus, BackupVerdict } from '@shared/domain/supervisor/backup'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatBytes, formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import type { Locale } from '@shared/domain/session/types'
import { useProgress } from './useProgress'
import { PathField } from './PathField'
import { ProgressBar } from './ProgressBar'
import './supervisor.css'
import { reportFailure } from '../../app/calls'

type Running = null | 'export' | 'verify' | 'restore'

/** Supervisors: the backup passphrase, the folder, backing up now, checking a backup, restoring one. */
export function BackupsScreen() {
  const { t, i18n } = useTranslation()
  const [status, setStatus] = useState<BackupStatus | null>(null)
  const [log, setLog] = useState<BackupLogEntry[]>([])
  const [running, setRunning] = useState<Running>(null)
  const progress = useProgress('backup', running !== null)

  const load = useCallback(async () => {
    const [s, l] = await Promise.all([desk.invoke('backup.status', {}), desk.invoke('backup.log', {})])
    if (s.ok) setStatus(s.value)
    if (l.ok) setLog(l.value)
  }, [])
  useEffect(() => void load(), [load])

  if (!status) return <div className="page" aria-busy="true">{t('common:loading')}</div>
  const lng = i18n.language

  return (
    <div className="page">
      <h1>{t('supervisor:backup.title')}</h1>
      <p>{t('supervisor:backup.intro')}</p>
      {status.due ? (
        <p className="sv-banner" role="alert">
          {status.lastBackupAt ? t('supervisor:backup.due', { days: status.daysSince ?? 0 }) : t('supervisor:backup.never')}
        </p>
      ) : status.lastBackupAt ? (
        <p className="sv-banner ok">{t('supervisor:backup.last', { at: formatDateTime(status.lastBackupAt, lng) })}</p>
      ) : null}
      <div className="sv-grid">
        <div>
          <ExportCard status={status} running={running} setRunning={setRunning} progress={progress} onDone={load} />
          <PassphraseCard status={status} onSaved={load} />
          <SettingsCard status={status} onSaved={load} />
        </div>
        <div>
          <VerifyCard status={status} running={running} setRunning={setRunning} progress={progress} onDone={load} />
          <ReplaceCard status={status} running={running} setRunning={setRunning} progress={progress} />
        </div>
      </div>
      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t('supervisor:backup.log.title')}</h2>
        <div className="sv-table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th>{t('supervisor:backup.log.at')}</th>
                <th>{t('supervisor:backup.log.kind')}</th>
                <th>{t('supervisor:backup.log.file')}</th>
                <th>{t('supervisor:backup.list.size')}</th>
                <th>{t('supervisor:backup.log.outcome')}</th>
                <th>{t('supervisor:backup.log.who')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, lng)}</td>
                  <td>{t(`supervisor:backup.log.kinds.${e.kind}`)}</td>
                  <td className="mono">{e.fileName}</td>
                  <td>{e.bytes ? formatBytes(e.bytes) : ''}</td>
                  <td>{e.outcome === 'ok' ? t('supervisor:backup.log.ok') : t(`supervisor:backup.errors.${e.outcome}`, { defaultValue: t('supervisor:backup.errors.failed') })}</td>
                  <td>{e.userName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  )
}

interface TaskProps {
  status: BackupStatus
  running: Running
  setRunning(r: Running): void
  progress: number | null
  onDone?(): void
}

function ExportCard({ status, running, setRunning, progress, onDone }: TaskProps) {
  const { t } = useTranslation()
  const [result, setResult] = useState<BackupResult | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const run = async () => {
    setRunning('export')
    setError(null)
    setResult(null)
    const res = await desk.invoke('backup.export', {})
    setRunning(null)
    if (!res.ok) return setError(res)
    setResult(res.value)
    onDone?.()
  }
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('supervisor:backup.export.title')}</h2>
      {!status.passphraseSet ? <p className="warning">{t('supervisor:backup.passphrase.notSet')}</p> : null}
      {status.passphraseSet && !status.folder ? <p className="warning">{t('supervisor:backup.errors.noFolder')}</p> : null}
      {status.folder ? <p className="sv-small mono">{status.folder}</p> : null}
      <button type="button" className="primary" onClick={() => void run()} disabled={running !== null || !status.passphraseSet || !status.folder}>
        {t('supervisor:backup.export.button')}
      </button>
      {running === 'export' ? (
        <>
          <p role="status">{t('supervisor:backup.export.running')}</p>
          <ProgressBar value={progress} label={t('supervisor:backup.export.progress')} />
        </>
      ) : null}
      <ErrorText error={error} />
      {result ? (
        <div role="status" data-testid="export-result">
          <p className="notice">
            {t('supervisor:backup.export.done', {
              file: result.file,
              size: formatBytes(result.bytes),
              rows: result.rows,
              seconds: (result.ms / 1000).toFixed(1)
            })}
          </p>
          {result.rotated.length ? <p className="sv-small">{t('supervisor:backup.export.rotated', { count: result.rotated.length })}</p> : null}
        </div>
      ) : null}
    </section>
  )
}

function PassphraseCard({ status, onSaved }: { status: BackupStatus; onSaved(): void }) {
  const { t, i18n } = useTranslation()
  const [open, setOpen] = useState(!status.passphraseSet)
  const [pass, setPass] = useState('')
  const [confirm, setConfirm] = useState('')
  const [understood, setUnderstood] = useState(false)
  const [error, setError] = useState<DeskError | null>(null)
  const [saved, setSaved] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const res = await desk.invoke('backup.setPassphrase', { passphrase: pass, understood })
    if (!res.ok) return setError(res)
    setError(null)
    setPass('')
    setConfirm('')
    setUnderstood(false)
    setSaved(true)
    setOpen(false)
    onSaved()
  }
  return (
    <section className="card" aria-labelledby="pass-title">
      <h2 id="pass-title">{t('supervisor:backup.passphrase.title')}</h2>
      <p>{t('supervisor:backup.passphrase.intro')}</p>
      {status.passphraseSet ? (
        <p className="notice">{t('supervisor:backup.passphrase.isSet', { at: formatDateTime(status.passphraseSetAt ?? '', i18n.language) })}</p>
      ) : null}
      {saved ? <p role="status">{t('supervisor:backup.passphrase.saved')}</p> : null}
      {status.passphraseSet ? (
        <p>
          <button
            type="button"
            onClick={async () => {
              const r = await desk.invoke('backup.sheet', { locale: (i18n.language as Locale) ?? 'zh-CN', action: 'print' })
              if (r.ok) await deliverPdf(r.value, 'print')
              else setError(r)
            }}
          >
            {t('supervisor:backup.passphrase.sheet')}
          </button>
        </p>
      ) : null}
      {open ? (
        <form onSubmit={submit}>
          <p className="sv-banner bad" role="note">
            {t('supervisor:backup.passphrase.warning')}
          </p>
          <div className="field">
            <label htmlFor="bk-pass">{t('supervisor:backup.passphrase.field')}</label>
            <input id="bk-pass" type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="new-password" />
          </div>
          <div className="field">
            <label htmlFor="bk-pass2">{t('supervisor:backup.passphrase.confirm')}</label>
            <input id="bk-pass2" type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
            {confirm && confirm !== pass ? <div className="field-error">{t('errors:passphrase.mismatch')}</div> : null}
          </div>
          <label className="check">
            <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} />
            {t('supervisor:backup.passphrase.understood')}
          </label>
          <ErrorText error={error} />
          <button type="submit" className="primary" disabled={!pass || pass !== confirm || !understood}>
            {status.passphraseSet ? t('supervisor:backup.passphrase.change') : t('supervisor:backup.passphrase.set')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setOpen(true)}>
          {t('supervisor:backup.passphrase.change')}
        </button>
      )}
    </section>
  )
}

function SettingsCard({ status, onSaved }: { status: BackupStatus; onSaved(): void }) {
  const { t } = useTranslation()
  const [folder, setFolder] = useState(status.folder)
  const [keep, setKeep] = useState(String(status.keep))
  const [days, setDays] = useState(String(status.reminderDays))
  const [error, setError] = useState<DeskError | null>(null)
  const [saved, setSaved] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const res = await desk.invoke('backup.saveSettings', { folder, keep: Number(keep) || 0, reminderDays: Number(days) || 0 })
    if (!res.ok) return setError(res)
    setError(null)
    setSaved(true)
    onSaved()
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="bk-settings-title">
      <h2 id="bk-settings-title">{t('supervisor:backup.settings.title')}</h2>
      <PathField
        label={t('supervisor:backup.settings.folder')}
        hint={t('supervisor:backup.settings.folderHint')}
        value={folder}
        onChange={(v) => (setFolder(v), setSaved(false))}
        native={status.nativeDialogs}
        kind="folder"
      />
      <div className="field-row narrow">
        <div className="field">
          <label htmlFor="bk-keep">{t('supervisor:backup.settings.keep')}</label>
          <input id="bk-keep" type="number" min={0} max={1000} value={keep} onChange={(e) => setKeep(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="bk-days">{t('supervisor:backup.settings.reminderDays')}</label>
          <input id="bk-days" type="number" min={0} max={365} value={days} onChange={(e) => setDays(e.target.value)} />
        </div>
      </div>
      <ErrorText error={error} />
      {saved ? <p role="status">{t('supervisor:backup.settings.saved')}</p> : null}
      <button type="submit">{t('supervisor:backup.settings.save')}</button>
    </form>
  )
}

/** Backups in the folder, to pick one for checking or restoring without typing its path. */
function FolderList({ folder, refresh, onPick }: { folder: string; refresh: string | null; onPick(file: string): void }) {
  const { t, i18n } = useTranslation()
  const [files, setFiles] = useState<{ name: string; file: string; bytes: number; modifiedAt: string }[]>([])
  useEffect(() => {
    if (!folder) return
    void desk.invoke('backup.list', { folder }).then((r) => (r.ok ? setFiles(r.value.files) : reportFailure(r, 'errors:what.load')))
  }, [folder, refresh])
  if (!folder) return null
  if (!files.length) return <p className="sv-small">{t('supervisor:backup.list.empty')}</p>
  return (
    <div className="sv-table-wrap" style={{ maxHeight: '9rem' }}>
      <table className="table sv-filelist">
        <tbody>
          {files.slice(0, 20).map((f) => (
            <tr key={f.file}>
              <td className="mono">{f.name}</td>
              <td>{formatBytes(f.bytes)}</td>
              <td>{formatDateTime(f.modifiedAt, i18n.language)}</td>
              <td>
                <button type="button" onClick={() => onPick(f.file)}>
                  {t('supervisor:backup.list.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function VerifyCard({ status, running, setRunning, progress, onDone }: TaskProps) {
  const { t, i18n } = useTranslation()
  const [file, setFile] = useState('')
  const [pass, setPass] = useState('')
  const [verdict, setVerdict] = useState<BackupVerdict | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRunning('verify')
    setError(null)
    setVerdict(null)
    const res = await desk.invoke('backup.verify', { file, passphrase: pass })
    setRunning(null)
    setPass('')
    if (!res.ok) return setError(res)
    setVerdict(res.value)
    onDone?.()
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="verify-title">
      <h2 id="verify-title">{t('supervisor:backup.verify.title')}</h2>
      <p className="sv-small">{t('supervisor:backup.verify.intro')}</p>
      <FolderList folder={status.folder} refresh={status.lastBackupAt} onPick={setFile} />
      <PathField label={t('supervisor:backup.verify.file')} value={file} onChange={setFile} native={status.nativeDialogs} kind="file" />
      <div className="field">
        <label htmlFor="verify-pass">{t('supervisor:backup.passphrase.field')}</label>
        <input id="verify-pass" type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="off" />
      </div>
      <button type="submit" className="primary" disabled={running !== null || !file.trim() || !pass}>
        {t('supervisor:backup.verify.button')}
      </button>
      {running === 'verify' ? <ProgressBar value={progress} label={t('supervisor:backup.verify.progress')} /> : null}
      <ErrorText error={error} />
      {verdict ? (
        <div role="status" data-testid="verify-verdict">
          <p className="sv-banner ok">{t('supervisor:backup.verify.ok', { at: formatDateTime(verdict.createdAt, i18n.language), rows: verdict.rows })}</p>
          {verdict.liveTrail === 'shortened' ? (
            <p className="sv-banner bad" role="alert">
              {t('supervisor:backup.verify.liveTrailShortened', { events: verdict.auditEvents ?? 0 })}
            </p>
          ) : null}
          <details>
            <summary>{t('supervisor:backup.verify.details')}</summary>
            <table className="table">
              <thead>
                <tr>
                  <th>{t('supervisor:backup.verify.table')}</th>
                  <th>{t('supervisor:backup.verify.count')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(verdict.tables).map(([name, n]) => (
                  <tr key={name}>
                    <td className="mono">{name}</td>
                    <td>{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      ) : null}
    </form>
  )
}

function ReplaceCard({ status, running, setRunning, progress }: TaskProps) {
  const { t } = useTranslation()
  const [file, setFile] = useState('')
  const [pass, setPass] = useState('')
  const [confirm, setConfirm] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  // The backup would bring back passphrases revoked since: the accounts are named and a yes is needed.
  const [revived, setRevived] = useState<DeskError | null>(null)
  const [acceptRevived, setAcceptRevived] = useState(false)
  const word = t('supervisor:restore.confirmWord')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setRunning('restore')
    setError(null)
    const res = await desk.invoke('backup.restoreReplace', { file, passphrase: pass, confirm, ...(revived && acceptRevived ? { acceptRevived: true } : {}) })
    setRunning(null)
    if (!res.ok && res.messageKey === 'supervisor:restore.errors.revived') {
      setAcceptRevived(false)
      return setRevived(res)
    }
    setPass('')
    if (!res.ok) return setError(res)
    // The data was replaced and the session ended: back to the login screen, with the restored accounts.
    location.reload()
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby="replace-title">
      <h2 id="replace-title">{t('supervisor:restore.title')}</h2>
      <p className="warning">{t('supervisor:restore.introReplace')}</p>
      <PathField label={t('supervisor:backup.verify.file')} value={file} onChange={setFile} native={status.nativeDialogs} kind="file" />
      <div className="field">
        <label htmlFor="replace-pass">{t('supervisor:backup.passphrase.field')}</label>
        <input id="replace-pass" type="password" value={pass} onChange={(e) => setPass(e.target.value)} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="replace-confirm">{t('supervisor:restore.confirmLabel', { word })}</label>
        <input id="replace-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
      </div>
      {revived ? (
        <div className="field" role="alert" data-testid="revived-warning">
          <ErrorText error={revived} />
          <label>
            <input type="checkbox" checked={acceptRevived} onChange={(e) => setAcceptRevived(e.target.checked)} />
            {t('supervisor:restore.revived.accept')}
          </label>
        </div>
      ) : null}
      <button type="submit" className="danger" disabled={running !== null || !file.trim() || !pass || confirm.trim() !== word || (!!revived && !acceptRevived)}>
        {t('supervisor:restore.replaceButton')}
      </button>
      {running === 'restore' ? <ProgressBar value={progress} label={t('supervisor:restore.running')} /> : null}
      <ErrorText error={error} />
    </form>
  )
}
