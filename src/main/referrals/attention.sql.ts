import { and, count, eq, isNull, lt, ne, or, sql, type Column } from 'drizzle-orm'
import type { Orm } from '../db/open'
import { cases } from '../db/schema/cases'
import { users } from '../db/schema/foundation'
import { caseReferrals, directoryEntries, referralSupervisionNotes } from '../db/schema/referrals'

/**
 * The hot read behind the supervisor's 督办 list and a worker's Today (issue 16 §1): open referrals
 * whose reply is overdue or whose result is not yet relayed, with their case's number and worker. At
 * 100 000 cases it is read from two indexes alone (migration 0020), never a case or referral row:
 * the cases by `cases_worker_case_no` (named with INDEXED BY: a scan of that small index, for one
 * worker a range of it, instead of a case row per referral), each probing the open referrals' partial
 * index `case_referrals_attention` (its WHERE repeated term for term as literals, so SQLite may use it).
 */
const col = <C extends Column>(c: C) => sql<C['_']['data']>`${c}`.mapWith(c)
const openReferral = sql`${caseReferrals.withdrawnAt} IS NULL AND ${caseReferrals.relayedDate} = ''`

export interface AttentionRow {
  referralId: number
  caseId: number
  caseNo: string
  workerId: number | null
  workerName: string | null
  replyDate: string
  replyDue: string
  toName: string
  toBuiltin: string | null
}

/** Every worker's (workerId null) or one worker's referrals that need attention on `today`. */
export function attentionRows(orm: Orm, today: string, workerId: number | null): AttentionRow[] {
  const waiting = or(
    and(eq(caseReferrals.replyDate, ''), ne(caseReferrals.sentDate, ''), ne(caseReferrals.replyDue, ''), lt(caseReferrals.replyDue, today)),
    ne(caseReferrals.replyDate, '')
  )
  return orm
    .select({
      referralId: caseReferrals.id,
      caseId: caseReferrals.caseId,
      caseNo: col(cases.caseNo),
      workerId: col(cases.assignedWorkerId),
      workerName: users.displayName,
      replyDate: caseReferrals.replyDate,
      replyDue: caseReferrals.replyDue,
      toName: caseReferrals.toName,
      toBuiltin: directoryEntries.builtin
    })
    .from(sql`${cases} INDEXED BY cases_worker_case_no`)
    .innerJoin(caseReferrals, eq(caseReferrals.caseId, cases.id))
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, caseReferrals.directoryId))
    .where(and(openReferral, waiting, workerId == null ? undefined : eq(cases.assignedWorkerId, workerId)))
    .all()
}

/** Unacknowledged 督办 notes per referral (few: they are read and acknowledged). */
export function openNoteCounts(orm: Orm): Map<number, number> {
  const rows = orm
    .select({ referralId: referralSupervisionNotes.referralId, n: count() })
    .from(referralSupervisionNotes)
    .where(isNull(referralSupervisionNotes.acknowledgedAt))
    .groupBy(referralSupervisionNotes.referralId)
    .all()
  return new Map(rows.map((r) => [r.referralId, r.n]))
}
