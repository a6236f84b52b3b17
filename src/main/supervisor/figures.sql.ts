import { between, sql } from 'drizzle-orm'
import type { FigureRange } from '@shared/domain/supervisor/figures'
import type { Orm } from '../db/open'
import { caseFollowUps, cases } from '../db/schema'

/**
 * The aggregates behind the hall's figures (8.2), as drizzle `sql` pieces with typed results. Every
 * range is by contact date and is read through `cases_contact_figures` (migration 0020), an index on
 * the contact date that carries the columns these counts need, so a month of a 100 000-case archive
 * is read from the index alone and never touches a case row (notes and all).
 */
const inRange = (range: FigureRange) => between(cases.contactDate, range.from, range.to)
const isOpen = sql`${cases.status} NOT IN ('closed', 'transferred')`
const isClosed = sql`${cases.status} IN ('closed', 'transferred')`

/** New cases in the range, and how many of them are open and closed now. */
export function rangeTotals(orm: Orm, range: FigureRange): { newCases: number; open: number; closed: number } {
  const r = orm
    .select({
      newCases: sql<number>`count(*)`.mapWith(Number),
      open: sql<number>`coalesce(sum(CASE WHEN ${isOpen} THEN 1 ELSE 0 END), 0)`.mapWith(Number),
      closed: sql<number>`coalesce(sum(CASE WHEN ${isClosed} THEN 1 ELSE 0 END), 0)`.mapWith(Number)
    })
    .from(cases)
    .where(inRange(range))
    .get()
  return r ?? { newCases: 0, open: 0, closed: 0 }
}

/**
 * Cases per 问题/需要 code in the range (a case with several codes counts under each). `needs` is a
 * JSON array; a value that is not one (never written by the desk) counts under none.
 */
export function needCounts(orm: Orm, range: FigureRange): { code: string; count: number }[] {
  return orm.all<{ code: string; count: number }>(sql`
    SELECT j.value AS code, count(*) AS count
    FROM ${cases}, json_each(CASE WHEN json_valid(${cases.needs}) AND json_type(${cases.needs}) = 'array' THEN ${cases.needs} ELSE '[]' END) AS j
    WHERE ${inRange(range)} AND j.type = 'text'
    GROUP BY j.value`)
}

/** Cases per 问题属地 (trimmed; '' when none was written), the 15 most frequent. */
export function localityCounts(orm: Orm, range: FigureRange): { locality: string; count: number }[] {
  const locality = sql<string>`trim(${cases.locality})`
  return orm
    .select({ locality, count: sql<number>`count(*)`.mapWith(Number) })
    .from(cases)
    .where(inRange(range))
    .groupBy(locality)
    .orderBy(sql`count(*) DESC`, locality)
    .limit(15)
    .all()
}

/** Per month of contact: new, repeat, collective and irrational visits. */
export function monthCounts(orm: Orm, range: FigureRange): { month: string; newCases: number; repeat: number; collective: number; irrational: number }[] {
  const month = sql<string>`substr(${cases.contactDate}, 1, 7)`
  return orm
    .select({
      month,
      newCases: sql<number>`count(*)`.mapWith(Number),
      repeat: sql<number>`sum(CASE WHEN ${cases.repeatMark} = 'repeat' THEN 1 ELSE 0 END)`.mapWith(Number),
      collective: sql<number>`sum(CASE WHEN ${cases.partyKind} = 'collective' THEN 1 ELSE 0 END)`.mapWith(Number),
      irrational: sql<number>`sum(CASE WHEN ${cases.irrational} = 1 THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(cases)
    .where(inRange(range))
    .groupBy(month)
    .all()
}

/**
 * Follow-ups due in the range, counted by due date and the day they were done (NULL: not yet), so
 * the rule that judges them (on time, late, overdue, pending) stays the domain's and a year's tens of
 * thousands of follow-ups come back as a few hundred groups, from the index case_follow_ups_due.
 */
export function followUpsDue(orm: Orm, range: FigureRange): { dueDate: string; doneOn: string | null; count: number }[] {
  const doneOn = sql<string | null>`substr(${caseFollowUps.doneAt}, 1, 10)`
  return orm
    .select({ dueDate: caseFollowUps.dueDate, doneOn, count: sql<number>`count(*)`.mapWith(Number) })
    .from(caseFollowUps)
    .where(between(caseFollowUps.dueDate, range.from, range.to))
    .groupBy(caseFollowUps.dueDate, doneOn)
    .all()
}

/** Open cases per risk level (the covering index cases_open_risk). */
export function openRiskCounts(orm: Orm): { level: string; count: number }[] {
  return orm
    .select({ level: cases.riskLevel, count: sql<number>`count(*)`.mapWith(Number) })
    .from(cases)
    .where(isOpen)
    .groupBy(cases.riskLevel)
    .all()
}
