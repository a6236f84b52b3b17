import { and, count, desc, eq, lt, lte, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { CaseVersion } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { caseVersions, interviews } from '../db/schema'
import { orm, requireCase, users } from './shared'

// ───────────────────────────── history ─────────────────────────────

export function caseHistory(desk: Desk, id: number): CaseVersion[] {
  const db = orm(desk)
  requireCase(db, id)
  const who = users(db)
  // 第 N 次 of the contact a proposal came from, counted as Form B counts it.
  const a = alias(interviews, 'a')
  const b = alias(interviews, 'b')
  const workCount = (interviewId: number) =>
    db
      .select({ n: count() })
      .from(a)
      .innerJoin(b, eq(b.caseId, a.caseId))
      .where(and(eq(a.id, interviewId), or(lt(b.startedAt, a.startedAt), and(eq(b.startedAt, a.startedAt), lte(b.id, a.id)))))
      .get()?.n ?? 0
  const rows = db.select().from(caseVersions).where(eq(caseVersions.caseId, id)).orderBy(desc(caseVersions.version)).all()
  return rows.map((r) => {
    const m = /^interview:(\d+)$/.exec(r.source)
    return {
      version: r.version,
      changedFields: r.changedFields,
      before: r.before,
      at: r.at,
      by: r.by == null ? null : (who.get(r.by) ?? null),
      source: m ? { kind: 'interviewProposal' as const, interviewId: Number(m[1]), workCount: workCount(Number(m[1])) } : null
    }
  })
}
