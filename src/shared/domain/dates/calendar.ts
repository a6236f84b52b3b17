/**
 * Civil-date arithmetic on ISO strings ('YYYY-MM-DD'), with no time zone inside: a date is a day on
 * the wall calendar of the reception hall. Working through day numbers (days since 1970-01-01)
 * rather than `Date` keeps daylight-saving and host time-zone quirks out of every deadline.
 */

export type IsoDate = string

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export interface CivilDate {
  year: number
  month: number // 1–12
  day: number // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isValidIsoDate(text: string): boolean {
  const m = ISO_RE.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function parseIsoDate(text: IsoDate): CivilDate {
  if (!isValidIsoDate(text)) throw new RangeError(`not an ISO date: ${text}`)
  const m = ISO_RE.exec(text)!
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date)
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return formatIsoDate({ year, month, day })
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7
}

export function isWeekend(date: IsoDate): boolean {
  const d = weekday(date)
  return d === 0 || d === 6
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days)
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from)
}

/**
 * Calendar months, clamped to the month's end: 2027-01-31 + 1 month = 2027-02-28,
 * 2028-01-31 + 1 month = 2028-02-29. (民法典 第二百零二条 ends a month period on the matching day,
 * or the month's last day when there is none.)
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date)
  const index = year * 12 + (month - 1) + months
  const y = Math.floor(index / 12)
  const m = index - y * 12 + 1
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) })
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/**
 * N working days after `date` (the start day itself not counted), Monday to Friday.
 * Public holidays and the make-up working weekends (调休) are NOT modelled: the app has no
 * official holiday calendar, so it must say so wherever it shows such a date.
 */
export function addWorkingDays(date: IsoDate, workingDays: number): IsoDate {
  if (workingDays < 0) throw new RangeError('workingDays must be >= 0')
  let n = toDayNumber(date)
  let left = workingDays
  while (left > 0) {
    n += 1
    const wd = (((n + 4) % 7) + 7) % 7
    if (wd !== 0 && wd !== 6) left -= 1
  }
  return fromDayNumber(n)
}

/** The next Monday–Friday on or after `date`. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  let d = date
  while (isWeekend(d)) d = addDays(d, 1)
  return d
}

/** The wall-calendar date of an instant at a fixed UTC offset (Guangdong: +08:00, no DST). */
export function isoDateAtOffset(instant: Date, utcOffsetMinutes = 480): IsoDate {
  const shifted = new Date(instant.getTime() + utcOffsetMinutes * 60_000)
  return formatIsoDate({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() })
}

/** The date of an instant in the host's own time zone (renderer: the worker's PC). */
export function localIsoDate(instant: Date): IsoDate {
  return formatIsoDate({ year: instant.getFullYear(), month: instant.getMonth() + 1, day: instant.getDate() })
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}
