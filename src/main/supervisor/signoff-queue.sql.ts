import { and, asc, count, eq, isNotNull, lt, lte, notExists, or, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
import type { SignoffKind, SignoffQueueItem } from '@shared/domain/supervisor/signoff'
import type { Orm } from '../db/open'
import { caseClosings, cases, interviews, signoffs, users } from '../db/schema'

/**
 * The sign-off queue's queries: opened by every supervisor, on archives of 100 000 cases, so each
 * kind walks an index of migration 0006 and stops at `limit`. Typed by the schema; the conditions are
 * drizzle `sql` fragments with literals, because a partial index is used only when the query repeats
 * its WHERE term for term (a bound parameter would not match): change them and 0006's indexes together.
 */
const KIND: Record<SignoffKind, SQL> = { A: sql`'A'`, B: sql`'B'`, C: sql`'C'` }

/** No sign-off of this kind for this subject yet. */
const unsigned = (db: Orm, kind: SignoffKind, subject: SQLiteColumn) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(signoffs)
      .where(and(sql`${signoffs.kind} = ${KIND[kind]}`, eq(signoffs.subjectId, subject)))
  )

/** Since when a Form A has waited: the worker's signing, else the last change (cases_waiting_a's expression). */
const waitingSinceA = sql<string>`CASE WHEN ${cases.workerSignedDate} <> '' THEN ${cases.workerSignedDate} ELSE ${cases.updatedAt} END`

/** A 立案签批 waits once the worker signed the plan or the case moved past assessment (cases_waiting_a). */
const waitingA = (db: Orm) =>
  and(
    sql`(${cases.workerSignedDate} <> '' OR ${cases.status} IN ('planning', 'intervention', 'evaluation', 'closed', 'transferred'))`,
    unsigned(db, 'A', cases.id)
  )
/** A 督导意见 waits once the contact has ended (interviews_ended). */
const waitingB = (db: Orm) => and(isNotNull(interviews.endedAt), unsigned(db, 'B', interviews.id))
/** A 服务机构的评估 waits once the case is closed or transferred (case_closings_saved). */
const waitingC = (db: Orm) => and(sql`${cases.status} IN ('closed', 'transferred')`, unsigned(db, 'C', cases.id))

export function countWaiting(db: Orm): Record<SignoffKind, number> {
  const n = (r: { n: number } | undefined) => r?.n ?? 0
  return {
    A: n(db.select({ n: count() }).from(cases).where(waitingA(db)).get()),
    B: n(db.select({ n: count() }).from(interviews).where(waitingB(db)).get()),
    C: n(
      db
        .select({ n: count() })
        .from(caseClosings)
        .innerJoin(cases, eq(cases.id, caseClosings.caseId))
        .where(waitingC(db))
        .get()
    )
  }
}

export function queueA(db: Orm, limit: number): SignoffQueueItem[] {
  return db
    .select({
      subjectId: cases.id,
      caseId: cases.id,
      caseNo: cases.caseNo,
      date: cases.contactDate,
      workerName: users.displayName,
      riskLevel: cases.riskLevel,
      waitingSince: waitingSinceA
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(waitingA(db))
    .orderBy(waitingSinceA)
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'A', workCount: null, ...r }))
}

export function queueB(db: Orm, limit: number): SignoffQueueItem[] {
  const rows = db
    .select({
      subjectId: interviews.id,
      caseId: cases.id,
      caseNo: cases.caseNo,
      startedAt: interviews.startedAt,
      date: sql<string>`substr(${interviews.startedAt}, 1, 10)`,
      workerName: users.displayName,
      riskLevel: cases.riskLevel,
      // Never null here: the WHERE keeps ended contacts only.
      waitingSince: sql<string>`${interviews.endedAt}`
    })
    .from(interviews)
    .innerJoin(cases, eq(cases.id, interviews.caseId))
    .leftJoin(users, eq(users.id, interviews.workerId))
    .where(waitingB(db))
    .orderBy(asc(interviews.endedAt))
    .limit(limit)
    .all()
  // 第 N 次 only for the rows shown (the index on interviews(case_id, started_at, id) makes it cheap).
  return rows.map(({ startedAt, ...q }) => ({ kind: 'B', ...q, workCount: workCount(db, q.caseId, startedAt, q.subjectId) }))
}

/**
 * 第 N 次: the contacts of the case up to this one, counted as Form B counts them. Prepared once per
 * connection with placeholders: it runs for each of the up to 200 contacts the queue shows.
 */
const workCounts = new WeakMap<Orm, ReturnType<typeof prepareWorkCount>>()
const prepareWorkCount = (db: Orm) => {
  const startedAt = sql.placeholder('startedAt')
  return db
    .select({ n: count() })
    .from(interviews)
    .where(
      and(
        eq(interviews.caseId, sql.placeholder('caseId')),
        or(lt(interviews.startedAt, startedAt), and(eq(interviews.startedAt, startedAt), lte(interviews.id, sql.placeholder('id'))))
      )
    )
    .prepare()
}
function workCount(db: Orm, caseId: number, startedAt: string, id: number): number {
  let q = workCounts.get(db)
  if (!q) workCounts.set(db, (q = prepareWorkCount(db)))
  return q.get({ caseId, startedAt, id })?.n ?? 0
}

export function queueC(db: Orm, limit: number): SignoffQueueItem[] {
  // CROSS JOIN keeps closings as the outer loop, walked in saved order on their index, so the
  // first `limit` waiting are found without reading every closed case (SQLite would start from cases).
  return db
    .select({
      subjectId: cases.id,
      caseId: cases.id,
      caseNo: cases.caseNo,
      date: caseClosings.closedDate,
      workerName: users.displayName,
      riskLevel: cases.riskLevel,
      waitingSince: caseClosings.savedAt
    })
    .from(caseClosings)
    .crossJoin(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(and(eq(cases.id, caseClosings.caseId), waitingC(db)))
    .orderBy(asc(caseClosings.savedAt))
    .limit(limit)
    .all()
    .map((r) => ({ kind: 'C', workCount: null, ...r }))
}
