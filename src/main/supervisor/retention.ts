import { confirmationMatches } from '@shared/domain/supervisor/backup'
import { isPastRetention, retentionCutoff, type DestructionEntry, type RetentionCandidate } from '@shared/domain/supervisor/retention'
import { resources } from '@shared/i18n/resources'
import { fail } from '@shared/ipc/result'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { caseClosings, cases, destructionRegister as register, interviews, legalHolds, signoffs, users } from '../db/schema'
import { getSetting, setSetting } from '../settings/settings'
import { dropCaseIndex } from '../cases/index-text'
import { checkpointTruncate } from '../db/pragmas'

/**
 * Retention (SZ C.2.1): closed case files past the retention period the supervisor set may be
 * destroyed, case by case or together, after a typed confirmation — unless a legal hold is on the
 * case. What remains is a destruction register (case number, dates, who, why) with no personal
 * data, and the audit trail, which is never shortened (it is kept at least six months whatever
 * this setting says; the app never deletes audit events).
 */
const YEARS = 'retention.years'

function hallToday(desk: Desk): string {
  return new Date(desk.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}

export function retentionSettings(desk: Desk): { years: number | null; cutoff: string | null } {
  const years = getSetting<number | null>(desk, YEARS, null) ?? null
  return { years, cutoff: years ? retentionCutoff(hallToday(desk), years) : null }
}

export function setRetentionYears(desk: Desk, years: number | null): { years: number | null; cutoff: string | null } {
  setSetting(desk, YEARS, years)
  desk.audit({ action: 'retention.settings', details: { years } })
  return retentionSettings(desk)
}

/** Closed and transferred cases with their closing date; `onlyEligible` keeps those past retention. */
export function retentionCandidates(desk: Desk, onlyEligible = true): RetentionCandidate[] {
  const { years } = retentionSettings(desk)
  const today = hallToday(desk)
  const openedAt = sql<string>`COALESCE(NULLIF(${cases.contactDate}, ''), substr(${cases.createdAt}, 1, 10))`
  const closedAt = sql<string>`COALESCE(NULLIF(${caseClosings.closedDate}, ''), substr(${cases.updatedAt}, 1, 10))`
  const rows = desk
    .db()
    .orm.select({
      caseId: cases.id,
      caseNo: cases.caseNo,
      openedAt,
      closedAt,
      holdReason: legalHolds.reason,
      holdAt: legalHolds.setAt,
      holdBy: users.displayName
    })
    .from(cases)
    .leftJoin(caseClosings, eq(caseClosings.caseId, cases.id))
    .leftJoin(legalHolds, eq(legalHolds.caseId, cases.id))
    .leftJoin(users, eq(users.id, legalHolds.setBy))
    .where(sql`${cases.status} IN ('closed', 'transferred')`)
    .orderBy(closedAt, cases.caseNo)
    .all()
  return rows
    .filter((r) => !onlyEligible || isPastRetention(r.closedAt, today, years))
    .map(({ holdReason, holdAt, holdBy, ...r }) => ({
      ...r,
      hold: holdReason !== null && holdAt !== null ? { reason: holdReason, setAt: holdAt, setByName: holdBy } : null
    }))
}

export function setLegalHold(desk: Desk, a: { caseId: number; hold: boolean; reason?: string }): void {
  const s = desk.requireSession()
  const db = desk.db().orm
  if (!db.select({ id: cases.id }).from(cases).where(eq(cases.id, a.caseId)).get()) fail('NOT_FOUND', 'supervisor:retention.errors.notFound')
  const reason = a.reason?.trim()
  if (a.hold) {
    if (!reason) fail('BAD_ARGS', 'supervisor:retention.errors.reasonRequired', undefined, 'reason')
    const held = { reason: reason!, setBy: s.userId, setAt: desk.now().toISOString() }
    db.insert(legalHolds)
      .values({ caseId: a.caseId, ...held })
      .onConflictDoUpdate({ target: legalHolds.caseId, set: held })
      .run()
  } else {
    db.delete(legalHolds).where(eq(legalHolds.caseId, a.caseId)).run()
  }
  desk.audit({ action: a.hold ? 'retention.hold' : 'retention.release', subjectType: 'case', subjectId: a.caseId })
}

export function confirmWordsDestroy(): string[] {
  return Object.values(resources)
    .map((r) => (r.supervisor as { retention?: { confirmWord?: string } }).retention?.confirmWord ?? '')
    .filter(Boolean)
}

/**
 * Destroy closed case files past retention: every row about the case in every feature's tables
 * (interviews and their details, the search index, sign-offs), leaving one register line each.
 * One transaction: all or nothing. Freed pages are zeroed (secure_delete) and the WAL truncated,
 * so the records do not linger in the file. Backups made earlier still hold them until rotated.
 */
export function destroyCases(desk: Desk, a: { caseIds: number[]; reason: string; confirm: string }): { destroyed: number } {
  const s = desk.requireSession()
  if (!confirmationMatches(a.confirm, confirmWordsDestroy())) fail('BAD_ARGS', 'supervisor:retention.errors.confirm', undefined, 'confirm')
  const reason = a.reason.trim()
  if (!reason) fail('BAD_ARGS', 'supervisor:retention.errors.reasonRequired', undefined, 'reason')
  const eligible = new Map(retentionCandidates(desk, true).map((c) => [c.caseId, c]))
  for (const id of a.caseIds) {
    const c = eligible.get(id)
    if (!c) fail('CONFLICT', 'supervisor:retention.errors.notEligible')
    if (c!.hold) fail('CONFLICT', 'supervisor:retention.errors.onHold', { caseNo: c!.caseNo })
  }
  const { sqlite, orm } = desk.db()
  const now = desk.now().toISOString()
  sqlite.transaction(() => {
    for (const id of a.caseIds) {
      const c = eligible.get(id)!
      const ivs = orm.select({ id: interviews.id }).from(interviews).where(eq(interviews.caseId, id)).all().map((r) => r.id)
      for (const iv of ivs) orm.delete(signoffs).where(and(eq(signoffs.kind, 'B'), eq(signoffs.subjectId, iv))).run()
      orm.delete(interviews).where(eq(interviews.caseId, id)).run()
      orm.delete(signoffs).where(and(inArray(signoffs.kind, ['A', 'C']), eq(signoffs.subjectId, id))).run()
      dropCaseIndex(sqlite, id)
      orm.delete(legalHolds).where(eq(legalHolds.caseId, id)).run()
      orm.delete(cases).where(eq(cases.id, id)).run()
      orm
        .insert(register)
        .values({
          caseNo: c.caseNo,
          openedAt: c.openedAt,
          closedAt: c.closedAt,
          destroyedAt: now,
          destroyedBy: s.userId,
          destroyedByName: s.displayName,
          reason
        })
        .run()
      desk.audit({ action: 'retention.destroy', subjectType: 'case', subjectId: id, details: { caseNo: c.caseNo, interviews: ivs.length } })
    }
  })()
  try {
    checkpointTruncate(sqlite)
  } catch {
    /* a reader holds the WAL; the pages are zeroed anyway and go at the next checkpoint */
  }
  return { destroyed: a.caseIds.length }
}

export function destructionRegister(desk: Desk): DestructionEntry[] {
  const r = register
  return desk
    .db()
    .orm.select({
      id: r.id,
      caseNo: r.caseNo,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      destroyedAt: r.destroyedAt,
      destroyedByName: r.destroyedByName,
      reason: r.reason
    })
    .from(r)
    .orderBy(desc(r.id))
    .all()
}
