import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { DeskFailure } from '../ipc/result'
import { builtinKey } from '../domain/referrals/builtin-words'
import { LOCALES, NAMESPACES, resources, translateKey, translator } from './resources'
import { isI18nKey, isKeyIn, keyOr, type I18nKey, type KeysUnder } from './keys'

/**
 * i18n keys are typed (i18next.d.ts: CustomTypeOptions over the zh-CN resources, every namespace).
 * This file is part of `npm run typecheck` (both projects): each `@ts-expect-error` marks a misspelled
 * or missing key, so were the type check ever to accept one again, the unused directive would fail it.
 * At run time such a key is what a worker would see on screen — the raw key — which is asserted too.
 */
const i18n = i18next.createInstance()
void i18n.init({
  resources: resources as never,
  lng: 'zh-CN',
  ns: [...NAMESPACES],
  defaultNS: 'common',
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false
})

describe('every namespace is typed and loaded', () => {
  it('the typed resources, the loaded namespaces and both languages name the same namespaces', () => {
    for (const l of LOCALES) expect(Object.keys(resources[l]).sort()).toEqual([...NAMESPACES].sort())
  })

  it('t("ns:key") in each namespace: a real key reads, a misspelled one fails the type check (and would show the raw key)', () => {
    expect(i18n.t('common:nav.label')).toBe('主菜单')
    expect(i18n.t('session:fields.displayName')).toBe('姓名（显示名）')
    expect(i18n.t('errors:arg.invalid')).toBe('填写的内容格式不对，请检查后再试。')
    expect(i18n.t('cases:nav.newCase')).toBe('新来访登记')
    expect(i18n.t('interview:people.spoken.hakka')).toBe('客家话')
    expect(i18n.t('forms:nav.print')).toBe('打印表格')
    expect(i18n.t('supervisor:nav.backups')).toBe('备份')
    expect(i18n.t('script:empathy.pause')).toMatch(/陪着您/)
    expect(i18n.t('people:confidential.badge')).toBe('保密个案')
    expect(i18n.t('archive:nav.queue')).toBe('归档')
    expect(i18n.t('referrals:builtin.hotline.12345.name')).toBe('12345 政务服务便民热线')
    expect(i18n.t('aftercare:report.kpi.satisfaction')).toBe('满意率')

    // @ts-expect-error misspelled key (common)
    expect(i18n.t('common:nav.lable')).toBe('nav.lable')
    // @ts-expect-error misspelled key (session)
    expect(i18n.t('session:fields.displayname')).toBe('fields.displayname')
    // @ts-expect-error misspelled key (errors)
    expect(i18n.t('errors:arg.invaild')).toBe('arg.invaild')
    // @ts-expect-error misspelled key (cases)
    expect(i18n.t('cases:nav.newcase')).toBe('nav.newcase')
    // @ts-expect-error missing key (interview: no such language)
    expect(i18n.t('interview:people.spoken.hokkien')).toBe('people.spoken.hokkien')
    // @ts-expect-error misspelled key (forms)
    expect(i18n.t('forms:nav.prnt')).toBe('nav.prnt')
    // @ts-expect-error misspelled key (supervisor)
    expect(i18n.t('supervisor:nav.backup')).toBe('nav.backup')
    // @ts-expect-error misspelled key (script)
    expect(i18n.t('script:empathy.paus')).toBe('empathy.paus')
    // @ts-expect-error misspelled key (people)
    expect(i18n.t('people:confidential.badg')).toBe('confidential.badg')
    // @ts-expect-error misspelled key (archive)
    expect(i18n.t('archive:nav.queu')).toBe('nav.queu')
    // @ts-expect-error missing key (referrals: no such hotline)
    expect(i18n.t('referrals:builtin.hotline.99999.name')).toBe('builtin.hotline.99999.name')
    // @ts-expect-error misspelled key (aftercare)
    expect(i18n.t('aftercare:report.kpi.satisfation')).toBe('report.kpi.satisfation')
  })

  it('a key without its namespace is checked against the default namespace (common), as i18next looks it up', () => {
    expect(i18n.t('nav.label')).toBe('主菜单')
    // @ts-expect-error a cases key without "cases:" — i18next would look in common and show the key
    expect(i18n.t('nav.newCase')).toBe('nav.newCase')
  })

  it("a screen's own namespace (useTranslation('archive')) takes its keys bare and no other namespace's", () => {
    const t = i18n.getFixedT('zh-CN', 'archive')
    expect(t('nav.queue')).toBe('归档')
    // @ts-expect-error misspelled key in the screen's namespace
    expect(t('nav.queu')).toBe('nav.queu')
    const both = i18n.getFixedT('zh-CN', ['archive', 'people'])
    expect(both('people:confidential.badge')).toBe('保密个案')
  })
})

describe('keys held in variables are typed too', () => {
  it("main's translator(locale, ns) takes only that namespace's keys", () => {
    const tr = translator('yue-HK', 'referrals')
    expect(tr('levels.national')).toBe(resources['yue-HK'].referrals.levels.national)
    // @ts-expect-error misspelled key
    expect(tr('levels.nationl')).toBe('levels.nationl')
    // @ts-expect-error a key of another namespace (people)
    expect(tr('confidential.badge')).toBe('confidential.badge')
    expect(translateKey('yue-HK', 'people:confidential.badge')).toBe('保密個案')
  })

  it("a service's messageKey (DeskFailure, fail) is an I18nKey", () => {
    const ok: I18nKey = 'errors:arg.invalid'
    expect(new DeskFailure('BAD_ARGS', ok).messageKey).toBe('errors:arg.invalid')
    // @ts-expect-error misspelled messageKey
    expect(new DeskFailure('BAD_ARGS', 'errors:arg.invaild').messageKey).toBe('errors:arg.invaild')
    // @ts-expect-error a messageKey without its namespace
    expect(new DeskFailure('BAD_ARGS', 'arg.invalid').code).toBe('BAD_ARGS')
  })

  it('keys built from typed ids are unions the type check lists (KeysUnder)', () => {
    const kpi = (k: KeysUnder<'aftercare', 'report.kpi'>) => translateKey('zh-CN', `aftercare:report.kpi.${k}`)
    expect(kpi('satisfaction')).toBe('满意率')
    // @ts-expect-error not one of report.kpi's keys
    expect(kpi('satisfactoin')).toBe('report.kpi.satisfactoin')
  })

  it('keys that arrive as text (over IPC, stored, built from a stored id) are narrowed at run time, never shown raw', () => {
    expect(isI18nKey('cases:nav.newCase')).toBe(true)
    expect(isI18nKey('cases:nav')).toBe(false) // a branch, not a string
    expect(isI18nKey('nav.newCase')).toBe(false) // no namespace
    expect(isI18nKey('nowhere:nav.newCase')).toBe(false)
    expect(isKeyIn('people', 'confidential.badge')).toBe(true)
    expect(keyOr('script:rules.nope', 'errors:internal')).toBe('errors:internal')
    expect(builtinKey('hotline.12345', 'name')).toBe('builtin.hotline.12345.name')
    expect(builtinKey('hotline.99999', 'name')).toBeNull()
    expect(builtinKey(null, 'handles')).toBeNull()
  })
})
