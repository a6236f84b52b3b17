import { and, desc, eq, isNull, ne, or } from 'drizzle-orm'
import type { NoticeItem } from '@shared/domain/notices/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases, notices, users } from '../db/schema'

/** Record a notice for the supervisors and push it live to whoever is logged in. */
export function raiseNotice(desk: Desk, input: { kind: string; caseId: number | null; interviewId?: number | null }): number {
  const at = desk.now().toISOString()
  const { id } = desk
    .db()
    .orm.insert(notices)
    .values({ kind: input.kind, caseId: input.caseId, interviewId: input.interviewId ?? null, raisedBy: desk.session?.userId ?? null, raisedAt: at })
    .returning({ id: notices.id })
    .get()
  desk.emit('notice', { kind: input.kind, caseId: input.caseId ?? undefined, at })
  return id
}

/** Open notices for the supervisor at the desk; the ones they raised themselves they already know. */
export function openNotices(desk: Desk): NoticeItem[] {
  const me = desk.requireSession().userId
  return desk
    .db()
    .orm.select({
      id: notices.id,
      kind: notices.kind,
      caseId: notices.caseId,
      caseNo: cases.caseNo,
      interviewId: notices.interviewId,
      raisedByName: users.displayName,
      raisedAt: notices.raisedAt,
      acknowledgedAt: notices.acknowledgedAt
    })
    .from(notices)
    .leftJoin(cases, eq(cases.id, notices.caseId))
    .leftJoin(users, eq(users.id, notices.raisedBy))
    .where(and(isNull(notices.acknowledgedAt), or(isNull(notices.raisedBy), ne(notices.raisedBy, me))))
    .orderBy(desc(notices.raisedAt), desc(notices.id))
    .limit(50)
    .all()
}

export function acknowledgeNotice(desk: Desk, noticeId: number): void {
  const s = desk.requireSession()
  const { sqlite, orm } = desk.db()
  sqlite.transaction(() => {
    const row =
      orm.select({ caseId: notices.caseId, acknowledgedAt: notices.acknowledgedAt }).from(notices).where(eq(notices.id, noticeId)).get() ??
      fail('NOT_FOUND', 'supervisor:notices.notFound')
    if (row.acknowledgedAt) return
    orm.update(notices).set({ acknowledgedBy: s.userId, acknowledgedAt: desk.now().toISOString() }).where(eq(notices.id, noticeId)).run()
    desk.audit({ action: 'notices.acknowledge', subjectType: 'case', subjectId: row.caseId, details: { noticeId } })
  })()
}
