import { eq, inArray } from 'drizzle-orm'
import { caseAccess, GRANT_MINUTES, mayOpenConfidential, type CaseRead, type Viewer } from '@shared/domain/case/confidential'
import type { CaseSummary } from '@shared/domain/case/types'
import type { TodayData } from '@shared/domain/case/today'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk, Session } from '../desk/desk'
import { caseAccessGrants, caseConfidential, caseFollowUps, caseReferrals, cases, interviews } from '../db/schema'
import type { HandlerMap } from '../ipc/router'

/**
 * Confidential cases (检举控告, 条例 第十八条) in the main process: the pure rule
 * (@shared/domain/case/confidential) applied to every call that names a case, and to every list,
 * search and Today answer. The renderer is only told what it may show.
 */

/**
 * Reasons given this sitting: a grant lives with the session object, so locking or logging out ends
 * it (a new login is a new object); it also ends GRANT_MINUTES after it was given.
 */
const grants = new WeakMap<Session, Map<number, number>>()

function viewerOf(desk: Desk): Viewer {
  const s = desk.requireSession()
  return { userId: s.userId, role: s.role }
}

function granted(desk: Desk, caseId: number): boolean {
  const s = desk.session
  const until = s ? grants.get(s)?.get(caseId) : undefined
  return until != null && until > desk.now().getTime()
}

interface GuardRow {
  id: number
  caseNo: string
  assignedWorkerId: number | null
  confidential: boolean
}

function guardRow(desk: Desk, caseId: number): GuardRow | undefined {
  const r = desk
    .db()
    .orm.select({ id: cases.id, caseNo: cases.caseNo, assignedWorkerId: cases.assignedWorkerId, since: caseConfidential.since })
    .from(cases)
    .leftJoin(caseConfidential, eq(caseConfidential.caseId, cases.id))
    .where(eq(cases.id, caseId))
    .get()
  return r ? { id: r.id, caseNo: r.caseNo, assignedWorkerId: r.assignedWorkerId, confidential: r.since != null } : undefined
}

export function isConfidential(desk: Desk, caseId: number): boolean {
  return !!desk.db().orm.select({ id: caseConfidential.caseId }).from(caseConfidential).where(eq(caseConfidential.caseId, caseId)).get()
}

/**
 * Refuse a read of a confidential case this person may not open. 'reason': FORBIDDEN with
 * cases:confidential.reasonNeeded and the case number (the screen asks for a reason); a role a
 * reason does not help: FORBIDDEN with cases:confidential.refused. A missing case is left to the call.
 */
export function requireCaseAccess(desk: Desk, caseId: number, read: CaseRead = 'get'): void {
  const row = guardRow(desk, caseId)
  if (!row || !row.confidential) return
  const access = caseAccess(viewerOf(desk), row, read, { granted: granted(desk, caseId) })
  if (access === 'open') return
  if (access === 'reason') throw new DeskFailure('FORBIDDEN', 'people:confidential.reasonNeeded', { caseNo: row.caseNo })
  fail('FORBIDDEN', 'people:confidential.refused', { caseNo: row.caseNo })
}

/**
 * Open a confidential case that is not yours, with a reason: kept in case_access_grants (the
 * encrypted database), audited by the grant's id. For this sitting and at most GRANT_MINUTES.
 */
export function openConfidential(desk: Desk, caseId: number, reason: string): { until: string } {
  const why = reason.trim()
  if (!why) fail('BAD_ARGS', 'errors:arg.required', undefined, 'reason')
  const session = desk.requireSession()
  const row = guardRow(desk, caseId)
  if (!row) fail('NOT_FOUND', 'cases:errors.notFound')
  const now = desk.now()
  const until = new Date(now.getTime() + GRANT_MINUTES * 60_000)
  // Nothing to grant: not confidential, or yours to open anyway.
  if (!row!.confidential || mayOpenConfidential(viewerOf(desk), row!)) return { until: until.toISOString() }
  if (caseAccess(viewerOf(desk), row!, 'get') === 'refused') fail('FORBIDDEN', 'people:confidential.refused', { caseNo: row!.caseNo })
  const orm = desk.db().orm
  const sqlite = desk.db().sqlite
  sqlite
    .transaction(() => {
      const g = orm
        .insert(caseAccessGrants)
        .values({ caseId, userId: session.userId, reason: why, grantedAt: now.toISOString(), expiresAt: until.toISOString() })
        .returning({ id: caseAccessGrants.id })
        .get()
      desk.audit({ action: 'cases.confidential.open', subjectType: 'case', subjectId: caseId, details: { grantId: g.id, minutes: GRANT_MINUTES } })
    })
    .immediate()
  let mine = grants.get(session)
  if (!mine) grants.set(session, (mine = new Map()))
  mine.set(caseId, until.getTime())
  return { until: until.toISOString() }
}

/**
 * Which confidential cases a text search may return to this person, read off the pure rule (so the
 * rule stays in one place): 'all' (a supervisor), 'assigned' (a worker: those assigned to them) or
 * 'none' (anyone else, and no one signed in). Search applies it in its query, before the page is
 * cut, so a page is never short and its length betrays nothing (search.sql.ts).
 */
export type SearchVisibility = 'all' | 'assigned' | 'none'

export function searchVisibility(v: Viewer | null): SearchVisibility {
  if (!v) return 'none'
  const finds = (assignedWorkerId: number | null) => caseAccess(v, { confidential: true, assignedWorkerId }, 'search') === 'open'
  // A case assigned to nobody and one assigned to someone else (ids start at 1): a supervisor's view.
  if (finds(null) && finds(0)) return 'all'
  return finds(v.userId) ? 'assigned' : 'none'
}

/** The person signed in, as the confidentiality rule sees them (null when nobody is). */
export function currentViewer(desk: Desk): Viewer | null {
  const s = desk.session
  return s ? { userId: s.userId, role: s.role } : null
}

/** Confidential cases among `ids` (all of them when the list is long), with their assigned worker. */
function confidentialAmong(desk: Desk, ids: readonly number[]): Map<number, number | null> {
  const orm = desk.db().orm
  const q = orm
    .select({ id: caseConfidential.caseId, worker: cases.assignedWorkerId })
    .from(caseConfidential)
    .innerJoin(cases, eq(cases.id, caseConfidential.caseId))
  const rows = ids.length === 0 ? [] : ids.length <= 500 ? q.where(inArray(caseConfidential.caseId, [...ids])).all() : q.all()
  return new Map(rows.map((r) => [r.id, r.worker]))
}

/** A list line of a case this person may not open: the case number and 保密个案, nothing else. */
export function maskedSummary<T extends CaseSummary>(s: T): T {
  return { ...s, name: '', summary: '', contactDate: '', headcount: null, repeat: null, confidential: true, masked: true }
}

/**
 * Lines of a list as this person may see them: confidential cases they may open are marked, the
 * others masked (`read` 'list', 'today', 'caseNo', 'cli') or left out ('search').
 */
export function maskSummaries<T extends CaseSummary>(desk: Desk, rows: T[], read: CaseRead | ((row: T) => CaseRead)): T[] {
  const conf = confidentialAmong(desk, rows.map((r) => r.id))
  if (conf.size === 0) return rows
  const v = viewerOf(desk)
  const out: T[] = []
  for (const r of rows) {
    if (!conf.has(r.id)) {
      out.push(r)
      continue
    }
    const a = caseAccess(v, { confidential: true, assignedWorkerId: conf.get(r.id) ?? null }, typeof read === 'function' ? read(r) : read)
    if (a === 'open') out.push({ ...r, confidential: true })
    else if (a === 'masked') out.push(maskedSummary(r))
  }
  return out
}

/** Today, as this person may see it: a confidential case's follow-up or deadline shows its number only. */
export function maskToday(desk: Desk, d: TodayData): TodayData {
  const ids = [...d.overdue, ...d.due, ...d.upcoming, ...d.deadlines].map((x) => x.caseId)
  const conf = confidentialAmong(desk, ids)
  const v = viewerOf(desk)
  const hide = (caseId: number) =>
    conf.has(caseId) && caseAccess(v, { confidential: true, assignedWorkerId: conf.get(caseId) ?? null }, 'today') !== 'open'
  const fu = <F extends TodayData['due'][number]>(f: F): F => (hide(f.caseId) ? { ...f, name: '', note: '', masked: true } : f)
  return {
    ...d,
    overdue: d.overdue.map(fu),
    due: d.due.map(fu),
    upcoming: d.upcoming.map(fu),
    deadlines: d.deadlines.map((x) => (hide(x.caseId) ? { ...x, name: '', masked: true } : x)),
    recent: maskSummaries(desk, d.recent, 'today'),
    highRisk: maskSummaries(desk, d.highRisk, 'today')
  }
}

// ───────────────────────────── the guard on every call ─────────────────────────────

/** Calls that are the door itself or name no case's content. */
const UNGUARDED = new Set(['cases.openConfidential', 'cases.create', 'cases.findRepeats', 'cases.list', 'cases.search', 'cases.today', 'cases.caseload', 'cases.workers'])

/** Which read a call is, for the rule (a write needs what a read of the record needs). */
function readOf(method: string): CaseRead {
  if (method === 'cases.history') return 'history'
  if (method.startsWith('forms.') || method === 'cases.consentSlip') return 'forms'
  if (method.startsWith('interview.')) return 'interviews'
  return 'get'
}

/** The case a call's arguments name (directly, or through an interview, a follow-up or a referral), or null. */
export function caseNamedBy(desk: Desk, method: string, args: Record<string, unknown>): number | null {
  const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null)
  const direct = num(args.caseId) ?? (method.startsWith('cases.') ? num(args.id) : null)
  if (direct) return direct
  const orm = desk.db().orm
  const iv = num(args.interviewId)
  if (iv) return orm.select({ caseId: interviews.caseId }).from(interviews).where(eq(interviews.id, iv)).get()?.caseId ?? null
  const fu = num(args.followUpId)
  if (fu) return orm.select({ caseId: caseFollowUps.caseId }).from(caseFollowUps).where(eq(caseFollowUps.id, fu)).get()?.caseId ?? null
  const ref = num(args.referralId)
  if (ref) return orm.select({ caseId: caseReferrals.caseId }).from(caseReferrals).where(eq(caseReferrals.id, ref)).get()?.caseId ?? null
  // A sign-off names its form's subject: the case for Forms A and C, the contact for Form B.
  const subject = method.startsWith('signoff.') ? num(args.subjectId) : null
  if (subject) {
    if (args.kind !== 'B') return subject
    return orm.select({ caseId: interviews.caseId }).from(interviews).where(eq(interviews.id, subject)).get()?.caseId ?? null
  }
  return null
}

const CASE_NO = /^\s*\d{4}-\d{0,6}\s*$/

/**
 * Wrap every feature's handlers: a call naming a confidential case runs only for someone who may
 * open it (or gave a reason this sitting); lists, search, repeat candidates and Today are masked.
 * Supervisor-only calls pass (supervisors open every case).
 */
export function guardConfidential(desk: Desk, maps: HandlerMap[]): HandlerMap[] {
  return maps.map((map) => {
    const out: Record<string, unknown> = {}
    for (const [method, fn] of Object.entries(map) as [string, (a: never, ctx: never) => unknown][]) {
      out[method] = async (args: Record<string, unknown>, ctx: never) => {
        if (desk.session && !UNGUARDED.has(method)) {
          const caseId = caseNamedBy(desk, method, args)
          if (caseId != null) requireCaseAccess(desk, caseId, readOf(method))
        }
        const value = await fn(args as never, ctx)
        if (!desk.session) return value
        switch (method) {
          case 'cases.list':
            return maskSummaries(desk, value as CaseSummary[], 'list')
          case 'cases.findRepeats':
            return maskSummaries(desk, value as (CaseSummary & { phone: string; address: string; locality: string })[], 'list').map((r) =>
              r.masked ? { ...r, phone: '', address: '', locality: '' } : r
            )
          case 'cases.search': {
            // Typing a case number shows its masked line; a name, phone or text never finds it.
            const q = String(args.query ?? '').normalize('NFKC')
            const byNo = CASE_NO.test(q) ? q.trim() : null
            return maskSummaries(desk, value as CaseSummary[], (r) => (byNo && r.caseNo.startsWith(byNo) ? 'caseNo' : 'search'))
          }
          case 'cases.today':
            return maskToday(desk, value as TodayData)
          default:
            return value
        }
      }
    }
    return out as HandlerMap
  })
}

/** Grants of a case still running for this person (tests). */
export function hasGrant(desk: Desk, caseId: number): boolean {
  return granted(desk, caseId)
}
