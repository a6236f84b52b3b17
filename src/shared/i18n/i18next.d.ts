import type { NAMESPACES, resources } from './resources'

/**
 * i18n keys are typed: every `t('…')` (react-i18next's useTranslation, i18next.t) is checked against
 * the Mandarin (zh-CN) resources, the source language, so a missing or misspelled key fails
 * `npm run typecheck`. The parity test keeps yue-HK's keys identical.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACES
    resources: (typeof resources)['zh-CN']
    returnNull: false
  }
}
