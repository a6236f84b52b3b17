import { and, desc, eq, ne, notExists, sql } from 'drizzle-orm'
import type { OpinionItem } from '@shared/domain/aftercare/opinions'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases, interviews, opinionAcks, signoffs, supervisionRecordCases, supervisionRecords, users } from '../db/schema'

/**
 * Supervisors' opinions reach the worker in the app (issue 16 §3): sign-off opinions (立案签批, 督导意见,
 * 服务机构的评估) and what a supervision session or case conference said about one of their cases. Each
 * stays on the worker's day until they acknowledge it (with a note if they like); the
 * acknowledgement is kept and audited.
 */
export function myOpinions(desk: Desk): OpinionItem[] {
  const me = desk.requireSession().userId
  const orm = desk.db().orm
  const caseOfSignoff = sql<number>`CASE WHEN ${signoffs.kind} = 'B' THEN ${interviews.caseId} ELSE ${signoffs.subjectId} END`
  const signed = orm
    .select({
      refId: signoffs.id,
      form: signoffs.kind,
      caseId: cases.id,
      caseNo: cases.caseNo,
      opinion: signoffs.opinion,
      byName: signoffs.signerName,
      at: signoffs.signedAt
    })
    .from(signoffs)
    .leftJoin(interviews, and(eq(signoffs.kind, 'B'), eq(interviews.id, signoffs.subjectId)))
    .innerJoin(cases, eq(cases.id, caseOfSignoff))
    .where(
      and(
        eq(cases.assignedWorkerId, me),
        ne(signoffs.opinion, ''),
        ne(signoffs.signedBy, me),
        notExists(
          orm
            .select({ one: sql`1` })
            .from(opinionAcks)
            .where(and(eq(opinionAcks.kind, 'signoff'), eq(opinionAcks.refId, signoffs.id), eq(opinionAcks.userId, me)))
        )
      )
    )
    .orderBy(desc(signoffs.signedAt))
    .limit(100)
    .all()
  const discussed = orm
    .select({
      refId: supervisionRecords.id,
      form: supervisionRecords.kind,
      caseId: cases.id,
      caseNo: cases.caseNo,
      opinion: supervisionRecordCases.opinion,
      decisions: supervisionRecords.decisions,
      byName: users.displayName,
      at: supervisionRecords.updatedAt
    })
    .from(supervisionRecordCases)
    .innerJoin(supervisionRecords, eq(supervisionRecords.id, supervisionRecordCases.recordId))
    .innerJoin(cases, eq(cases.id, supervisionRecordCases.caseId))
    .leftJoin(users, eq(users.id, supervisionRecords.createdBy))
    .where(
      and(
        eq(cases.assignedWorkerId, me),
        notExists(
          orm
            .select({ one: sql`1` })
            .from(opinionAcks)
            .where(
              and(
                eq(opinionAcks.kind, 'supervision'),
                eq(opinionAcks.refId, supervisionRecords.id),
                eq(opinionAcks.caseId, cases.id),
                eq(opinionAcks.userId, me)
              )
            )
        )
      )
    )
    .orderBy(desc(supervisionRecords.updatedAt))
    .limit(100)
    .all()
  return [
    ...signed.map((r) => ({ kind: 'signoff' as const, ...r, decisions: '' })),
    ...discussed
      .filter((r) => r.opinion.trim() || r.decisions.trim())
      .map((r) => ({ kind: 'supervision' as const, ...r, byName: r.byName ?? '' }))
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}

/** The worker has read it. Only the worker the case is assigned to acknowledges; once. */
export function acknowledgeOpinion(desk: Desk, input: { kind: 'signoff' | 'supervision'; refId: number; caseId: number; note: string }): null {
  const me = desk.requireSession().userId
  const db = desk.db()
  db.sqlite.transaction(() => {
    const c = db.orm.select({ worker: cases.assignedWorkerId }).from(cases).where(eq(cases.id, input.caseId)).get()
    if (!c) fail('NOT_FOUND', 'aftercare:errors.opinionNotFound')
    if (c!.worker !== me) fail('FORBIDDEN', 'aftercare:errors.notYourCase')
    const exists =
      input.kind === 'signoff'
        ? db.orm.select({ id: signoffs.id }).from(signoffs).where(eq(signoffs.id, input.refId)).get()
        : db.orm
            .select({ id: supervisionRecordCases.recordId })
            .from(supervisionRecordCases)
            .where(and(eq(supervisionRecordCases.recordId, input.refId), eq(supervisionRecordCases.caseId, input.caseId)))
            .get()
    if (!exists) fail('NOT_FOUND', 'aftercare:errors.opinionNotFound')
    const done = db.orm
      .insert(opinionAcks)
      .values({ kind: input.kind, refId: input.refId, caseId: input.caseId, userId: me, note: input.note.trim(), at: desk.now().toISOString() })
      .onConflictDoNothing()
      .returning({ id: opinionAcks.id })
      .get()
    if (done) desk.audit({ action: 'aftercare.opinion.acknowledge', subjectType: 'case', subjectId: input.caseId, details: { kind: input.kind, refId: input.refId } })
  })()
  return null
}
