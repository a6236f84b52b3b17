import { describe, expect, it } from 'vitest'
import { followUpState, monthsOf, presetRange } from './figures'

describe('figures helpers', () => {
  it.each([
    [{ from: '2026-01-15', to: '2026-03-02' }, ['2026-01', '2026-02', '2026-03']],
    [{ from: '2025-11-01', to: '2026-02-28' }, ['2025-11', '2025-12', '2026-01', '2026-02']],
    [{ from: '2026-05-01', to: '2026-05-31' }, ['2026-05']]
  ])('months of %o', (range, months) => expect(monthsOf(range)).toEqual(months))

  it.each([
    ['thisMonth', { from: '2026-03-01', to: '2026-03-10' }],
    ['last3Months', { from: '2026-01-01', to: '2026-03-10' }],
    ['thisYear', { from: '2026-01-01', to: '2026-03-10' }],
    ['last12Months', { from: '2025-04-01', to: '2026-03-10' }]
  ] as const)('preset %s', (preset, range) => expect(presetRange(preset, '2026-03-10')).toEqual(range))

  it.each([
    ['2026-03-05', '2026-03-05T10:00:00Z', 'onTime'],
    ['2026-03-05', '2026-03-06T01:00:00Z', 'late'],
    ['2026-03-05', null, 'overdue'],
    ['2026-03-10', null, 'pending'],
    ['2026-03-11', null, 'pending']
  ] as const)('due %s done %s → %s', (due, done, state) => expect(followUpState(due, done, '2026-03-10')).toBe(state))
})

import { isPastRetention, retentionCutoff } from './retention'

describe('retention', () => {
  it.each([
    ['2026-03-10', 5, '2021-03-10'],
    ['2028-02-29', 1, '2027-02-28'],
    ['2026-01-01', 10, '2016-01-01']
  ])('cutoff of %s after %i years is %s', (today, years, cutoff) => expect(retentionCutoff(today, years)).toBe(cutoff))

  it.each([
    ['2021-03-09', 5, true],
    ['2021-03-10', 5, false],
    ['2025-01-01', 5, false],
    ['2001-01-01', null, false],
    ['', 5, false]
  ] as const)('closed %s, keep %s years → past: %s', (closed, years, past) => expect(isPastRetention(closed, '2026-03-10', years)).toBe(past))
})
