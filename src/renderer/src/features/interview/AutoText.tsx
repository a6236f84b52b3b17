import { memo, useDeferredValue, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { findOverPromises } from '@shared/domain/interview/promise-guard'
import type { OutputLang, TextField } from '@shared/domain/interview/types'
import type { AutosaveStore } from '@shared/domain/interview/autosave'
import { tx } from '../../app/i18n'

/**
 * A text box that owns its own value (typing re-renders only this box) and hands every change to
 * the autosave store, which saves off the typing path. With `guard`, phrases that promise an
 * outcome are flagged under the box with a better wording in the output language; the worker
 * decides (replace, or keep).
 */
export const AutoText = memo(function AutoText({
  store,
  field,
  label,
  multiline = false,
  rows = 3,
  guard = false,
  lang,
  placeholder,
  inputRef,
  className
}: {
  store: AutosaveStore
  field: TextField
  label: string
  multiline?: boolean
  rows?: number
  guard?: boolean
  lang: OutputLang
  placeholder?: string
  inputRef?: (el: HTMLTextAreaElement | HTMLInputElement | null) => void
  className?: string
}) {
  const { t } = useTranslation()
  const id = useId()
  const [value, setValue] = useState(() => store.get(field))
  const deferred = useDeferredValue(value)
  const [kept, setKept] = useState<Set<string>>(new Set())
  // Another part of the screen (e.g. "draft the summary") may set this field.
  useEffect(() => store.onField(field, (v) => setValue(v)), [store, field])
  const onChange = (v: string) => {
    setValue(v)
    store.set(field, v)
  }
  const findings = guard ? findOverPromises(deferred).filter((f) => !kept.has(`${f.start}:${f.text}`)) : []
  const tScript = i18next.getFixedT(lang, 'script')
  return (
    <div className={`iv-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          ref={inputRef}
          rows={rows}
          value={value}
          placeholder={placeholder}
          data-field={field}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input id={id} ref={inputRef} value={value} placeholder={placeholder} data-field={field} onChange={(e) => onChange(e.target.value)} />
      )}
      {findings.length ? (
        <div className="iv-guard" role="status" aria-live="polite">
          {findings.slice(0, 2).map((f) => {
            const better = tx(tScript, `script:guard.${f.id}`)
            return (
              <div key={`${f.start}:${f.text}`} className="iv-guard-item">
                <span>{t('interview:guard.flag', { text: f.text, name: tx(t, `interview:guard.name.${f.id}`) })}</span>{' '}
                <span className="iv-guard-why">{tx(t, `interview:guard.why.${f.id}`)}</span>{' '}
                <span className="iv-guard-better">
                  {t('interview:guard.better')}
                  {better}
                </span>{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    const rest = value.slice(f.end)
                    // The better wording is a whole sentence: drop its full stop if the text already has one.
                    const text = /^[。！？.!?，,]/.test(rest) ? better.replace(/[。.]$/, '') : better
                    onChange(value.slice(0, f.start) + text + rest)
                  }}
                >
                  {t('interview:guard.use')}
                </button>
                <button type="button" className="link" onClick={() => setKept(new Set(kept).add(`${f.start}:${f.text}`))}>
                  {t('interview:guard.keep')}
                </button>
              </div>
            )
          })}
        </div>
      ) : null}
    </div>
  )
})
