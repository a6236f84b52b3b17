import { useTranslation } from 'react-i18next'
import { tx } from '../../app/i18n'

/** Radio buttons for one of the standard's option lists, with the "（请注明）" text beside "other". */
export function OptionRadios<T extends string>({
  name,
  list,
  labels,
  value,
  onChange,
  otherCodes = ['other' as T],
  otherText,
  onOtherText,
  legend
}: {
  name: string
  list: readonly T[]
  labels: string
  value: T | null
  onChange(v: T | null): void
  otherCodes?: readonly T[]
  otherText?: string
  onOtherText?(s: string): void
  legend: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="options">
      <legend>{legend}</legend>
      {list.map((code) => (
        <label key={code} className="option">
          <input type="radio" name={name} checked={value === code} onChange={() => onChange(code)} onClick={() => value === code && onChange(null)} />
          {tx(t, `${labels}.${code}`)}
        </label>
      ))}
      {onOtherText && value && otherCodes.includes(value) ? (
        <input
          className="other-text"
          aria-label={t('cases:fields.otherText')}
          placeholder={t('cases:fields.otherText')}
          value={otherText ?? ''}
          onChange={(e) => onOtherText(e.target.value)}
        />
      ) : null}
    </fieldset>
  )
}

/** Check boxes for a multi-valued option list, with the "（请注明）" text once "other" is ticked. */
export function OptionChecks<T extends string>({
  list,
  labels,
  value,
  onChange,
  otherText,
  onOtherText,
  legend
}: {
  list: readonly T[]
  labels: string
  value: T[]
  onChange(v: T[]): void
  otherText?: string
  onOtherText?(s: string): void
  legend: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="options">
      <legend>{legend}</legend>
      {list.map((code) => (
        <label key={code} className="option">
          <input
            type="checkbox"
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((x) => x !== code))}
          />
          {tx(t, `${labels}.${code}`)}
        </label>
      ))}
      {onOtherText && value.includes('other' as T) ? (
        <input
          className="other-text"
          aria-label={t('cases:fields.otherText')}
          placeholder={t('cases:fields.otherText')}
          value={otherText ?? ''}
          onChange={(e) => onOtherText(e.target.value)}
        />
      ) : null}
    </fieldset>
  )
}
