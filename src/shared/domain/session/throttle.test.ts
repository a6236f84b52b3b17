import { describe, expect, it } from 'vitest'
import { delaySeconds, GLOBAL, PER_LOGIN, retryAfter } from './throttle'

describe('throttle delays', () => {
  it.each([
    [0, 0],
    [1, 0],
    [3, 0],
    [4, 2],
    [5, 4],
    [6, 8],
    [10, 128],
    [11, 256],
    [12, 300],
    [50, 300],
    [10_000, 300]
  ])('per login: after %i failures wait %i s', (n, s) => {
    expect(delaySeconds(n, PER_LOGIN)).toBe(s)
  })

  it('the global counter allows more free failures than one login', () => {
    expect(delaySeconds(10, GLOBAL)).toBe(0)
    expect(delaySeconds(11, GLOBAL)).toBe(2)
  })

  it.each([
    ['no failures', undefined, 0, 0],
    ['free failures', { failures: 3, lastAt: 1_000 }, 1_000, 0],
    ['right after the 4th', { failures: 4, lastAt: 1_000 }, 1_000, 2],
    ['half-way', { failures: 4, lastAt: 1_000 }, 2_100, 1],
    ['after the wait', { failures: 4, lastAt: 1_000 }, 3_000, 0],
    ['capped', { failures: 40, lastAt: 0 }, 0, 300],
    ['clock set back a day', { failures: 40, lastAt: 86_400_000 }, 0, 300]
  ] as const)('retryAfter: %s', (_name, counter, now, want) => {
    expect(retryAfter(counter, PER_LOGIN, now)).toBe(want)
  })
})
