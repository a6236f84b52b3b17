import { type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { CaseSummary, CaseloadRow, UserRef } from '@shared/domain/case/types'
import { caseloadState } from '@shared/domain/case/caseload'
import { truncate } from '@shared/text/characters'
import type { Desk } from '../desk/desk'
import { type Row, sql } from './shared'

// ───────────────────────────── lists ─────────────────────────────

const SUMMARY_COLS = `c.id, c.case_no, c.name, c.party_kind, c.status, c.risk_level, c.assigned_worker_id, c.contact_date,
  c.summary, c.updated_at, c.headcount, c.repeat_mark, u.display_name AS worker_name`

export function toSummary(r: Row): CaseSummary {
  return {
    id: r.id as number,
    caseNo: r.case_no as string,
    name: r.name as string,
    partyKind: r.party_kind as CaseSummary['partyKind'],
    status: r.status as CaseStatus,
    riskLevel: r.risk_level as RiskLevel,
    assignedWorker: r.assigned_worker_id == null ? null : { id: r.assigned_worker_id as number, displayName: (r.worker_name as string) ?? '' },
    contactDate: r.contact_date as string,
    // A list shows the first line of the summary only.
    summary: truncate(String(r.summary ?? '').split('\n')[0], 120, ''),
    updatedAt: r.updated_at as string,
    headcount: (r.headcount as number | null) ?? null,
    repeat: (r.repeat_mark as CaseSummary['repeat']) ?? null
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

export function listCases(desk: Desk, f: ListFilter = {}): CaseSummary[] {
  const where: string[] = []
  const args: unknown[] = []
  if (f.workerId != null) {
    where.push('c.assigned_worker_id = ?')
    args.push(f.workerId)
  }
  if (f.status === 'open') where.push("c.status NOT IN ('closed', 'transferred')")
  else if (f.status === 'closed') where.push("c.status IN ('closed', 'transferred')")
  else if (f.status) {
    where.push('c.status = ?')
    args.push(f.status)
  }
  if (f.minRisk && f.minRisk !== 'none') {
    const levels = ['none', 'low', 'medium', 'high', 'critical']
    const wanted = levels.slice(levels.indexOf(f.minRisk))
    where.push(`c.risk_level IN (${wanted.map(() => '?').join(', ')})`)
    args.push(...wanted)
  }
  const order = f.order === 'recent' ? 'c.updated_at DESC, c.id DESC' : 'c.case_no'
  const limit = Math.min(Math.max(f.limit ?? 200, 1), 1_000_000)
  const rows = sql(desk)
    .prepare(
      `SELECT ${SUMMARY_COLS} FROM cases c LEFT JOIN users u ON u.id = c.assigned_worker_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`
    )
    .all(...args, limit, f.offset ?? 0) as Row[]
  return rows.map(toSummary)
}

/** Open cases per active worker against the 8.1 c ratios. */
export function caseload(desk: Desk): CaseloadRow[] {
  const rows = sql(desk)
    .prepare(
      `SELECT u.id, u.display_name,
         count(c.id) AS open,
         sum(CASE WHEN c.irrational = 1 OR c.repeat_mark = 'repeat' THEN 1 ELSE 0 END) AS irrational
       FROM users u LEFT JOIN cases c ON c.assigned_worker_id = u.id AND c.status NOT IN ('closed', 'transferred')
       WHERE u.disabled = 0
       GROUP BY u.id ORDER BY u.display_name`
    )
    .all() as { id: number; display_name: string; open: number; irrational: number | null }[]
  return rows.map((r) => {
    const irrational = r.irrational ?? 0
    const rational = r.open - irrational
    return {
      worker: { id: r.id, displayName: r.display_name },
      open: r.open,
      rational,
      irrational,
      rationalState: caseloadState('rational', rational),
      irrationalState: caseloadState('irrational', irrational)
    }
  })
}


export function activeWorkers(desk: Desk): UserRef[] {
  return (sql(desk).prepare('SELECT id, display_name FROM users WHERE disabled = 0 ORDER BY display_name').all() as { id: number; display_name: string }[]).map(
    (r) => ({ id: r.id, displayName: r.display_name })
  )
}
