import zhCommon from './locales/zh-CN/common.json'
import zhSession from './locales/zh-CN/session.json'
import zhErrors from './locales/zh-CN/errors.json'
import zhCases from './locales/zh-CN/cases.json'
import zhInterview from './locales/zh-CN/interview.json'
import zhForms from './locales/zh-CN/forms.json'
import zhSupervisor from './locales/zh-CN/supervisor.json'
import zhScript from './locales/zh-CN/script.json'
import zhPeople from './locales/zh-CN/people.json'
import zhArchive from './locales/zh-CN/archive.json'
import zhReferrals from './locales/zh-CN/referrals.json'
import zhAftercare from './locales/zh-CN/aftercare.json'
import yueCommon from './locales/yue-HK/common.json'
import yueSession from './locales/yue-HK/session.json'
import yueErrors from './locales/yue-HK/errors.json'
import yueCases from './locales/yue-HK/cases.json'
import yueInterview from './locales/yue-HK/interview.json'
import yueForms from './locales/yue-HK/forms.json'
import yueSupervisor from './locales/yue-HK/supervisor.json'
import yueScript from './locales/yue-HK/script.json'
import yuePeople from './locales/yue-HK/people.json'
import yueArchive from './locales/yue-HK/archive.json'
import yueReferrals from './locales/yue-HK/referrals.json'
import yueAftercare from './locales/yue-HK/aftercare.json'

/**
 * Two languages, the same keys. Namespaces follow features; `script` holds what is said or handed
 * to the petitioner (spoken register), apart from labels (written register).
 */
export const LOCALES = ['zh-CN', 'yue-HK'] as const
export const NAMESPACES = ['common', 'session', 'errors', 'cases', 'interview', 'forms', 'supervisor', 'script', 'people', 'archive', 'referrals', 'aftercare'] as const
export type Namespace = (typeof NAMESPACES)[number]

export const resources = {
  'zh-CN': {
    common: zhCommon,
    session: zhSession,
    errors: zhErrors,
    cases: zhCases,
    interview: zhInterview,
    forms: zhForms,
    supervisor: zhSupervisor,
    script: zhScript,
    people: zhPeople,
    archive: zhArchive,
    referrals: zhReferrals,
    aftercare: zhAftercare
  },
  'yue-HK': {
    common: yueCommon,
    session: yueSession,
    errors: yueErrors,
    cases: yueCases,
    interview: yueInterview,
    forms: yueForms,
    supervisor: yueSupervisor,
    script: yueScript,
    people: yuePeople,
    archive: yueArchive,
    referrals: yueReferrals,
    aftercare: yueAftercare
  }
} as const

/** The dotted paths of a resource tree's strings (`fields.name`); see keys.ts. */
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>
}[keyof T & string]

/**
 * A plain translator for the main process (PDFs, CLI) — no React, no global i18next instance. Keys are
 * typed by the Mandarin (zh-CN) resources: a missing or misspelled key fails the type check.
 */
export function translator<N extends Namespace>(locale: (typeof LOCALES)[number], ns: N) {
  const table = resources[locale][ns] as Record<string, unknown>
  return (key: Leaves<(typeof resources)['zh-CN'][N]>, params?: Record<string, string | number>): string => {
    const value = `${key}`.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], table)
    if (typeof value !== 'string') return `${key}`
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(params?.[name] ?? ''))
  }
}

/**
 * Translate a namespaced key (`errors:session.locked`, a failure's `messageKey`) in a fixed language:
 * the main process's counterpart of the renderer's `t('ns:key')`. The key's type (`I18nKey`, keys.ts)
 * is checked where it is written.
 */
export function translateKey(locale: (typeof LOCALES)[number], key: `${Namespace}:${string}`, params?: Record<string, string | number>): string {
  const i = key.indexOf(':')
  const ns = key.slice(0, i) as Namespace
  const t = translator(locale, ns) as (k: string, p?: Record<string, string | number>) => string
  return t(key.slice(i + 1), params)
}
