import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArchivePrintSummary, ArchiveRow, ArchiveState } from '@shared/domain/archive/types'
import { ARCHIVE_STATES } from '@shared/domain/archive/types'
import type { Locale } from '@shared/domain/session/types'
import type { DeskError } from '@shared/ipc/result'
import { failureOf } from '@shared/ipc/failure'
import { call, desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import { useLoad } from '../../app/calls'
import { formLabel, itemKey } from './archive-rows'
import './archive.css'

/**
 * 归档: signed-off forms → print (one PDF, or one per case, with a progress bar and a summary) →
 * file under an archive number, box and shelf. A form printed before prints as 补打（副本）.
 */
export function ArchiveScreen() {
  const { t, i18n } = useTranslation(['archive', 'people', 'common'])
  const [state, setState] = useState<ArchiveState | 'all'>('toPrint')
  const [reload, setReload] = useState(0)
  const queue = useLoad(() => call('archive.queue', state === 'all' ? {} : { state }), [state, reload])
  const rows: ArchiveRow[] = queue.value ?? []
  const [selected, setSelected] = useState<Set<string>>(new Set())
  useEffect(() => setSelected(new Set()), [state, reload])
  const chosen = rows.filter((r) => selected.has(itemKey(r)))

  const [lang, setLang] = useState<Locale>(i18n.language === 'yue-HK' ? 'yue-HK' : 'zh-CN')
  const [bundle, setBundle] = useState<'one' | 'perCase'>('one')
  const [action, setAction] = useState<'print' | 'save'>('print')
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null)
  const [summary, setSummary] = useState<ArchivePrintSummary | null>(null)
  const [missing, setMissing] = useState<{ chars: string; all: boolean } | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)

  const [archiveNo, setArchiveNo] = useState('')
  const [box, setBox] = useState('')
  const [shelf, setShelf] = useState('')
  const [filed, setFiled] = useState<number | null>(null)

  const print = async (all: boolean, allowMissing = false) => {
    setBusy(true)
    setError(null)
    setSummary(null)
    setMissing(null)
    setFiled(null)
    setProgress({ done: 0, total: 1 })
    const off = desk.on('progress', (p) => p.task === 'archive.print' && setProgress({ done: p.done, total: p.total }))
    try {
      const items = all ? undefined : chosen.map((r) => ({ kind: r.kind, subjectId: r.subjectId }))
      const s = await call('archive.print', { items, lang, bundle, action, allowMissing })
      for (const d of s.deliveries) if (d.mode === 'bytes') await deliverPdf(d, action)
      setSummary(s)
      setReload((n) => n + 1)
    } catch (e) {
      const f = failureOf(e)
      if (f.code === 'MISSING_GLYPHS') setMissing({ chars: String(f.params?.chars ?? ''), all })
      else setError(f)
    } finally {
      off()
      setProgress(null)
      setBusy(false)
    }
  }

  const file = async () => {
    setBusy(true)
    setError(null)
    setSummary(null)
    try {
      const r = await call('archive.file', { items: chosen.map((x) => ({ kind: x.kind, subjectId: x.subjectId })), archiveNo, box, shelf: shelf || undefined })
      setFiled(r.filed)
      setReload((n) => n + 1)
    } catch (e) {
      setError(failureOf(e))
    } finally {
      setBusy(false)
    }
  }

  const toggle = (key: string) => setSelected((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key])))
  const allChosen = rows.length > 0 && chosen.length === rows.length
  const canFile = chosen.length > 0 && chosen.every((r) => r.state !== 'toPrint')

  return (
    <div className="page archive">
      <h1>{t('queue.title')}</h1>
      <p className="muted">{t('queue.intro')}</p>
      <div className="archive-tabs" role="radiogroup" aria-label={t('queue.show')}>
        {[...ARCHIVE_STATES, 'all' as const].map((s) => (
          <label key={s} className="option">
            <input type="radio" name="archive-state" checked={state === s} onChange={() => setState(s)} />
            {s === 'all' ? t('queue.all') : t(`states.${s}`)}
          </label>
        ))}
      </div>
      <ErrorText error={queue.error} kind="read" onRetry={() => setReload((n) => n + 1)} />
      {rows.length === 0 && !queue.loading ? (
        <p className="muted">{t('queue.empty')}</p>
      ) : (
        <table className="table archive-table">
          <thead>
            <tr>
              <th>
                <input type="checkbox" aria-label={t('queue.selectAll')} checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(rows.map(itemKey)))} />
              </th>
              <th>{t('queue.caseNo')}</th>
              <th>{t('queue.name')}</th>
              <th>{t('queue.form')}</th>
              <th>{t('queue.signedAt')}</th>
              <th>{t('queue.state')}</th>
              <th>{t('queue.prints')}</th>
              <th>{t('queue.place')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={itemKey(r)}>
                <td>
                  <input type="checkbox" aria-label={t('queue.select', { caseNo: r.caseNo, form: formLabel(t, r) })} checked={selected.has(itemKey(r))} onChange={() => toggle(itemKey(r))} />
                </td>
                <td className="mono">{r.caseNo}</td>
                <td>{r.masked ? <span className="tag">{t('people:confidential.maskedLine')}</span> : r.name}</td>
                <td>{formLabel(t, r)}</td>
                <td>{formatDateTime(r.signedAt, i18n.language)}</td>
                <td>
                  {t(`states.${r.state}`)}
                  {r.prints > 1 ? <span className="tag">{t('states.reprinted')}</span> : null}
                  {r.onLoan ? <span className="tag">{t('queue.onLoan')}</span> : null}
                </td>
                <td>{r.prints}</td>
                <td>{r.filedAt ? t('queue.placeText', { archiveNo: r.archiveNo, box: r.box, shelf: r.shelf ? t('queue.shelfText', { shelf: r.shelf }) : '' }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted" aria-live="polite">
        {t('queue.selected', { count: chosen.length })}
      </p>

      <section className="archive-panel" aria-labelledby="archive-print">
        <h2 id="archive-print">{t('print.title')}</h2>
        <div className="archive-row">
          <label>
            {t('print.language')}{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
              <option value="zh-CN">{t('common:language.zh-CN')}</option>
              <option value="yue-HK">{t('common:language.yue-HK')}</option>
            </select>
          </label>
          <fieldset className="options">
            <legend>{t('print.bundle')}</legend>
            <label className="option">
              <input type="radio" name="archive-bundle" checked={bundle === 'one'} onChange={() => setBundle('one')} />
              {t('print.one')}
            </label>
            <label className="option">
              <input type="radio" name="archive-bundle" checked={bundle === 'perCase'} onChange={() => setBundle('perCase')} />
              {t('print.perCase')}
            </label>
          </fieldset>
          <fieldset className="options">
            <legend>{t('print.action')}</legend>
            <label className="option">
              <input type="radio" name="archive-action" checked={action === 'print'} onChange={() => setAction('print')} />
              {t('print.print')}
            </label>
            <label className="option">
              <input type="radio" name="archive-action" checked={action === 'save'} onChange={() => setAction('save')} />
              {t('print.save')}
            </label>
          </fieldset>
        </div>
        <div className="button-row">
          <button type="button" className="primary" disabled={busy || chosen.length === 0} onClick={() => void print(false)}>
            {t('print.selected')}
          </button>
          <button type="button" disabled={busy} onClick={() => void print(true)}>
            {t('print.queue')}
          </button>
        </div>
        {progress ? (
          <p role="status">
            <progress aria-label={t('print.progress')} max={progress.total} value={progress.done} /> {t('print.running', { done: progress.done, total: progress.total })}
          </p>
        ) : null}
        {missing ? (
          <p role="alert" className="notice">
            {t('print.missing', { chars: missing.chars })}{' '}
            <button type="button" onClick={() => void print(missing.all, true)}>
              {t('print.printAnyway')}
            </button>
          </p>
        ) : null}
        {summary ? (
          <div role="status" className="notice archive-summary">
            <p>
              {summary.files.every((f) => f.outcome === 'cancelled')
                ? t('print.cancelled')
                : t('print.summary', { cases: summary.cases, forms: summary.forms, reprints: summary.reprints, pages: summary.pages, files: summary.files.length })}
            </p>
            <ul>
              {summary.files.map((f) => (
                <li key={f.fileName}>{t('print.fileLine', { fileName: f.fileName, pages: f.pages })}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section className="archive-panel" aria-labelledby="archive-file">
        <h2 id="archive-file">{t('file.title')}</h2>
        <div className="archive-row">
          <label>
            {t('file.archiveNo')} <input value={archiveNo} onChange={(e) => setArchiveNo(e.target.value)} autoComplete="off" />
          </label>
          <label>
            {t('file.box')} <input value={box} onChange={(e) => setBox(e.target.value)} autoComplete="off" />
          </label>
          <label>
            {t('file.shelf')} <input value={shelf} onChange={(e) => setShelf(e.target.value)} autoComplete="off" />
          </label>
          <button type="button" className="primary" disabled={busy || !canFile || !archiveNo.trim() || !box.trim()} onClick={() => void file()}>
            {t('file.submit')}
          </button>
        </div>
        {filed != null ? <p role="status" className="notice">{t('file.done', { count: filed })}</p> : null}
      </section>
      <ErrorText error={error} />
    </div>
  )
}
