import { isI18nKey, type I18nKey } from '@shared/i18n/keys'
import type { Namespace } from '@shared/i18n/resources'
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources, NAMESPACES } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'

export function initI18n(lng: Locale): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: resources as never,
      lng,
      fallbackLng: false,
      ns: NAMESPACES as unknown as string[],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false
    })
  }
  return i18next
}

export function setUiLocale(lng: Locale): void {
  void i18next.changeLanguage(lng)
  document.documentElement.lang = lng === 'yue-HK' ? 'zh-HK' : 'zh-CN'
}

/** Dates and numbers follow the UI language. */
export function intlLocale(lng: string): string {
  return lng === 'yue-HK' ? 'zh-HK' : 'zh-CN'
}

type Untyped = (key: string, options?: Record<string, unknown>) => string

/**
 * Translate a key held in a variable — a service's `messageKey`, a rule's `labelKey`, a route's
 * `navKey`: the key is typed (`I18nKey`, checked against the zh-CN resources) where it is written and
 * everywhere it travels; this only looks it up. Literal keys go straight to `t('ns:key')`. (Passing a
 * union of every key to i18next's typed `t` made the renderer's type check take over ten minutes.)
 */
export function tk(t: (...args: never[]) => unknown, key: I18nKey, params?: Record<string, unknown>): string {
  return (t as unknown as Untyped)(key, params)
}

/**
 * A failure's message (`{ messageKey, params }` from the main process): its key narrowed with
 * `isI18nKey` (on the wire it is text), else the generic sentence — never a key on screen.
 */
export function messageText(t: (...args: never[]) => unknown, e: { messageKey: string; params?: Record<string, unknown> }): string {
  return tk(t, isI18nKey(e.messageKey) ? e.messageKey : 'errors:internal', e.params)
}

/**
 * Translate a key that exists only as text — built from an id the types hold as `string` (a stored
 * code, a catalogue entry), or handed to the shared line builders, which take keys as text. The key
 * (with `ns` put in front when it has no namespace) is narrowed with `isI18nKey`; one the resources
 * lack comes back as itself, as i18next would answer. Prefer `t('ns:key')` or `tk` with a typed key.
 */
export function tx(t: (...args: never[]) => unknown, key: string, params?: Record<string, unknown>, ns?: Namespace): string {
  const full = key.includes(':') || !ns ? key : `${ns}:${key}`
  return isI18nKey(full) ? tk(t, full, params) : key
}

/** `tx` as a function of (key, params), for the shared builders that take a translator (`Translate`). */
export const textT =
  (t: (...args: never[]) => unknown, ns?: Namespace) =>
  (key: string, params?: Record<string, string | number>): string =>
    tx(t, key, params, ns)
