import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import { RISK_LEVELS, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { CaseSummary, CaseloadRow, UserRef } from '@shared/domain/case/types'
import { caseloadState } from '@shared/domain/case/caseload'
import { truncate } from '@shared/text/characters'
import type { Desk } from '../desk/desk'
import { cases, users } from '../db/schema'
import { type CaseRow, orm } from './shared'

// ───────────────────────────── lists ─────────────────────────────

/** The columns a list row is made of (with the assigned worker's name from a LEFT JOIN on users). */
export const summaryColumns = {
  id: cases.id,
  caseNo: cases.caseNo,
  name: cases.name,
  partyKind: cases.partyKind,
  status: cases.status,
  riskLevel: cases.riskLevel,
  assignedWorkerId: cases.assignedWorkerId,
  contactDate: cases.contactDate,
  summary: cases.summary,
  updatedAt: cases.updatedAt,
  headcount: cases.headcount,
  repeatMark: cases.repeatMark,
  workerName: users.displayName
}

export type SummaryRow = Pick<CaseRow, Exclude<keyof typeof summaryColumns, 'workerName'>> & { workerName: string | null }

export function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    caseNo: r.caseNo,
    name: r.name,
    partyKind: r.partyKind,
    status: r.status,
    riskLevel: r.riskLevel,
    assignedWorker: r.assignedWorkerId == null ? null : { id: r.assignedWorkerId, displayName: r.workerName ?? '' },
    contactDate: r.contactDate,
    // A list shows the first line of the summary only.
    summary: truncate(r.summary.split('\n')[0], 120, ''),
    updatedAt: r.updatedAt,
    headcount: r.headcount,
    repeat: r.repeatMark
  }
}

export interface ListFilter {
  workerId?: number
  status?: 'open' | 'closed' | CaseStatus
  minRisk?: RiskLevel
  order?: 'caseNo' | 'recent'
  limit?: number
  offset?: number
}

/** Closed and transferred are written as literals (as the indexes' terms are), not bound. */
const isOpen = sql`${cases.status} NOT IN ('closed', 'transferred')`
const isClosed = sql`${cases.status} IN ('closed', 'transferred')`

export function listCases(desk: Desk, f: ListFilter = {}): CaseSummary[] {
  const where: SQL[] = []
  if (f.workerId != null) where.push(eq(cases.assignedWorkerId, f.workerId))
  if (f.status === 'open') where.push(isOpen)
  else if (f.status === 'closed') where.push(isClosed)
  else if (f.status) where.push(eq(cases.status, f.status))
  if (f.minRisk && f.minRisk !== 'none') where.push(inArray(cases.riskLevel, RISK_LEVELS.slice(RISK_LEVELS.indexOf(f.minRisk))))
  const order = f.order === 'recent' ? [desc(cases.updatedAt), desc(cases.id)] : [asc(cases.caseNo)]
  const limit = Math.min(Math.max(f.limit ?? 200, 1), 1_000_000)
  return orm(desk)
    .select(summaryColumns)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(and(...where))
    .orderBy(...order)
    .limit(limit)
    .offset(f.offset ?? 0)
    .all()
    .map(toSummary)
}

/** Open cases per active worker against the 8.1 c ratios (an aggregate: drizzle's typed `sql` for the sum). */
export function caseload(desk: Desk): CaseloadRow[] {
  const rows = orm(desk)
    .select({
      id: users.id,
      displayName: users.displayName,
      open: sql<number>`count(${cases.id})`,
      irrational: sql<number | null>`sum(CASE WHEN ${cases.irrational} = 1 OR ${cases.repeatMark} = 'repeat' THEN 1 ELSE 0 END)`
    })
    .from(users)
    .leftJoin(cases, and(eq(cases.assignedWorkerId, users.id), isOpen))
    .where(eq(users.disabled, false))
    .groupBy(users.id)
    .orderBy(asc(users.displayName))
    .all()
  return rows.map((r) => {
    const irrational = r.irrational ?? 0
    const rational = r.open - irrational
    return {
      worker: { id: r.id, displayName: r.displayName },
      open: r.open,
      rational,
      irrational,
      rationalState: caseloadState('rational', rational),
      irrationalState: caseloadState('irrational', irrational)
    }
  })
}

export function activeWorkers(desk: Desk): UserRef[] {
  return orm(desk)
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.displayName))
    .all()
}
