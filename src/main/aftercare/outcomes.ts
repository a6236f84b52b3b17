import { and, between, eq, gte, isNotNull, lte, sql } from 'drizzle-orm'
import { monthsOf, type FigureRange } from '@shared/domain/supervisor/figures'
import { median, rate, type MonthOutcome, type OutcomeFigures } from '@shared/domain/aftercare/outcomes'
import { SATISFACTION_QUESTIONS } from '@shared/domain/aftercare/return-visits'
import { daysBetween } from '@shared/domain/dates/calendar'
import type { Desk } from '../desk/desk'
import { caseClosings, cases, returnVisits } from '../db/schema'
import { referralFigures } from './referral-figures'

/**
 * The case is still closed or transferred. The unary + keeps SQLite from driving the query by the
 * case's status (every closed case of the archive) instead of by the closing date in the range
 * (case_closings_closed, migration 0020).
 */
const closedNow = sql`+${cases.status} IN ('closed', 'transferred')`

/** New, repeat and irrational cases, closings and return visits per month of the range (the report's trend). */
export function monthlyOutcomes(desk: Desk, range: FigureRange): MonthOutcome[] {
  const orm = desk.db().orm
  const { from, to } = range
  const month = sql<string>`substr(${cases.contactDate}, 1, 7)`
  const newRows = orm
    .select({
      month,
      n: sql<number>`count(*)`.mapWith(Number),
      repeat: sql<number>`sum(CASE WHEN ${cases.repeatMark} = 'repeat' THEN 1 ELSE 0 END)`.mapWith(Number),
      irrational: sql<number>`sum(${cases.irrational})`.mapWith(Number)
    })
    .from(cases)
    .where(between(cases.contactDate, from, to))
    .groupBy(month)
    .all()

  const closedMonth = sql<string>`substr(${caseClosings.closedDate}, 1, 7)`
  const closedRows = orm
    .select({ month: closedMonth, n: sql<number>`count(*)`.mapWith(Number) })
    .from(caseClosings)
    .innerJoin(cases, eq(cases.id, caseClosings.caseId))
    .where(and(between(caseClosings.closedDate, from, to), closedNow))
    .groupBy(closedMonth)
    .all()

  const overall = sql<number | null>`json_extract(${returnVisits.satisfaction}, '$.overall')`
  const visitMonth = sql<string>`substr(${returnVisits.visitDate}, 1, 7)`
  const visitRows = orm
    .select({
      month: visitMonth,
      n: sql<number>`count(*)`.mapWith(Number),
      rated: sql<number>`sum(CASE WHEN ${overall} IS NOT NULL THEN 1 ELSE 0 END)`.mapWith(Number),
      satisfied: sql<number>`sum(CASE WHEN ${overall} >= 3 THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(returnVisits)
    .where(and(isNotNull(returnVisits.recordedAt), eq(returnVisits.happened, true), between(returnVisits.visitDate, from, to)))
    .groupBy(visitMonth)
    .all()
  const by = <T extends { month: string }>(rows: T[]) => new Map(rows.map((r) => [r.month, r]))
  const nm = by(newRows)
  const cm = by(closedRows)
  const vm = by(visitRows)
  return monthsOf(range).map((m) => ({
    month: m,
    newCases: nm.get(m)?.n ?? 0,
    repeat: nm.get(m)?.repeat ?? 0,
    irrational: nm.get(m)?.irrational ?? 0,
    closed: cm.get(m)?.n ?? 0,
    visits: vm.get(m)?.n ?? 0,
    satisfied: vm.get(m)?.satisfied ?? 0,
    rated: vm.get(m)?.rated ?? 0
  }))
}

/**
 * The outcome figures (8.2, 7.1.5) over a date range: satisfaction from return visits, repeat and
 * irrational rates of new cases, time to the result, referral completion. Counts only.
 */
export function outcomeFigures(desk: Desk, range: FigureRange): OutcomeFigures {
  const orm = desk.db().orm
  const { from, to } = range
  const byQuestion = SATISFACTION_QUESTIONS.map((q) => {
    const answer = sql<number | null>`json_extract(${returnVisits.satisfaction}, ${'$.' + q})`
    const r = orm
      .select({
        rated: sql<number>`sum(CASE WHEN ${answer} IS NOT NULL THEN 1 ELSE 0 END)`.mapWith(Number),
        satisfied: sql<number>`sum(CASE WHEN ${answer} >= 3 THEN 1 ELSE 0 END)`.mapWith(Number)
      })
      .from(returnVisits)
      .where(and(isNotNull(returnVisits.recordedAt), eq(returnVisits.happened, true), between(returnVisits.visitDate, from, to)))
      .get()
    return { question: q, rate: rate(r?.satisfied ?? 0, r?.rated ?? 0) }
  })

  const again = orm
    .select({
      asked: sql<number>`sum(CASE WHEN ${returnVisits.petitionedAgain} IN ('no', 'same', 'other') THEN 1 ELSE 0 END)`.mapWith(Number),
      same: sql<number>`sum(CASE WHEN ${returnVisits.petitionedAgain} = 'same' THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(returnVisits)
    .where(and(isNotNull(returnVisits.recordedAt), eq(returnVisits.happened, true), between(returnVisits.visitDate, from, to)))
    .get()

  const due = orm
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      recorded: sql<number>`sum(CASE WHEN ${returnVisits.recordedAt} IS NOT NULL THEN 1 ELSE 0 END)`.mapWith(Number),
      happened: sql<number>`sum(CASE WHEN ${returnVisits.happened} = 1 THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(returnVisits)
    .where(and(gte(returnVisits.dueDate, from), lte(returnVisits.dueDate, to)))
    .get()

  const referrals = referralFigures(desk, range)
  let daysToRelay: OutcomeFigures['daysToRelay']
  if (referrals.relayDays.length) {
    daysToRelay = { median: median(referrals.relayDays), count: referrals.relayDays.length, source: 'relayed' }
  } else {
    const spans = orm
      .select({ contact: cases.contactDate, closed: caseClosings.closedDate })
      .from(caseClosings)
      .innerJoin(cases, eq(cases.id, caseClosings.caseId))
      .where(and(between(caseClosings.closedDate, from, to), closedNow))
      .all()
      .filter((r) => r.contact && r.closed >= r.contact)
      .map((r) => daysBetween(r.contact, r.closed))
    daysToRelay = { median: median(spans), count: spans.length, source: 'closing' }
  }

  const monthly = monthlyOutcomes(desk, range)
  const sum = (k: keyof Omit<MonthOutcome, 'month'>) => monthly.reduce((a, m) => a + m[k], 0)
  return {
    range,
    satisfaction: rate(sum('satisfied'), sum('rated')),
    byQuestion,
    repeatRate: rate(sum('repeat'), sum('newCases')),
    petitionedAgain: rate(again?.same ?? 0, again?.asked ?? 0),
    irrationalRate: rate(sum('irrational'), sum('newCases')),
    visitsDone: rate(due?.recorded ?? 0, due?.n ?? 0),
    visitsHappened: rate(due?.happened ?? 0, due?.recorded ?? 0),
    daysToRelay,
    referralCompletion: rate(referrals.replied, referrals.made),
    monthly
  }
}
