import { describe, expect, it } from 'vitest'
import { CUE_ORDINARY, CUE_POSITIVE } from './risk-cue-corpus'
import { findRiskCues, suggestedLevel } from './risk-cues'

describe('risk cues in what is recorded', () => {
  it.each(CUE_POSITIVE.map((c) => [c.reg, c.kind, c.text] as const))('%s %s: %s', (_reg, kind, text) => {
    const cues = findRiskCues(text)
    expect(cues.map((c) => c.kind)).toContain(kind)
    const cue = cues.find((c) => c.kind === kind)!
    // The phrase is cut from what the worker typed (Traditional stays Traditional).
    expect(text).toContain(cue.phrase)
    expect(cue.phrase.length).toBeGreaterThan(1)
  })

  it.each(CUE_ORDINARY.map((c) => [c.reg, c.text] as const))('ordinary %s: %s', (_reg, text) => {
    expect(findRiskCues(text)).toEqual([])
  })

  it('each register has positives and ordinary sentences', () => {
    for (const reg of ['zh', 'written', 'yue'] as const) {
      expect(CUE_POSITIVE.filter((c) => c.reg === reg).length).toBeGreaterThanOrEqual(10)
      expect(CUE_ORDINARY.filter((c) => c.reg === reg).length).toBeGreaterThanOrEqual(10)
    }
  })

  it('suggests critical for self-harm signs and high for threats; a guard in one sentence does not excuse the next', () => {
    expect(suggestedLevel('goodbye')).toBe('critical')
    expect(suggestedLevel('threatStaff')).toBe('high')
    const cues = findRiskCues('最后一次发工资是十月。这是我最后一次来了。')
    expect(cues.map((c) => [c.kind, c.phrase])).toEqual([['goodbye', '这是我最后一次来']])
  })

  it('positions survive characters beyond the BMP before the cue', () => {
    const text = '钟𠮶妹说：我攢咗好多粒藥。'
    expect(findRiskCues(text)[0]?.phrase).toMatch(/藥/)
  })
})
