import { and, eq, isNull, or } from 'drizzle-orm'
import { isoDateAtOffset } from '@shared/domain/dates'
import type { ReferralAttention, SupervisionNote } from '@shared/domain/referrals/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases } from '../db/schema/cases'
import { caseReferrals, referralEvents, referralSupervisionNotes } from '../db/schema/referrals'
import { notesFor } from './ledger'
import { attentionRows, openNoteCounts } from './attention.sql'
import { caseConfidential } from '../db/schema/confidential'
import { requireCaseAccess } from '../cases/confidential'
import { pushNotice } from '../notices/service'

/**
 * Replies overdue and results not yet relayed (issue 16 §1): the worker's own on Today, every
 * worker's on the supervisor's 督办 list, oldest first. A supervisor's 督办 note is addressed to the
 * case's worker, who sees it on Today and on the case and acknowledges it (audited).
 */
function attention(desk: Desk, workerId: number | null): ReferralAttention[] {
  const orm = desk.db().orm
  const rows = attentionRows(orm, isoDateAtOffset(desk.now()), workerId)
  const noteCounts = openNoteCounts(orm)
  return rows
    .map((r): ReferralAttention => ({
      referralId: r.referralId,
      caseId: r.caseId,
      caseNo: r.caseNo,
      workerId: r.workerId,
      workerName: r.workerName,
      kind: r.replyDate ? 'unrelayed' : 'replyOverdue',
      since: r.replyDate || r.replyDue,
      toName: r.toName,
      toBuiltin: r.toBuiltin,
      openNotes: noteCounts.get(r.referralId) ?? 0
    }))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.referralId - b.referralId))
}

/**
 * The worker's own: their cases' referrals that need them, and 督办 notes addressed to them not yet
 * acknowledged — of cases they may still open (a note on a confidential case given to another worker
 * since is not shown: its text is about that case).
 */
export function myAttention(desk: Desk): { items: ReferralAttention[]; notes: (SupervisionNote & { caseNo: string })[] } {
  const me = desk.requireSession().userId
  const orm = desk.db().orm
  const open = orm
    .select({ id: referralSupervisionNotes.referralId, caseNo: cases.caseNo })
    .from(referralSupervisionNotes)
    .innerJoin(cases, eq(cases.id, referralSupervisionNotes.caseId))
    .leftJoin(caseConfidential, eq(caseConfidential.caseId, cases.id))
    .where(
      and(
        eq(referralSupervisionNotes.workerId, me),
        isNull(referralSupervisionNotes.acknowledgedAt),
        or(isNull(caseConfidential.caseId), eq(cases.assignedWorkerId, me))
      )
    )
    .all()
  const caseNos = new Map(open.map((o) => [o.id, o.caseNo]))
  const notes = notesFor(orm, [...caseNos.keys()])
    .filter((n) => n.workerId === me && !n.acknowledgedAt)
    .map((n) => ({ ...n, caseNo: caseNos.get(n.referralId) ?? '' }))
  return { items: attention(desk, me), notes }
}

export function supervisionList(desk: Desk): ReferralAttention[] {
  return attention(desk, null)
}

export function addSupervisionNote(desk: Desk, a: { referralId: number; note: string }): SupervisionNote {
  const s = desk.requireSession()
  const added = desk
    .db()
    .sqlite.transaction(() => {
      const orm = desk.db().orm
      const r = orm
        .select({ id: caseReferrals.id, caseId: caseReferrals.caseId, workerId: cases.assignedWorkerId })
        .from(caseReferrals)
        .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
        .where(eq(caseReferrals.id, a.referralId))
        .get()
      if (!r) fail('NOT_FOUND', 'referrals:errors.notFound')
      const at = desk.now().toISOString()
      const id = Number(
        orm
          .insert(referralSupervisionNotes)
          .values({ referralId: r!.id, caseId: r!.caseId, workerId: r!.workerId, note: a.note, writtenAt: at, writtenBy: s.userId })
          .run().lastInsertRowid
      )
      orm.insert(referralEvents).values({ referralId: r!.id, caseId: r!.caseId, kind: 'supervised', at, by: s.userId }).run()
      desk.audit({ action: 'referrals.supervise', subjectType: 'case', subjectId: r!.caseId, details: { referralId: r!.id, noteId: id } })
      return { id, caseId: r!.caseId, workerId: r!.workerId, at }
    })
    .immediate()
  // Live to the window of the worker it is addressed to (their Today and the case's referrals reload).
  pushNotice(desk, { kind: 'referral.note', caseId: added.caseId, at: added.at, ...(added.workerId != null ? { forUserId: added.workerId } : {}) })
  return noteById(desk, added.id)
}

function noteById(desk: Desk, id: number): SupervisionNote {
  const orm = desk.db().orm
  const n = orm.select({ referralId: referralSupervisionNotes.referralId }).from(referralSupervisionNotes).where(eq(referralSupervisionNotes.id, id)).get()
  if (!n) fail('NOT_FOUND', 'referrals:errors.noteNotFound')
  return notesFor(orm, [n!.referralId]).find((x) => x.id === id)!
}

/**
 * Only the worker the note is addressed to acknowledges it, and only while they may open its case (a
 * confidential case given to another worker since needs a reason first); a second acknowledgement
 * changes nothing.
 */
export function acknowledgeSupervisionNote(desk: Desk, noteId: number): SupervisionNote {
  const s = desk.requireSession()
  desk
    .db()
    .sqlite.transaction(() => {
      const orm = desk.db().orm
      const n = orm.select().from(referralSupervisionNotes).where(eq(referralSupervisionNotes.id, noteId)).get()
      if (!n) fail('NOT_FOUND', 'referrals:errors.noteNotFound')
      if (n!.workerId !== s.userId) fail('FORBIDDEN', 'referrals:errors.notYourNote')
      requireCaseAccess(desk, n!.caseId, 'get')
      if (n!.acknowledgedAt) return
      const at = desk.now().toISOString()
      orm
        .update(referralSupervisionNotes)
        .set({ acknowledgedAt: at, acknowledgedBy: s.userId })
        .where(and(eq(referralSupervisionNotes.id, noteId), isNull(referralSupervisionNotes.acknowledgedAt)))
        .run()
      orm.insert(referralEvents).values({ referralId: n!.referralId, caseId: n!.caseId, kind: 'acknowledged', at, by: s.userId }).run()
      desk.audit({ action: 'referrals.acknowledge', subjectType: 'case', subjectId: n!.caseId, details: { referralId: n!.referralId, noteId } })
    })
    .immediate()
  return noteById(desk, noteId)
}
