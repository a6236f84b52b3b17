import type { CaseVersion } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { type Row, requireCase, sql, users } from './shared'

export function caseHistory(desk: Desk, id: number): CaseVersion[] {
  const db = sql(desk)
  requireCase(db, id)
  const who = users(db)
  // 第 N 次 of the contact a proposal came from, counted as Form B counts it.
  const nth = db.prepare(
    `SELECT count(*) AS n FROM interviews a JOIN interviews b ON b.case_id = a.case_id
     WHERE a.id = ? AND (b.started_at < a.started_at OR (b.started_at = a.started_at AND b.id <= a.id))`
  )
  return (db.prepare('SELECT * FROM case_versions WHERE case_id = ? ORDER BY version DESC').all(id) as Row[]).map((r) => {
    const m = /^interview:(\d+)$/.exec(String(r.source ?? ''))
    return {
      version: r.version as number,
      changedFields: JSON.parse(r.changed_fields as string),
      before: JSON.parse(r.before as string),
      at: r.at as string,
      by: r.by == null ? null : (who.get(r.by as number) ?? null),
      source: m ? { kind: 'interviewProposal' as const, interviewId: Number(m[1]), workCount: (nth.get(Number(m[1])) as { n: number }).n } : null
    }
  })
}
