import { and, count, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm'
import { isoDateAtOffset } from '@shared/domain/dates'
import type { ReferralAttention, SupervisionNote } from '@shared/domain/referrals/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases } from '../db/schema/cases'
import { users } from '../db/schema/foundation'
import { caseReferrals, directoryEntries, referralEvents, referralSupervisionNotes } from '../db/schema/referrals'
import { notesFor } from './ledger'

/**
 * Replies overdue and results not yet relayed (issue 16 §1): the worker's own on Today, every
 * worker's on the supervisor's 督办 list, oldest first. A supervisor's 督办 note is addressed to the
 * case's worker, who sees it on Today and on the case and acknowledges it (audited).
 */
function attention(desk: Desk, workerId: number | null): ReferralAttention[] {
  const orm = desk.db().orm
  const today = isoDateAtOffset(desk.now())
  const open = and(isNull(caseReferrals.withdrawnAt), eq(caseReferrals.relayedDate, ''))
  const waiting = or(
    and(eq(caseReferrals.replyDate, ''), ne(caseReferrals.sentDate, ''), ne(caseReferrals.replyDue, ''), lt(caseReferrals.replyDue, today)),
    ne(caseReferrals.replyDate, '')
  )
  const rows = orm
    .select({
      referralId: caseReferrals.id,
      caseId: caseReferrals.caseId,
      caseNo: cases.caseNo,
      workerId: cases.assignedWorkerId,
      workerName: users.displayName,
      replyDate: caseReferrals.replyDate,
      replyDue: caseReferrals.replyDue,
      toName: caseReferrals.toName,
      toBuiltin: directoryEntries.builtin
    })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, caseReferrals.directoryId))
    .where(and(open, waiting, workerId == null ? undefined : eq(cases.assignedWorkerId, workerId)))
    .all()
  const ids = rows.map((r) => r.referralId)
  const noteCounts = new Map<number, number>()
  for (let i = 0; i < ids.length; i += 500) {
    for (const n of orm
      .select({ referralId: referralSupervisionNotes.referralId, n: count() })
      .from(referralSupervisionNotes)
      .where(and(inArray(referralSupervisionNotes.referralId, ids.slice(i, i + 500)), isNull(referralSupervisionNotes.acknowledgedAt)))
      .groupBy(referralSupervisionNotes.referralId)
      .all())
      noteCounts.set(n.referralId, n.n)
  }
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

export function myAttention(desk: Desk): { items: ReferralAttention[]; notes: (SupervisionNote & { caseNo: string })[] } {
  const me = desk.requireSession().userId
  const orm = desk.db().orm
  const open = orm
    .select({ id: referralSupervisionNotes.referralId, caseNo: cases.caseNo })
    .from(referralSupervisionNotes)
    .innerJoin(cases, eq(cases.id, referralSupervisionNotes.caseId))
    .where(and(eq(referralSupervisionNotes.workerId, me), isNull(referralSupervisionNotes.acknowledgedAt)))
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
  const id = desk
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
      return id
    })
    .immediate()
  return noteById(desk, id)
}

function noteById(desk: Desk, id: number): SupervisionNote {
  const orm = desk.db().orm
  const n = orm.select({ referralId: referralSupervisionNotes.referralId }).from(referralSupervisionNotes).where(eq(referralSupervisionNotes.id, id)).get()
  if (!n) fail('NOT_FOUND', 'referrals:errors.noteNotFound')
  return notesFor(orm, [n!.referralId]).find((x) => x.id === id)!
}

/** Only the worker the note is addressed to acknowledges it; a second acknowledgement changes nothing. */
export function acknowledgeSupervisionNote(desk: Desk, noteId: number): SupervisionNote {
  const s = desk.requireSession()
  desk
    .db()
    .sqlite.transaction(() => {
      const orm = desk.db().orm
      const n = orm.select().from(referralSupervisionNotes).where(eq(referralSupervisionNotes.id, noteId)).get()
      if (!n) fail('NOT_FOUND', 'referrals:errors.noteNotFound')
      if (n!.workerId !== s.userId) fail('FORBIDDEN', 'referrals:errors.notYourNote')
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
