import { describe, expect, it } from 'vitest'
import {
  COUNTING_RULE,
  STATUTE_DEADLINES,
  addDays,
  addMonths,
  addWorkingDays,
  ageAt,
  computeDeadline,
  deadlinesForRoute,
  defaultShortFollowUp,
  fromDayNumber,
  isValidIsoDate,
  isoDateAtOffset,
  midFollowUpRange,
  shortFollowUpRange,
  sixtyDayRuleApplies,
  toDayNumber,
  walkInNoticeChain,
  weekday
} from './index'

// A fixed "today": the Monday of the statute.md examples.
const VISIT = '2026-11-23'

describe('statute deadlines from Mon 2026-11-23 (start day not counted)', () => {
  it.each([
    ['D1', '2026-12-08', 2, false], // +15 Tue
    ['D3', '2026-12-08', 2, false],
    ['D7', '2026-12-23', 3, false], // +30 Wed
    ['D5', '2027-01-22', 5, false], // +60 Fri
    ['D6', '2027-02-21', 0, true], // +90 Sun → weekend note
    ['N1', '2027-01-22', 5, false]
  ] as const)('%s → %s', (id, due, wd, weekend) => {
    const c = computeDeadline(id, VISIT)
    expect(c.due).toBe(due)
    expect(c.dueWeekday).toBe(wd)
    expect(c.fallsOnWeekend).toBe(weekend)
  })

  it('a weekend end keeps the statutory date and offers the next working day only as a note', () => {
    const c = computeDeadline('D6', VISIT)
    expect(c.due).toBe('2027-02-21')
    expect(c.nextWorkingDay).toBe('2027-02-22')
    expect(COUNTING_RULE.weekendRollover).toBe('note-only')
    expect(COUNTING_RULE.startDayCounted).toBe(false)
  })

  it('D4 counts 5 working days, Monday to Friday', () => {
    expect(computeDeadline('D4', VISIT).due).toBe('2026-11-30') // Mon → next Mon
    expect(computeDeadline('D4', '2026-11-27').due).toBe('2026-12-04') // Fri → next Fri
    expect(computeDeadline('D4', '2026-11-28').due).toBe('2026-12-04') // Sat → Fri
  })

  it('a walk-in is told transfer by +15 and written notice as late as about +30, never +15', () => {
    const chain = walkInNoticeChain(VISIT)
    expect(chain.transferBy.due).toBe('2026-12-08')
    expect(chain.noticeLatest).toBe('2026-12-23')
  })
})

describe('the 60-day rule only for the petition procedure (第三十一条第六项)', () => {
  it.each(['litigation', 'arbitration', 'partyDiscipline', 'administrative', 'disciplineReport', 'unknown'] as const)(
    'route %s gets no D5/D6',
    (route) => {
      expect(sixtyDayRuleApplies(route)).toBe(false)
      const ids = deadlinesForRoute(route).map((x) => x.id)
      expect(ids).not.toContain('D5')
      expect(ids).not.toContain('D6')
    }
  )
  it('route petition gets D5/D6 citing 第三十四条, never 第二十二条', () => {
    const rules = deadlinesForRoute('petition').filter((x) => x.id === 'D5' || x.id === 'D6')
    expect(rules).toHaveLength(2)
    for (const r of rules) expect(r.article).toBe('第三十四条')
  })
  it('every deadline is a verified fact with its keys', () => {
    expect(STATUTE_DEADLINES.map((x) => x.id)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'N1', 'N5'])
    for (const r of STATUTE_DEADLINES) {
      expect(['verified', 'secondary']).toContain(r.status)
      expect(r.labelKey).toMatch(/^interview:/)
      expect(r.scriptKey).toMatch(/^script:/)
    }
  })
})

describe('follow-ups (practice guide: 3–7 days, 1–3 months)', () => {
  it('gives the statute.md example dates', () => {
    expect(defaultShortFollowUp(VISIT)).toBe('2026-11-26')
    expect(shortFollowUpRange(VISIT)).toEqual({ min: '2026-11-26', max: '2026-11-30' })
    expect(midFollowUpRange(VISIT)).toEqual({ min: '2026-12-23', max: '2027-02-23' })
  })
})

describe('calendar arithmetic', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 2, '2027-02-28'], // over the year end
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-15', -1, '2025-12-15']
  ])('%s + %i month(s) = %s (clamped to month end)', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to)
  })

  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2100-02-28', 1, '2100-03-01'], // 2100 is not a leap year
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-12-20', 15, '2027-01-04']
  ])('%s + %i day(s) = %s', (from, n, to) => {
    expect(addDays(from, n)).toBe(to)
  })

  it('day numbers round-trip over four centuries', () => {
    for (let n = -200_000; n < 200_000; n += 997) expect(toDayNumber(fromDayNumber(n))).toBe(n)
    expect(toDayNumber('1970-01-01')).toBe(0)
    expect(weekday('2026-11-23')).toBe(1)
    expect(weekday('2027-02-06')).toBe(6) // 2027 Spring Festival (初一) is a Saturday
  })

  it('working days skip weekends over the year end', () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-01') // holiday not modelled: a Friday
    expect(addWorkingDays('2027-01-01', 1)).toBe('2027-01-04')
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23')
  })

  it('rejects impossible dates', () => {
    expect(isValidIsoDate('2027-02-29')).toBe(false)
    expect(isValidIsoDate('2028-02-29')).toBe(true)
    expect(isValidIsoDate('2026-13-01')).toBe(false)
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError)
  })

  it('takes the wall date in Guangdong (+08:00) from an instant', () => {
    expect(isoDateAtOffset(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
    expect(isoDateAtOffset(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23')
  })
})

describe('age at a date (Form A 年龄)', () => {
  it.each([
    ['2008-11', '2026-11-23', 18],
    ['2008-11-23', '2026-11-23', 18],
    ['2008-11-24', '2026-11-23', 17],
    ['2008-12', '2026-11-23', 17],
    ['2008-10', '2026-11-23', 18],
    ['1956-02-29', '2027-02-28', 70],
    ['1956-02-29', '2027-03-01', 71],
    ['1956-02-29', '2028-02-29', 72],
    ['2030-01', '2026-11-23', null],
    ['2008-13', '2026-11-23', null]
  ])('born %s is %s on %s', (birth, on, age) => {
    expect(ageAt(birth, on)).toBe(age)
  })
})

describe('dates as said to the petitioner', () => {
  it('formats with the weekday', async () => {
    const { formatChineseDate } = await import('./format')
    expect(formatChineseDate('2026-12-08')).toBe('2026年12月8日（星期二）')
    expect(formatChineseDate('2027-02-21')).toBe('2027年2月21日（星期日）')
    expect(formatChineseDate('2027-01-22', false)).toBe('2027年1月22日')
  })
})
