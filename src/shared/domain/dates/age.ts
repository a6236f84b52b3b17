import { type IsoDate, isValidIsoDate, parseIsoDate } from './calendar'

/** A birth date as recorded: Form A's 出生年月 ('YYYY-MM') or a full date ('YYYY-MM-DD'). */
export type BirthDate = string

const YEAR_MONTH_RE = /^(\d{4})-(\d{2})$/

export function isValidBirthDate(text: string): boolean {
  const m = YEAR_MONTH_RE.exec(text)
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12
  return isValidIsoDate(text)
}

/**
 * Age in whole years on `on`, as written on Form A (年龄). With only a year and month, the birthday
 * counts as reached from the first day of that month: someone born 2008-11 is 18 on 2026-11-23, and
 * so is someone born 2008-11-23. A 29 February birthday is reached on 1 March in common years.
 * Returns null for an unreadable birth date or a birth after `on`.
 */
export function ageAt(birth: BirthDate, on: IsoDate): number | null {
  if (!isValidBirthDate(birth) || !isValidIsoDate(on)) return null
  const ym = YEAR_MONTH_RE.exec(birth)
  const b = ym ? { year: Number(ym[1]), month: Number(ym[2]), day: 1 } : parseIsoDate(birth)
  const d = parseIsoDate(on)
  let age = d.year - b.year
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1
  return age < 0 ? null : age
}
