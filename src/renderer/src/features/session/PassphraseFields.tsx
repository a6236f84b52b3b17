import { useEffect, useEffectEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PassphraseCheck } from '@shared/domain/session/types'
import { desk } from '../../app/desk-client'
import { tx } from '../../app/i18n'

/** A new passphrase typed twice, with the strength meter and the policy's verdict as you type. */
export function PassphraseFields({
  value,
  confirm,
  onChange,
  context,
  label
}: {
  value: string
  confirm: string
  onChange(v: { value: string; confirm: string; acceptable: boolean }): void
  context: string[]
  /** The first field's label, when "set a passphrase" is not the right words (e.g. "new passphrase"). */
  label?: string
}) {
  const { t } = useTranslation()
  const uid = useId()
  // The verdict remembers which text it was for: a stale "strong" must not approve newer text.
  const [verdict, setVerdict] = useState<{ for: string; check: PassphraseCheck } | null>(null)
  const check = verdict?.check ?? null
  // The words the passphrase must not contain, compared by content: a new array each render is no change.
  const contextKey = context.join('\u0000')
  useEffect(() => {
    const words = contextKey === '' ? [] : contextKey.split('\u0000')
    let alive = true
    if (!value) {
      setVerdict(null)
      return
    }
    const timer = setTimeout(async () => {
      const res = await desk.invoke('passphrase.check', { passphrase: value, context: words })
      if (alive && res.ok) setVerdict({ for: value, check: res.value })
    }, 150)
    return () => {
      alive = false
      clearTimeout(timer)
    }
  }, [value, contextKey])
  const mismatch = confirm.length > 0 && confirm !== value
  const acceptable = !!check?.ok && verdict?.for === value && value === confirm
  // Typing reports each keystroke (as not yet acceptable); the verdict arriving reports the change.
  const reportVerdict = useEffectEvent(() => onChange({ value, confirm, acceptable }))
  useEffect(() => {
    reportVerdict()
  }, [acceptable])

  return (
    <>
      <div className="field">
        <label htmlFor={`${uid}-new`}>{label ?? t('session:passphrase.new')}</label>
        <input
          id={`${uid}-new`}
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange({ value: e.target.value, confirm, acceptable: false })}
        />
        <div className="hint">{t('session:passphrase.policy')}</div>
        {check ? (
          <div className="strength" aria-live="polite">
            <meter min={0} max={4} value={check.score} aria-label={t('session:passphrase.strength')} />
            <span>{t(`session:passphrase.score.${check.score}`)}</span>
            {check.problems.map((p) => (
              <div key={p} className="field-error">{tx(t, `errors:passphrase.${p}`)}</div>
            ))}
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-confirm`}>{t('session:passphrase.confirm')}</label>
        <input
          id={`${uid}-confirm`}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onChange({ value, confirm: e.target.value, acceptable: false })}
        />
        {mismatch ? <div className="field-error" role="alert">{t('errors:passphrase.mismatch')}</div> : null}
      </div>
    </>
  )
}
