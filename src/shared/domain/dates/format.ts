import { type IsoDate, parseIsoDate, weekday } from './calendar'

const WEEKDAY_CHARS = ['日', '一', '二', '三', '四', '五', '六']

/**
 * A date as said and printed to a petitioner: 2026年12月8日（星期二）. The same characters in
 * Simplified and Traditional script, so one formatter serves both output languages.
 */
export function formatChineseDate(date: IsoDate, withWeekday = true): string {
  const { year, month, day } = parseIsoDate(date)
  const base = `${year}年${month}月${day}日`
  return withWeekday ? `${base}（星期${WEEKDAY_CHARS[weekday(date)]}）` : base
}
