import { and, count, eq, lt, lte, or } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Orm } from '../db/open'
import { interviews } from '../db/schema'

/**
 * The interview feature's aggregate queries, typed by the schema (no SQL written as a string).
 * 工作次数 is counted, never stored: a contact's place among its case's contacts in start order
 * (ties on the start time by id), on the interviews_case index (case_id, started_at, id).
 */

const self = alias(interviews, 'a')
const earlier = alias(interviews, 'b')

/** 工作次数: this contact's place among its case's contacts, in start order (0 for an unknown contact). */
export function workCount(db: Orm, interviewId: number): number {
  return (
    db
      .select({ n: count() })
      .from(self)
      .innerJoin(earlier, eq(earlier.caseId, self.caseId))
      .where(
        and(
          eq(self.id, interviewId),
          or(lt(earlier.startedAt, self.startedAt), and(eq(earlier.startedAt, self.startedAt), lte(earlier.id, self.id)))
        )
      )
      .get()?.n ?? 0
  )
}
