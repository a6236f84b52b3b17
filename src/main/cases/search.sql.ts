import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Orm } from '../db/open'
import { caseConfidential, cases, users } from '../db/schema'
import type { SearchVisibility } from './confidential'
import { summaryColumns } from './listing'

/**
 * Search's queries: list rows typed by the schema (summaryColumns), the FTS5 part (which drizzle
 * cannot describe) in the `sql` template. Prepared once per connection and reused: search runs at
 * every pause in typing, and building and preparing the statements each time cost more than
 * running them (measured on the 20 000-case archive: 0.3 ms of a 0.45 ms search).
 */

/** The case a confidential row belongs to, looked up inside the text query. */
const owner = alias(cases, 'owner')

/**
 * Text matches a person may not find (search.ts, confidential.ts searchVisibility), left out inside
 * the FTS5 query so that LIMIT counts only what they may see.
 */
function hiddenFrom(v: SearchVisibility): SQL {
  if (v === 'all') return sql``
  if (v === 'none') return sql`AND NOT EXISTS (SELECT 1 FROM ${caseConfidential} WHERE ${caseConfidential.caseId} = case_search.rowid)`
  return sql`AND NOT EXISTS (SELECT 1 FROM ${caseConfidential} JOIN ${cases} AS ${owner} ON ${owner.id} = ${caseConfidential.caseId}
    WHERE ${caseConfidential.caseId} = case_search.rowid AND ${owner.assignedWorkerId} IS NOT ${sql.placeholder('viewer')})`
}

const listRows = (orm: Orm) => orm.select(summaryColumns).from(cases).leftJoin(users, eq(users.id, cases.assignedWorkerId))

/** Cases whose indexed text holds the phrase `match`, newest first, at most `limit`, none hidden from the viewer. */
function textQuery(orm: Orm, v: SearchVisibility) {
  return listRows(orm)
    .where(
      sql`${cases.id} IN (SELECT rowid FROM case_search WHERE case_search MATCH ${sql.placeholder('match')} ${hiddenFrom(v)}
        ORDER BY rowid DESC LIMIT ${sql.placeholder('limit')})`
    )
    .orderBy(desc(cases.id))
    .prepare()
}

/** Cases whose number starts with a prefix (from ≤ case_no < to), highest first, on the unique index. */
function caseNoQuery(orm: Orm) {
  return listRows(orm)
    .where(and(gte(cases.caseNo, sql.placeholder('from')), lt(cases.caseNo, sql.placeholder('to'))))
    .orderBy(desc(cases.caseNo))
    .limit(sql.placeholder('limit'))
    .prepare()
}

interface Statements {
  caseNo: ReturnType<typeof caseNoQuery>
  text: Partial<Record<SearchVisibility, ReturnType<typeof textQuery>>>
}
const prepared = new WeakMap<Orm, Statements>()

function statements(orm: Orm): Statements {
  let st = prepared.get(orm)
  if (!st) prepared.set(orm, (st = { caseNo: caseNoQuery(orm), text: {} }))
  return st
}

export function casesByNumberPrefix(orm: Orm, prefix: string, limit: number) {
  return statements(orm).caseNo.all({ from: prefix, to: `${prefix}~`, limit })
}

export function casesMatching(orm: Orm, match: string, limit: number, v: SearchVisibility, viewerId: number | null) {
  const st = statements(orm)
  const q = (st.text[v] ??= textQuery(orm, v))
  return q.all({ match, limit, ...(v === 'assigned' ? { viewer: viewerId } : {}) })
}
