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
