import { describe, expect, it } from 'vitest'
import { petitionerLanguages } from './languages'

describe('petitionerLanguages: the interview speaks the first recorded language it can', () => {
  it.each([
    [['putonghua', 'cantonese'], '', 'zh-CN'],
    [['cantonese', 'putonghua'], '', 'yue-HK'],
    [['hakka', 'cantonese'], '', 'yue-HK'],
    [['other', 'putonghua'], '粤语', 'yue-HK'],
    [['other'], '潮汕话', null],
    [[], '', null]
  ] as const)('%j (其他: %s) → %s', (codes, other, lang) => {
    expect(petitionerLanguages(codes, other).speakable).toBe(lang)
  })

  it('names the recorded languages that need an interpreter, in order, with the written 其他', () => {
    expect(petitionerLanguages(['hakka', 'other', 'cantonese'], ' 潮汕话 ').needsInterpreter).toEqual([
      { code: 'hakka', text: '' },
      { code: 'other', text: '潮汕话' }
    ])
  })
})
