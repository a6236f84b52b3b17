import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CsvColumn, ImportPreview } from '@shared/domain/referrals/directory-csv'
import { DIRECTORY_CATEGORIES, DIRECTORY_LEVELS, type DirectoryEntry, type DirectoryFields } from '@shared/domain/referrals/types'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { NO_AUTOFILL } from '../../ui/no-autofill'
import { downloadFile } from '../../ui/download'
import { directoryHandles, directoryName } from './directory-words'
import { tk } from '../../app/i18n'
import { isI18nKey } from '@shared/i18n/keys'

const BLANK: DirectoryFields = { level: 'district', locality: '', category: 'other', name: '', address: '', phone: '', hours: '', handles: '', active: true }

/**
 * The directory of where to send people, for supervisors: edit a row, add one, export the list as CSV
 * and import one — an import shows what it would add and change (and every problem, by line) before
 * anything is written.
 */
export function DirectoryScreen() {
  const { t } = useTranslation()
  const [showInactive, setShowInactive] = useState(false)
  const load = useLoad(() => call('directory.list', { includeInactive: showInactive }), [showInactive])
  const [editing, setEditing] = useState<(DirectoryFields & { id?: number }) | null>(null)
  const exp = useCall()
  const [exported, setExported] = useState<number | null>(null)
  return (
    <div className="page directory" data-testid="directory-screen">
      <h1>{t('referrals:directory.title')}</h1>
      <p className="muted">{t('referrals:directory.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => setEditing({ ...BLANK })}>
          {t('referrals:directory.add')}
        </button>
        <button
          type="button"
          disabled={exp.busy}
          onClick={() =>
            void exp.run(() => call('directory.exportCsv', {})).then((v) => {
              if (!v || v.outcome === 'cancelled') return
              if (v.csv !== null) {
                // Browser mode: the page downloads it (on the desktop the main process saved it).
                downloadFile(`${t('referrals:csv.fileName')}.csv`, v.csv, 'text/csv;charset=utf-8')
              }
              setExported(v.rows)
            })
          }
        >
          {t('referrals:directory.export')}
        </button>
        <label>
          <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> {t('referrals:directory.showInactive')}
        </label>
        {exported != null ? <span role="status"> {t('referrals:directory.exported', { rows: exported })}</span> : null}
      </div>
      <ErrorText error={exp.error} />
      <ImportBox onImported={load.reload} />
      {editing ? (
        <EntryForm
          initial={editing}
          onDone={() => {
            setEditing(null)
            load.reload()
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <ErrorText error={load.error} kind="read" onRetry={load.reload} />
      {load.value ? <DirectoryTable rows={load.value} onEdit={(e) => setEditing({ ...e, name: directoryName(t, e) })} /> : null}
    </div>
  )
}

function DirectoryTable({ rows, onEdit }: { rows: DirectoryEntry[]; onEdit(e: DirectoryEntry): void }) {
  const { t } = useTranslation()
  if (!rows.length) return <p className="muted">{t('referrals:directory.empty')}</p>
  return (
    <table className="table" data-testid="directory-table">
      <thead>
        <tr>
          {(['level', 'category', 'name', 'address', 'phone', 'hours', 'handles'] as const).map((c) => (
            <th key={c}>{t(`referrals:csv.columns.${c}`)}</th>
          ))}
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((e) => (
          <tr key={e.id} className={e.active ? undefined : 'muted'}>
            <td>
              {t(`referrals:levels.${e.level}`)} {e.locality}
            </td>
            <td>{t(`referrals:categories.${e.category}`)}</td>
            <td>
              {directoryName(t, e)}
              {e.builtin ? <div className="hint">{t('referrals:directory.builtinNote')}</div> : null}
              {e.active ? null : <div className="hint">{t('referrals:directory.inactive')}</div>}
            </td>
            <td>{e.address}</td>
            <td className="mono">{e.phone}</td>
            <td>{e.hours}</td>
            <td className="pre">{directoryHandles(t, e)}</td>
            <td>
              <button type="button" onClick={() => onEdit(e)}>
                {t('referrals:directory.edit')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function EntryForm({ initial, onDone, onCancel }: { initial: DirectoryFields & { id?: number }; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [f, setF] = useState(initial)
  const c = useCall()
  const set = <K extends keyof DirectoryFields>(k: K, v: DirectoryFields[K]) => setF((x) => ({ ...x, [k]: v }))
  const err = c.error
  const text = (k: 'locality' | 'name' | 'address' | 'phone' | 'hours') => (
    <div className="field">
      <label htmlFor={`dir-${k}`}>{t(`referrals:csv.columns.${k}`)}</label>
      <input id={`dir-${k}`} value={f[k]} onChange={(e) => set(k, e.target.value)} {...NO_AUTOFILL} />
      {err?.field === k && isI18nKey(err.messageKey) ? <div className="field-error">{tk(t, err.messageKey, err.params)}</div> : null}
    </div>
  )
  return (
    <form
      className="card directory-form"
      data-testid="directory-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        const { id, ...fields } = f
        void c.run(() => call('directory.save', { ...fields, ...(id ? { id } : {}) })).then((v) => v && onDone())
      }}
    >
      <div className="field">
        <label htmlFor="dir-level">{t('referrals:csv.columns.level')}</label>
        <select id="dir-level" value={f.level} onChange={(e) => set('level', e.target.value as DirectoryFields['level'])}>
          {DIRECTORY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`referrals:levels.${l}`)}
            </option>
          ))}
        </select>
      </div>
      {text('locality')}
      <div className="field">
        <label htmlFor="dir-category">{t('referrals:csv.columns.category')}</label>
        <select id="dir-category" value={f.category} onChange={(e) => set('category', e.target.value as DirectoryFields['category'])}>
          {DIRECTORY_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`referrals:categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      {text('name')}
      {text('address')}
      {text('phone')}
      {text('hours')}
      <div className="field">
        <label htmlFor="dir-handles">{t('referrals:csv.columns.handles')}</label>
        <textarea id="dir-handles" rows={2} value={f.handles} onChange={(e) => set('handles', e.target.value)} {...NO_AUTOFILL} />
      </div>
      <label>
        <input type="checkbox" checked={f.active} onChange={(e) => set('active', e.target.checked)} /> {t('referrals:directory.active')}
      </label>
      {err && !['locality', 'name', 'address', 'phone', 'hours'].includes(err.field ?? '') ? <ErrorText error={err} /> : null}
      <div className="actions">
        <button type="submit" disabled={c.busy}>
          {t('referrals:panel.save')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('referrals:panel.cancel')}
        </button>
      </div>
    </form>
  )
}

function ImportBox({ onImported }: { onImported(): void }) {
  const { t } = useTranslation()
  const [csv, setCsv] = useState<string | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [done, setDone] = useState(false)
  const c = useCall()
  const fieldsWord = (k: CsvColumn) => tk(t, `referrals:csv.columns.${k}`)
  return (
    <section className="card directory-import" data-testid="directory-import">
      <h2>{t('referrals:directory.import')}</h2>
      <label>
        {t('referrals:directory.importPick')}{' '}
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            const file = e.target.files?.[0]
            if (!file) return
            setDone(false)
            void file.text().then((text) => {
              setCsv(text)
              void c.run(() => call('directory.previewImport', { csv: text })).then((p) => setPreview(p))
            })
          }}
        />
      </label>
      <ErrorText error={c.error} />
      {preview && !done ? (
        <div data-testid="import-preview">
          <h3>{t('referrals:directory.preview')}</h3>
          <p>{t('referrals:directory.summary', { added: preview.added, changed: preview.changed, unchanged: preview.unchanged, untouched: preview.untouched })}</p>
          {preview.problems.length ? (
            <>
              <p className="error-text" role="alert">
                {t('referrals:directory.problems', { count: preview.problems.length })}
              </p>
              <ul data-testid="import-problems">
                {preview.problems.map((p, i) => (
                  <li key={i}>
                    {t('referrals:directory.problemLine', {
                      line: p.line,
                      column: p.column ? `「${fieldsWord(p.column)}」` : '',
                      message: tk(t, p.messageKey, p.params)
                    })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ul className="import-rows">
            {preview.rows
              .filter((r) => r.action !== 'same')
              .map((r) => (
                <li key={r.line}>
                  {r.action === 'add' ? t('referrals:directory.actionAdd') : t('referrals:directory.actionChange')} · {r.name}
                  {r.changed.length ? ` · ${t('referrals:directory.changedFields', { fields: r.changed.map(fieldsWord).join('、') })}` : ''}
                </li>
              ))}
          </ul>
          <button
            type="button"
            disabled={c.busy || preview.problems.length > 0 || preview.added + preview.changed === 0 || !csv}
            onClick={() =>
              void c.run(() => call('directory.applyImport', { csv: csv! })).then((p) => {
                if (!p) return
                setDone(true)
                onImported()
              })
            }
          >
            {t('referrals:directory.apply')}
          </button>
        </div>
      ) : null}
      {done ? <p role="status">{t('referrals:directory.imported')}</p> : null}
    </section>
  )
}
