import { queueOrder, type Signoff, type SignoffKind, type SignoffQueueItem, type SignoffRecordView } from '@shared/domain/supervisor/signoff'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from '../cases/api'
import { getFormB } from '../interview/api'

/**
 * The supervisor feature's cross-feature API. `getSignoff` is what the forms print (helper D);
 * the queue reads the cases and interviews tables (owned by B and C) read-only, and their
 * api.ts files to show a record.
 */
interface SignoffRow {
  kind: SignoffKind
  subject_id: number
  opinion: string
  signed_by: number
  signer_name: string
  signed_at: string
}

function toSignoff(r: SignoffRow): Signoff {
  return { kind: r.kind, subjectId: r.subject_id, opinion: r.opinion, signedBy: r.signed_by, signerName: r.signer_name, signedAt: r.signed_at }
}

/** The sign-off of one form, or null while it waits. Forms A and C: subjectId = case id; Form B: interview id. */
export function getSignoff(desk: Desk, kind: SignoffKind, subjectId: number): Signoff | null {
  const row = desk.db().sqlite.prepare('SELECT * FROM signoffs WHERE kind = ? AND subject_id = ?').get(kind, subjectId) as SignoffRow | undefined
  return row ? toSignoff(row) : null
}

// Migration 0006's partial indexes repeat these conditions term for term: change both together.
const WAITING_A = `(c.worker_signed_date <> '' OR c.status IN ('planning', 'intervention', 'evaluation', 'closed', 'transferred'))
  AND NOT EXISTS (SELECT 1 FROM signoffs s WHERE s.kind = 'A' AND s.subject_id = c.id)`
const WAITING_B = `i.ended_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM signoffs s WHERE s.kind = 'B' AND s.subject_id = i.id)`
const WAITING_C = `c.status IN ('closed', 'transferred') AND NOT EXISTS (SELECT 1 FROM signoffs s WHERE s.kind = 'C' AND s.subject_id = c.id)`

/** How many forms wait, per kind (the list itself shows the longest-waiting ones). */
export function signoffQueueCounts(desk: Desk): Record<SignoffKind, number> {
  const db = desk.db().sqlite
  const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  return {
    A: n(`SELECT count(*) AS n FROM cases c WHERE ${WAITING_A}`),
    B: n(`SELECT count(*) AS n FROM interviews i WHERE ${WAITING_B}`),
    C: n(`SELECT count(*) AS n FROM case_closings k JOIN cases c ON c.id = k.case_id WHERE ${WAITING_C}`)
  }
}

/**
 * What waits for a supervisor (the `limit` longest waiting of each kind):
 * - A 立案签批: a case whose plan the worker signed, or that has moved past assessment, not yet signed;
 * - B 督导意见: an interview that has ended, not yet signed;
 * - C 服务机构的评估: a case with closing data (closed or transferred), not yet signed.
 */
export function listSignoffQueue(desk: Desk, kinds: SignoffKind[] = ['A', 'B', 'C'], limit = 200): SignoffQueueItem[] {
  const db = desk.db().sqlite
  const out: SignoffQueueItem[] = []
  if (kinds.includes('A')) {
    out.push(
      ...(db
        .prepare(
          `SELECT 'A' AS kind, c.id AS subjectId, c.id AS caseId, c.case_no AS caseNo, NULL AS workCount, c.contact_date AS date,
                  u.display_name AS workerName, c.risk_level AS riskLevel,
                  CASE WHEN c.worker_signed_date <> '' THEN c.worker_signed_date ELSE c.updated_at END AS waitingSince
           FROM cases c LEFT JOIN users u ON u.id = c.assigned_worker_id
           WHERE ${WAITING_A} ORDER BY waitingSince LIMIT ?`
        )
        .all(limit) as SignoffQueueItem[])
    )
  }
  if (kinds.includes('B')) {
    out.push(
      ...(db
        .prepare(
          `SELECT * FROM (
             SELECT 'B' AS kind, i.id AS subjectId, c.id AS caseId, c.case_no AS caseNo, i.case_id AS ivCase, i.started_at AS ivStart,
                    substr(i.started_at, 1, 10) AS date, u.display_name AS workerName, c.risk_level AS riskLevel, i.ended_at AS waitingSince
             FROM interviews i JOIN cases c ON c.id = i.case_id LEFT JOIN users u ON u.id = i.worker_id
             WHERE ${WAITING_B} ORDER BY i.ended_at LIMIT ?)`
        )
        .all(limit) as (SignoffQueueItem & { ivCase: number; ivStart: string })[])
        // 第 N 次 only for the rows shown (the index on interviews(case_id, started_at, id) makes it cheap).
        .map(({ ivCase, ivStart, ...q }) => ({
          ...q,
          workCount: (
            db
              .prepare(`SELECT count(*) AS n FROM interviews WHERE case_id = ? AND (started_at < ? OR (started_at = ? AND id <= ?))`)
              .get(ivCase, ivStart, ivStart, q.subjectId) as { n: number }
          ).n
        }))
    )
  }
  if (kinds.includes('C')) {
    // CROSS JOIN keeps closings as the outer loop, walked in saved order on their index, so the
    // first 200 waiting are found without reading every closed case (SQLite would start from cases).
    out.push(
      ...(db
        .prepare(
          `SELECT 'C' AS kind, c.id AS subjectId, c.id AS caseId, c.case_no AS caseNo, NULL AS workCount, k.closed_date AS date,
                  u.display_name AS workerName, c.risk_level AS riskLevel, k.saved_at AS waitingSince
           FROM case_closings k CROSS JOIN cases c ON c.id = k.case_id LEFT JOIN users u ON u.id = c.assigned_worker_id
           WHERE ${WAITING_C} ORDER BY k.saved_at LIMIT ?`
        )
        .all(limit) as SignoffQueueItem[])
    )
  }
  return out.sort(queueOrder)
}

function field(label: string, value: string | number | null | undefined): { label: string; value: string } {
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

function subjectExists(desk: Desk, kind: SignoffKind, subjectId: number): boolean {
  const table = kind === 'B' ? 'interviews' : 'cases'
  return !!desk.db().sqlite.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(subjectId)
}

/** Sign off (or re-sign) one form: the supervisor's name and the time are recorded and printed. */
export function signOff(desk: Desk, a: { kind: SignoffKind; subjectId: number; opinion: string }): Signoff {
  const s = desk.requireSession()
  if (s.role !== 'supervisor') fail('FORBIDDEN', 'errors:session.supervisorOnly')
  if (!subjectExists(desk, a.kind, a.subjectId)) fail('NOT_FOUND', 'supervisor:signoff.errors.notFound')
  // A Form B is signed off once its contact has ended: an open contact is still being written.
  if (a.kind === 'B' && (desk.db().sqlite.prepare('SELECT ended_at FROM interviews WHERE id = ?').get(a.subjectId) as { ended_at: string | null }).ended_at == null) {
    fail('CONFLICT', 'supervisor:signoff.errors.notEnded')
  }
  const opinion = a.opinion.trim()
  if (!opinion) fail('BAD_ARGS', 'supervisor:signoff.errors.opinionRequired', undefined, 'opinion')
  const db = desk.db().sqlite
  const at = desk.now().toISOString()
  const previous = getSignoff(desk, a.kind, a.subjectId)
  db.transaction(() => {
    db.prepare(
      `INSERT INTO signoffs (kind, subject_id, opinion, signed_by, signer_name, signed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, subject_id) DO UPDATE SET opinion = excluded.opinion, signed_by = excluded.signed_by,
         signer_name = excluded.signer_name, signed_at = excluded.signed_at`
    ).run(a.kind, a.subjectId, opinion, s.userId, s.displayName, at)
    const caseId = a.kind === 'B' ? (db.prepare('SELECT case_id FROM interviews WHERE id = ?').get(a.subjectId) as { case_id: number }).case_id : a.subjectId
    desk.audit({ action: 'signoff.sign', subjectType: 'case', subjectId: caseId, details: { kind: a.kind, subjectId: a.subjectId, replaced: !!previous } })
  })()
  return getSignoff(desk, a.kind, a.subjectId)!
}
