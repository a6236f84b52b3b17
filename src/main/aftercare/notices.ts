import { and, eq, gte, lt, ne, notInArray, or, sql } from 'drizzle-orm'
import { caseDeadlines } from '@shared/domain/case/today'
import type { RiskLevel } from '@shared/domain/case/options'
import { addDays, isoDateAtOffset } from '@shared/domain/dates/calendar'
import { missedDeskDeadlines, MISSED_LOOKBACK_DAYS, referralReplyMissed, riskNeedsNotice } from '@shared/domain/aftercare/notices'
import { DIVERSION_ROUTES, type DiversionRoute } from '@shared/domain/screening/rules'
import type { Desk } from '../desk/desk'
import { caseDiversions, caseReferrals, cases } from '../db/schema'
import { raiseNotice } from '../notices/service'

/**
 * Supervisors are told, by whatever path the record changed (issue 16 §3): the cases service calls
 * this from setRiskLevel itself — the case page, the interview's crisis steps and an accepted risk
 * cue all go through it — inside the same transaction as the change, so a change is never recorded
 * without its notice. The crisis dialog raises its own notice (crisis.<kind>) and is not told twice.
 * (A 非理性上访 risk event and a large-scale judgement raise theirs in the flows and screening services.)
 */
export function noticeRiskRaised(desk: Desk, caseId: number, from: RiskLevel, to: RiskLevel, reason: string): void {
  if (riskNeedsNotice(from, to) && !reason.startsWith('crisis.')) raiseNotice(desk, { kind: 'risk.raised', caseId, detail: to })
}

const swept = new WeakMap<Desk, string>()

/**
 * Missed desk deadlines (D1, D5/D6) of open cases, raised once each (its key holds the case, the
 * deadline and its date), and referral replies overdue (below), looked for at most once a day per
 * desk when someone's notices load.
 * Bounded by date: only cases whose contact or acceptance is recent enough for a deadline to have
 * passed within the look-back are read.
 */
export function sweepMissedDeadlines(desk: Desk, opts: { force?: boolean } = {}): number {
  const today = isoDateAtOffset(desk.now())
  if (!opts.force && swept.get(desk) === today) return 0
  const orm = desk.db().orm
  const back = (days: number) => addDays(today, -(days + MISSED_LOOKBACK_DAYS + 1))
  const rows = orm
    .select({
      id: cases.id,
      contactDate: cases.contactDate,
      inPetitionProcedure: cases.inPetitionProcedure,
      acceptedDate: cases.acceptedDate,
      extended: cases.extended,
      opinionReceivedDate: cases.opinionReceivedDate,
      reviewReceivedDate: cases.reviewReceivedDate,
      knewOfActDate: cases.knewOfActDate,
      infringementDate: cases.infringementDate,
      chosen: caseDiversions.chosen,
      decidedAt: caseDiversions.decidedAt
    })
    .from(cases)
    .leftJoin(caseDiversions, eq(caseDiversions.caseId, cases.id))
    .where(
      and(
        notInArray(cases.status, ['closed', 'transferred']),
        or(gte(cases.contactDate, back(15)), and(eq(cases.inPetitionProcedure, true), gte(cases.acceptedDate, back(90))))
      )
    )
    .all()
  let raised = 0
  desk.db().sqlite.transaction(() => {
    for (const r of rows) {
      const route = (DIVERSION_ROUTES as readonly string[]).includes(r.chosen ?? '') ? (r.chosen as DiversionRoute) : null
      const all = caseDeadlines(r.id, r, route, today)
      const decided = r.decidedAt ? isoDateAtOffset(new Date(r.decidedAt)) : ''
      for (const d of missedDeskDeadlines(all, { diversionDecided: decided, answerReceived: r.opinionReceivedDate, extended: r.extended }, today)) {
        const id = raiseNotice(desk, { kind: 'deadline.missed', caseId: r.id, detail: `${d.id}:${d.due}`, onceKey: `deadline:${r.id}:${d.id}:${d.due}`, raisedBy: null })
        if (id != null) raised++
      }
    }
    raised += overdueReferrals(desk, today)
  })()
  swept.set(desk, today)
  return raised
}

/**
 * Referrals whose expected reply date passed without a reply (within the look-back): a notice for
 * the supervisors and one for the case's worker, each raised once per referral and reply date (its
 * key holds both; a reply date agreed again and missed again is told again). Read through the open
 * referrals' partial index by reply date, so only the last weeks' open referrals are looked at.
 */
function overdueReferrals(desk: Desk, today: string): number {
  const rows = desk
    .db()
    .orm.select({
      id: caseReferrals.id,
      caseId: caseReferrals.caseId,
      workerId: cases.assignedWorkerId,
      sentDate: caseReferrals.sentDate,
      replyDue: caseReferrals.replyDue,
      replyDate: caseReferrals.replyDate,
      relayedDate: caseReferrals.relayedDate,
      withdrawnAt: caseReferrals.withdrawnAt
    })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .where(
      and(
        // Term for term the partial index case_referrals_open (literals, so SQLite can use it).
        sql`${caseReferrals.withdrawnAt} IS NULL AND ${caseReferrals.relayedDate} = ''`,
        gte(caseReferrals.replyDue, addDays(today, -MISSED_LOOKBACK_DAYS)),
        lt(caseReferrals.replyDue, today),
        eq(caseReferrals.replyDate, ''),
        ne(caseReferrals.sentDate, '')
      )
    )
    .all()
  let raised = 0
  for (const r of rows) {
    if (!referralReplyMissed(r, today)) continue
    const key = `referral:${r.id}:${r.replyDue}`
    const notice = { kind: 'referral.overdue', caseId: r.caseId, detail: r.replyDue, raisedBy: null }
    if (raiseNotice(desk, { ...notice, onceKey: key }) != null) raised++
    if (r.workerId != null && raiseNotice(desk, { ...notice, onceKey: `${key}:worker:${r.workerId}`, forUserId: r.workerId }) != null) raised++
  }
  return raised
}
