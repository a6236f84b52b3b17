import { useTranslation } from 'react-i18next'
import { DIRECTORY_CATEGORIES, type DirectoryCategory, type DirectoryEntry } from '@shared/domain/referrals/types'
import { directoryName } from './directory-words'

/**
 * A pick-list from the directory (diversion, referrals, resource linking): the categories that suit
 * the route first, then every other row, grouped by category; each option names the level and place.
 */
export function DirectoryPicker({
  id,
  entries,
  value,
  onChange,
  suggested = [],
  label
}: {
  id?: string
  entries: DirectoryEntry[]
  value: number | null
  onChange(entry: DirectoryEntry | null): void
  suggested?: readonly DirectoryCategory[]
  label?: string
}) {
  const { t } = useTranslation()
  const order = [...suggested, ...DIRECTORY_CATEGORIES.filter((c) => !suggested.includes(c))]
  const option = (e: DirectoryEntry) => (
    <option key={e.id} value={e.id}>
      {directoryName(t, e)}
      {e.phone ? ` · ${e.phone}` : ''} · {t(`referrals:levels.${e.level}`)}
      {e.locality ? ` ${e.locality}` : ''}
    </option>
  )
  return (
    <select id={id} aria-label={label} value={value ?? ''} onChange={(ev) => onChange(entries.find((e) => e.id === Number(ev.target.value)) ?? null)}>
      <option value="">{t('referrals:panel.pick')}</option>
      {order.map((cat) => {
        const rows = entries.filter((e) => e.category === cat)
        if (!rows.length) return null
        return (
          <optgroup key={cat} label={`${suggested.includes(cat) ? '★ ' : ''}${t(`referrals:categories.${cat}`)}`}>
            {rows.map(option)}
          </optgroup>
        )
      })}
    </select>
  )
}
