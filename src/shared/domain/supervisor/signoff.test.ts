import { describe, expect, it } from 'vitest'
import { CLOSING_CATEGORIES, RISK_LEVELS } from '../case/options'
import { translateKey } from '../../i18n/resources'
import { signoffValueKey } from './signoff'

describe('the record a supervisor signs shows words, never a stored code', () => {
  it('Form C’s 结案类别 reads 个案转介 / 个案结束 (it showed "transfer" / "end")', () => {
    const key = signoffValueKey({ label: 'signoff.fields.closingCategory', value: 'transfer' })
    expect(key && translateKey('zh-CN', key)).toBe('个案转介')
    expect(key && translateKey('yue-HK', key)).toBe('個案轉介')
    for (const c of CLOSING_CATEGORIES) expect(signoffValueKey({ label: 'signoff.fields.closingCategory', value: c }), c).not.toBeNull()
  })

  it('every risk level has its words', () => {
    for (const r of RISK_LEVELS) expect(signoffValueKey({ label: 'signoff.fields.risk', value: r }), r).not.toBeNull()
  })

  it('text fields, and a code the locale files do not know, are shown as they are', () => {
    expect(signoffValueKey({ label: 'signoff.fields.summary', value: 'transfer' })).toBeNull()
    expect(signoffValueKey({ label: 'signoff.fields.closingCategory', value: '' })).toBeNull()
  })
})
