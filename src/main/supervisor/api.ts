import { queueOrder, type Signoff, type SignoffKind, type SignoffQueueItem, type SignoffRecordView } from '@shared/domain/supervisor/signoff'
import { fail } from '@shared/ipc/result'
import type { KeysUnder } from '@shared/i18n/keys'
import { and, eq } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { cases, interviews, signoffs } from '../db/schema'
import { getCase } from '../cases/api'
import { getFormB } from '../interview/api'
import { countWaiting, queueA, queueB, queueC } from './signoff-queue.sql'

/**
 * The supervisor feature's cross-feature API. `getSignoff` is what the forms print (helper D);
 * the queue reads the cases and interviews tables (owned by B and C) read-only (signoff-queue.sql.ts),
 * and their api.ts files to show a record.
 */
const SIGNOFF = {
  kind: signoffs.kind,
  subjectId: signoffs.subjectId,
  opinion: signoffs.opinion,
  signedBy: signoffs.signedBy,
  signerName: signoffs.signerName,
  signedAt: signoffs.signedAt
}

/** The sign-off of one form, or null while it waits. Forms A and C: subjectId = case id; Form B: interview id. */
export function getSignoff(desk: Desk, kind: SignoffKind, subjectId: number): Signoff | null {
  return (
    desk
      .db()
      .orm.select(SIGNOFF)
      .from(signoffs)
      .where(and(eq(signoffs.kind, kind), eq(signoffs.subjectId, subjectId)))
      .get() ?? null
  )
}

/** How many forms wait, per kind (the list itself shows the longest-waiting ones). */
export function signoffQueueCounts(desk: Desk): Record<SignoffKind, number> {
  return countWaiting(desk.db().orm)
}

/**
 * What waits for a supervisor (the `limit` longest waiting of each kind):
 * - A 立案签批: a case whose plan the worker signed, or that has moved past assessment, not yet signed;
 * - B 督导意见: an interview that has ended, not yet signed;
 * - C 服务机构的评估: a case with closing data (closed or transferred), not yet signed.
 */
export function listSignoffQueue(desk: Desk, kinds: SignoffKind[] = ['A', 'B', 'C'], limit = 200): SignoffQueueItem[] {
  const db = desk.db().orm
  return [
    ...(kinds.includes('A') ? queueA(db, limit) : []),
    ...(kinds.includes('B') ? queueB(db, limit) : []),
    ...(kinds.includes('C') ? queueC(db, limit) : [])
  ].sort(queueOrder)
}

/** A labelled field; the label is a key under supervisor:signoff.fields (a misspelled one fails the type check). */
function field(label: KeysUnder<'supervisor', 'signoff.fields'>, value: string | number | null | undefined): { label: string; value: string } {
  return { label: `signoff.fields.${label}`, value: value == null ? '' : String(value) }
}

/** The record a sign-off is about, as labelled fields, read through the owners' APIs. */
export function signoffRecord(desk: Desk, kind: SignoffKind, subjectId: number): SignoffRecordView {
  if (kind === 'B') {
    const b = getFormB(desk, subjectId)
    return {
      caseNo: b.caseNo,
      fields: [
        field('workCount', b.workCount),
        field('date', `${b.date} ${b.time}`),
        field('worker', b.workerName),
        field('subject', b.subject),
        field('purpose', b.purpose),
        field('record', b.record),
        field('interviewAssessment', b.assessment),
        field('followUpPlan', b.followUpPlan)
      ]
    }
  }
  const c = getCase(desk, subjectId)
  const common = [field('name', c.fields.name), field('worker', c.assignedWorker?.displayName ?? ''), field('risk', c.riskLevel)]
  if (kind === 'A') {
    return {
      caseNo: c.caseNo,
      fields: [
        ...common,
        field('contactDate', c.fields.contactDate),
        field('locality', c.fields.locality),
        field('summary', c.fields.summary),
        field('demands', c.fields.demands),
        field('assessment', c.fields.assessment),
        field('needsAnalysis', c.fields.needsAnalysis),
        field('serviceGoals', c.fields.serviceGoals),
        field('serviceStrategy', c.fields.serviceStrategy),
        field('evaluationMethods', c.fields.evaluationMethods),
        field('workerSignedDate', c.fields.workerSignedDate)
      ]
    }
  }
  const k = c.closing
  return {
    caseNo: c.caseNo,
    fields: [
      ...common,
      field('openedDate', k?.openedDate),
      field('closedDate', k?.closedDate),
      field('closingCategory', k?.category),
      field('goals', (k?.goals ?? []).map((g) => `${g.seq}. ${g.goal} — ${g.achievement}`).join('\n')),
      field('linkedResources', k?.linkedResources),
      field('reflection', k?.reflection)
    ]
  }
}

/** The contact a Form B is about (its case and whether it has ended), or the case of a Form A or C. */
function subjectOf(desk: Desk, kind: SignoffKind, subjectId: number): { caseId: number; ended: boolean } | undefined {
  const db = desk.db().orm
  if (kind === 'B') {
    const iv = db.select({ caseId: interviews.caseId, endedAt: interviews.endedAt }).from(interviews).where(eq(interviews.id, subjectId)).get()
    return iv && { caseId: iv.caseId, ended: iv.endedAt != null }
  }
  const c = db.select({ id: cases.id }).from(cases).where(eq(cases.id, subjectId)).get()
  return c && { caseId: c.id, ended: true }
}

/** Sign off (or re-sign) one form: the supervisor's name and the time are recorded and printed. */
export function signOff(desk: Desk, a: { kind: SignoffKind; subjectId: number; opinion: string }): Signoff {
  const s = desk.requireSession()
  if (s.role !== 'supervisor') fail('FORBIDDEN', 'errors:session.supervisorOnly')
  const subject = subjectOf(desk, a.kind, a.subjectId)
  if (!subject) fail('NOT_FOUND', 'supervisor:signoff.errors.notFound')
  // A Form B is signed off once its contact has ended: an open contact is still being written.
  if (!subject!.ended) fail('CONFLICT', 'supervisor:signoff.errors.notEnded')
  const opinion = a.opinion.trim()
  if (!opinion) fail('BAD_ARGS', 'supervisor:signoff.errors.opinionRequired', undefined, 'opinion')
  const { sqlite, orm } = desk.db()
  const at = desk.now().toISOString()
  const previous = getSignoff(desk, a.kind, a.subjectId)
  sqlite.transaction(() => {
    const signed = { opinion, signedBy: s.userId, signerName: s.displayName, signedAt: at }
    orm
      .insert(signoffs)
      .values({ kind: a.kind, subjectId: a.subjectId, ...signed })
      .onConflictDoUpdate({ target: [signoffs.kind, signoffs.subjectId], set: signed })
      .run()
    desk.audit({ action: 'signoff.sign', subjectType: 'case', subjectId: subject!.caseId, details: { kind: a.kind, subjectId: a.subjectId, replaced: !!previous } })
  })()
  return getSignoff(desk, a.kind, a.subjectId)!
}
