import { describe, expect, it } from 'vitest'
import { bigrams, indexText, matchQuery, normalise } from './normalise'

describe('normalise (search and repeat detection)', () => {
  it.each([
    ['信訪', '信访'],
    ['信访', '信访'],
    ['廣州市 越秀區', '广州市越秀区'],
    ['１３８ １２３４ ５６７８', '13812345678'],
    ['阿卜杜拉·買買提', '阿卜杜拉买买提'],
    ['阿卜杜拉 · 买买提', '阿卜杜拉买买提'],
    ['José Núñez', 'josenunez'],
    ['𠮶仔', '𠮶仔'],
    ['䶮', '䶮'],
    ['ＡＢＣ', 'abc']
  ])('%s → %s', (input, want) => {
    expect(normalise(input)).toBe(want)
  })

  it('splits beyond-BMP characters by code point, not UTF-16 unit', () => {
    expect(bigrams('𠮶仔强')).toEqual(['𠮶仔', '仔强'])
  })

  it('makes a phrase of bigrams, and nothing for 1 character', () => {
    expect(matchQuery('信訪局')).toBe('"信访 访局"')
    expect(matchQuery('信')).toBeNull()
    expect(matchQuery('"; DROP')).toBe('"dr ro op"')
  })

  it('keeps separate values apart', () => {
    expect(indexText(['张三', '李四'])).toBe('张三 zzz 李四')
  })
})
