import { describe, expect, it } from 'vitest'
import { ageAt } from '../dates'
import { isMinor } from './people'

describe('minors (under 18 on the contact date)', () => {
  it('17 shows the guardian notice, 18 (the birthday itself) does not, unknown does not', () => {
    expect(isMinor(ageAt('2008-11-24', '2026-11-23'))).toBe(true) // 17 the day before the birthday
    expect(isMinor(ageAt('2008-11-23', '2026-11-23'))).toBe(false) // 18 on Form A (statute.md §3)
    expect(isMinor(ageAt('2008-11', '2026-11-23'))).toBe(false)
    expect(isMinor(null)).toBe(false)
  })
})
