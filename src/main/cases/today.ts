import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { caseDeadlines, isApproaching, oldestRelevantStarts, type TodayData, type TodayDeadline, type TodayFollowUp } from '@shared/domain/case/today'
import type { DiversionRoute } from '@shared/domain/screening/rules'
import type { RiskLevel } from '@shared/domain/case/options'
import type { Desk } from '../desk/desk'
import { listCases } from './listing'

/**
 * The logged-in worker's day. Every query is bounded by the worker and by date, so it stays fast on
 * an archive of 100 000 cases: open follow-ups of this worker, deadlines of this worker's open cases
 * whose start dates are recent enough to matter, their recent cases, and high-risk cases.
 */
export function today(desk: Desk): TodayData {
  const session = desk.requireSession()
  const db = desk.db().sqlite
  const day = isoDateAtOffset(desk.now())
  const fu = db
    .prepare(
      `SELECT f.*, c.case_no, c.name, c.risk_level FROM case_follow_ups f JOIN cases c ON c.id = f.case_id
       WHERE f.done_at IS NULL AND f.assigned_worker_id = ? AND f.due_date <= date(?, '+7 days')
       ORDER BY f.due_date, f.id LIMIT 300`
    )
    .all(session.userId, day) as Record<string, unknown>[]
  const items: TodayFollowUp[] = fu.map((r) => ({
    id: r.id as number,
    caseId: r.case_id as number,
    dueDate: r.due_date as string,
    kind: r.kind as TodayFollowUp['kind'],
    note: r.note as string,
    interviewId: (r.interview_id as number | null) ?? null,
    doneAt: null,
    doneNote: '',
    createdAt: r.created_at as string,
    createdBy: null,
    caseNo: r.case_no as string,
    name: r.name as string,
    riskLevel: r.risk_level as RiskLevel
  }))
  const since = oldestRelevantStarts(day)
  // Driven by the worker's open cases through a covering index (no case row is read), filtered
  // by the start dates that can still produce a deadline worth showing; then details of the few.
  const candidates = (
    db
      .prepare(
        `SELECT id, contact_date, in_petition_procedure, accepted_date, extended, opinion_received_date, review_received_date,
                knew_of_act_date, infringement_date
         FROM cases INDEXED BY cases_worker_dates
         WHERE assigned_worker_id = ? AND status NOT IN ('closed', 'transferred')`
      )
      .all(session.userId) as Record<string, unknown>[]
  ).filter(
    (r) =>
      (r.contact_date as string) >= since.registered ||
      (!!r.in_petition_procedure && (r.accepted_date as string) >= since.accepted) ||
      (r.opinion_received_date as string) >= since.answered ||
      (r.review_received_date as string) >= since.answered ||
      (r.knew_of_act_date as string) >= since.knewOfAct ||
      (r.infringement_date as string) >= since.infringement
  )
  const detail = db.prepare(
    'SELECT c.case_no, c.name, c.risk_level, d.chosen FROM cases c LEFT JOIN case_diversions d ON d.case_id = c.id WHERE c.id = ?'
  )
  const deadlines: TodayDeadline[] = []
  for (const r of candidates) {
    const f = {
      contactDate: r.contact_date as string,
      inPetitionProcedure: !!r.in_petition_procedure,
      acceptedDate: r.accepted_date as string,
      extended: !!r.extended,
      opinionReceivedDate: r.opinion_received_date as string,
      reviewReceivedDate: r.review_received_date as string,
      knewOfActDate: r.knew_of_act_date as string,
      infringementDate: r.infringement_date as string
    }
    // Without the diversion first (the route resolves to 'unknown', which shows the most): a case with
    // no date near is skipped unread.
    const near = caseDeadlines(r.id as number, f, null, day).filter(isApproaching)
    if (near.length === 0) continue
    const x = detail.get(r.id) as { case_no: string; name: string; risk_level: RiskLevel; chosen: DiversionRoute | null }
    for (const d of caseDeadlines(r.id as number, f, x.chosen ?? null, day)) {
      if (isApproaching(d)) deadlines.push({ ...d, caseNo: x.case_no, name: x.name, riskLevel: x.risk_level })
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
