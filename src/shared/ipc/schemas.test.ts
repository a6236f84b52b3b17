import { describe, expect, it } from 'vitest'
import { longText, requiredText, shortText } from './schemas'
import { createCaseInput } from '../domain/case/schemas'
import { translator } from '../i18n/resources'

/** Hidden layout characters in one-line fields: refused at the boundary, with words for the person. */
describe('bidi overrides and line separators in names and short fields', () => {
  const spoofs = ['\u202E', '\u202A', '\u202B', '\u202C', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u2028', '\u2029']

  it('are refused in one-line text, with a translated message', () => {
    for (const ch of spoofs) {
      const r = shortText().safeParse(`王${ch}小明`)
      expect(r.success, ch.codePointAt(0)!.toString(16)).toBe(false)
      expect(r.error!.issues[0]!.message).toBe('errors:arg.layoutCharacters')
      expect(requiredText().safeParse(`${ch}陈`).success).toBe(false)
    }
    for (const locale of ['zh-CN', 'yue-HK'] as const) {
      expect(translator(locale, 'errors')('arg.layoutCharacters')).not.toBe('arg.layoutCharacters')
    }
  })

  it('are refused in a case\'s name and phone (a contract schema built from them)', () => {
    const r = createCaseInput.safeParse({ partyKind: 'person', name: 'abc\u202Efdp.exe', phone: '138\u20281234' })
    expect(r.success).toBe(false)
  })

  it('leave ordinary names alone (Uyghur and Arabic script, middle dots, 𠮶)', () => {
    for (const ok of ['阿卜杜拉·买买提', 'عبدالله', '黄𠮶堃', 'José Núñez', '陳 大文']) expect(shortText().safeParse(ok).success, ok).toBe(true)
    // Free text keeps its line breaks; only the one-line fields are strict.
    expect(longText().safeParse('第一行\n第二行').success).toBe(true)
  })
})
