import { and, asc, eq, isNull, lte, sql, type Column } from 'drizzle-orm'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { caseDeadlines, isApproaching, oldestRelevantStarts, type TodayData, type TodayDeadline, type TodayFollowUp } from '@shared/domain/case/today'
import type { Desk } from '../desk/desk'
import { caseDiversions, caseFollowUps, cases } from '../db/schema'
import { listCases } from './listing'

/**
 * The logged-in worker's day. Every query is bounded by the worker and by date, so it stays fast on
 * an archive of 100 000 cases: open follow-ups of this worker, deadlines of this worker's open cases
 * whose start dates are recent enough to matter, their recent cases, and high-risk cases.
 * Typed by the schema; the two SQL pieces the builder cannot say (SQLite's date arithmetic and the
 * INDEXED BY that keeps the deadline scan on its covering index) are drizzle `sql` fragments.
 */
/** A column read from a FROM the builder cannot type (INDEXED BY), keeping its type and mapping. */
const col = <C extends Column>(c: C) => sql<C['_']['data']>`${c}`.mapWith(c)

export function today(desk: Desk): TodayData {
  const session = desk.requireSession()
  const db = desk.db().orm
  const day = isoDateAtOffset(desk.now())
  const items: TodayFollowUp[] = db
    .select({
      id: caseFollowUps.id,
      caseId: caseFollowUps.caseId,
      dueDate: caseFollowUps.dueDate,
      kind: caseFollowUps.kind,
      note: caseFollowUps.note,
      interviewId: caseFollowUps.interviewId,
      createdAt: caseFollowUps.createdAt,
      caseNo: cases.caseNo,
      name: cases.name,
      riskLevel: cases.riskLevel
    })
    .from(caseFollowUps)
    .innerJoin(cases, eq(cases.id, caseFollowUps.caseId))
    .where(
      and(
        isNull(caseFollowUps.doneAt),
        eq(caseFollowUps.assignedWorkerId, session.userId),
        lte(caseFollowUps.dueDate, sql`date(${day}, '+7 days')`)
      )
    )
    .orderBy(asc(caseFollowUps.dueDate), asc(caseFollowUps.id))
    .limit(300)
    .all()
    .map((r) => ({ ...r, doneAt: null, doneNote: '', createdBy: null }))
  const since = oldestRelevantStarts(day)
  // Driven by the worker's open cases through a covering index (no case row is read), filtered
  // by the start dates that can still produce a deadline worth showing; then details of the few.
  const candidates = db
    .select({
      id: col(cases.id),
      contactDate: col(cases.contactDate),
      inPetitionProcedure: col(cases.inPetitionProcedure),
      acceptedDate: col(cases.acceptedDate),
      extended: col(cases.extended),
      opinionReceivedDate: col(cases.opinionReceivedDate),
      reviewReceivedDate: col(cases.reviewReceivedDate),
      knewOfActDate: col(cases.knewOfActDate),
      infringementDate: col(cases.infringementDate)
    })
    .from(sql`${cases} INDEXED BY cases_worker_dates`)
    .where(and(eq(cases.assignedWorkerId, session.userId), sql`${cases.status} NOT IN ('closed', 'transferred')`))
    .all()
    .filter(
      (r) =>
        r.contactDate >= since.registered ||
        (r.inPetitionProcedure && r.acceptedDate >= since.accepted) ||
        r.opinionReceivedDate >= since.answered ||
        r.reviewReceivedDate >= since.answered ||
        r.knewOfActDate >= since.knewOfAct ||
        r.infringementDate >= since.infringement
    )
  const detail = (id: number) =>
    db
      .select({ caseNo: cases.caseNo, name: cases.name, riskLevel: cases.riskLevel, chosen: caseDiversions.chosen })
      .from(cases)
      .leftJoin(caseDiversions, eq(caseDiversions.caseId, cases.id))
      .where(eq(cases.id, id))
      .get()
  const deadlines: TodayDeadline[] = []
  for (const { id, ...f } of candidates) {
    // Without the diversion first (the route resolves to 'unknown', which shows the most): a case with
    // no date near is skipped unread.
    const near = caseDeadlines(id, f, null, day).filter(isApproaching)
    if (near.length === 0) continue
    const x = detail(id)
    if (!x) continue
    for (const d of caseDeadlines(id, f, x.chosen ?? null, day)) {
      if (isApproaching(d)) deadlines.push({ ...d, caseNo: x.caseNo, name: x.name, riskLevel: x.riskLevel })
    }
  }
  deadlines.sort((a, b) => a.daysLeft - b.daysLeft)
  return {
    today: day,
    overdue: items.filter((i) => i.dueDate < day),
    due: items.filter((i) => i.dueDate === day),
    upcoming: items.filter((i) => i.dueDate > day),
    deadlines,
    recent: listCases(desk, { workerId: session.userId, order: 'recent', limit: 8 }),
    highRisk: listCases(desk, { status: 'open', minRisk: 'high', order: 'recent', limit: 20 })
  }
}
