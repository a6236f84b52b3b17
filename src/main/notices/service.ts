import type { NoticeItem } from '@shared/domain/notices/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'

/** Record a notice for the supervisors and push it live to whoever is logged in. */
export function raiseNotice(desk: Desk, input: { kind: string; caseId: number | null; interviewId?: number | null }): number {
  const at = desk.now().toISOString()
  const id = Number(
    desk
      .db()
      .sqlite.prepare('INSERT INTO notices (kind, case_id, interview_id, raised_by, raised_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.kind, input.caseId, input.interviewId ?? null, desk.session?.userId ?? null, at).lastInsertRowid
  )
  desk.emit('notice', { kind: input.kind, caseId: input.caseId ?? undefined, at })
  return id
}

/** Open notices for the supervisor at the desk; the ones they raised themselves they already know. */
export function openNotices(desk: Desk): NoticeItem[] {
  const rows = desk
    .db()
    .sqlite.prepare(
      `SELECT n.id, n.kind, n.case_id, c.case_no, n.interview_id, u.display_name, n.raised_at, n.acknowledged_at
         FROM notices n
         LEFT JOIN cases c ON c.id = n.case_id
         LEFT JOIN users u ON u.id = n.raised_by
        WHERE n.acknowledged_at IS NULL
          AND (n.raised_by IS NULL OR n.raised_by <> ?)
        ORDER BY n.raised_at DESC, n.id DESC
        LIMIT 50`
    )
    .all(desk.requireSession().userId) as {
    id: number
    kind: string
    case_id: number | null
    case_no: string | null
    interview_id: number | null
    display_name: string | null
    raised_at: string
    acknowledged_at: string | null
  }[]
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    caseId: r.case_id,
    caseNo: r.case_no,
    interviewId: r.interview_id,
    raisedByName: r.display_name,
    raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at
  }))
}

export function acknowledgeNotice(desk: Desk, noticeId: number): void {
  const s = desk.requireSession()
  const db = desk.db().sqlite
  db.transaction(() => {
    const row = db.prepare('SELECT case_id, acknowledged_at FROM notices WHERE id = ?').get(noticeId) as
      | { case_id: number | null; acknowledged_at: string | null }
      | undefined
    if (!row) fail('NOT_FOUND', 'supervisor:notices.notFound')
    if (row!.acknowledged_at) return
    db.prepare('UPDATE notices SET acknowledged_by = ?, acknowledged_at = ? WHERE id = ?').run(s.userId, desk.now().toISOString(), noticeId)
    desk.audit({ action: 'notices.acknowledge', subjectType: 'case', subjectId: row!.case_id, details: { noticeId } })
  })()
}
