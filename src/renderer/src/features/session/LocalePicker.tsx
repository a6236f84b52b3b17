import { useTranslation } from 'react-i18next'
import type { Locale } from '@shared/domain/session/types'
import { setUiLocale } from '../../app/i18n'

/** Remembered on this computer so the login screen greets the next person in the last language used. */
export const UI_LOCALE_KEY = 'desk.uiLocale'

export function rememberUiLocale(locale: Locale): void {
  setUiLocale(locale)
  try {
    localStorage.setItem(UI_LOCALE_KEY, locale)
  } catch {
    /* storage unavailable: the choice lasts until the window closes */
  }
}

/**
 * A language picked on the gate (setup, login, lock) is a choice the person made just now: after
 * they log in it wins over the one stored for them, and is stored. Null when nobody picked.
 */
let pickedAtGate: Locale | null = null
export function takeGateLocale(): Locale | null {
  const l = pickedAtGate
  pickedAtGate = null
  return l
}

export function savedUiLocale(): Locale | null {
  try {
    const v = localStorage.getItem(UI_LOCALE_KEY)
    return v === 'zh-CN' || v === 'yue-HK' ? v : null
  } catch {
    return null
  }
}

/** The language switch before anyone logs in (setup, login, lock). Labels stay in their own language. */
export function LocalePicker() {
  const { t, i18n } = useTranslation()
  return (
    <label className="locale-switch gate-locale">
      <span>{t('common:language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => {
          pickedAtGate = e.target.value as Locale
          rememberUiLocale(pickedAtGate)
        }}
      >
        <option value="zh-CN">{t('common:language.zh-CN')}</option>
        <option value="yue-HK">{t('common:language.yue-HK')}</option>
      </select>
    </label>
  )
}
