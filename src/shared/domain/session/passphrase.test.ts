import { describe, expect, it } from 'vitest'
import { checkPassphrase, MIN_LENGTH } from './passphrase'
import { onChineseBlocklist } from './blocklist'

const NAMES = ['chenmeiling', '陈美玲']

describe('passphrase policy (NIST SP 800-63B)', () => {
  const refused: [string, string, string[]?][] = [
    ['password1', 'common'],
    ['12345678', 'common'],
    ['qwertyuiop', 'common'],
    ['iloveyou', 'common'],
    ['woaini1314', 'common'],
    ['88888888', 'common'],
    ['5201314520', 'common'],
    ['woaini520', 'common'],
    ['123456789a', 'common'],
    ['aa123456', 'common'],
    ['1qaz2wsx', 'common'],
    ['qq123456', 'common'],
    ['zhangwei123', 'common'],
    ['WoAiNi1314', 'common'],
    ['147258369', 'common'],
    ['chenmeiling', 'personal', NAMES],
    ['chenmeiling1', 'personal', NAMES],
    ['short', 'tooShort'],
    ['1234567', 'tooShort'],
    ['喺度等', 'tooShort']
  ]
  it.each(refused)('refuses %s (%s)', (pass, problem, context) => {
    const r = checkPassphrase(pass, context ?? [])
    expect(r.ok).toBe(false)
    expect(r.problems).toContain(problem)
  })

  const accepted: string[] = [
    'correct horse battery staple',
    'river lantern autumn violet',
    '我的猫叫小白喜欢晒太阳',
    '早晨飲茶要凍檸茶少甜',
    'Tr0ub4dor&3 plus more words',
    // long, pasted-looking, no composition rules: letters only, spaces, emoji
    'thelongestpassphraseanyonewillevertype',
    'a'.repeat(3) + ' blue kettle sings at dawn 🌅'
  ]
  it.each(accepted)('accepts %s', (pass) => {
    const r = checkPassphrase(pass, NAMES)
    expect(r.problems).toEqual([])
    expect(r.ok).toBe(true)
  })

  it('suggests 15+ characters but does not require them', () => {
    const r = checkPassphrase('晒太阳的小白猫咪', [])
    expect([...'晒太阳的小白猫咪'].length).toBeGreaterThanOrEqual(MIN_LENGTH)
    expect(r.suggestions).toContain('longer')
  })

  it('accepts a 1000-character passphrase', () => {
    expect(checkPassphrase('lantern river '.repeat(70).slice(0, 1000)).problems).not.toContain('tooShort')
  })

  it.each([
    ['woaini', true],
    ['!!woaini!!', true],
    ['woaini5201314', true],
    ['88888888', true],
    ['5201314', true],
    ['lantern river', false],
    ['58204719', false]
  ])('Chinese blocklist: %s → %s', (p, want) => {
    expect(onChineseBlocklist(p)).toBe(want)
  })
})
