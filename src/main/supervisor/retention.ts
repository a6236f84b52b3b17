import { confirmationMatches } from '@shared/domain/supervisor/backup'
import { isPastRetention, retentionCutoff, type DestructionEntry, type RetentionCandidate } from '@shared/domain/supervisor/retention'
import { resources } from '@shared/i18n/resources'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getSetting, setSetting } from '../settings/settings'

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

interface Row {
  caseId: number
  caseNo: string
  openedAt: string
  closedAt: string
  holdReason: string | null
  holdAt: string | null
  holdBy: string | null
}

/** Closed and transferred cases with their closing date; `onlyEligible` keeps those past retention. */
export function retentionCandidates(desk: Desk, onlyEligible = true): RetentionCandidate[] {
  const { years } = retentionSettings(desk)
  const today = hallToday(desk)
  const rows = desk
    .db()
    .sqlite.prepare(
      `SELECT c.id AS caseId, c.case_no AS caseNo, COALESCE(NULLIF(c.contact_date, ''), substr(c.created_at, 1, 10)) AS openedAt,
              COALESCE(NULLIF(k.closed_date, ''), substr(c.updated_at, 1, 10)) AS closedAt,
              h.reason AS holdReason, h.set_at AS holdAt, u.display_name AS holdBy
       FROM cases c LEFT JOIN case_closings k ON k.case_id = c.id
       LEFT JOIN legal_holds h ON h.case_id = c.id LEFT JOIN users u ON u.id = h.set_by
       WHERE c.status IN ('closed', 'transferred') ORDER BY closedAt, c.case_no`
    )
    .all() as Row[]
  return rows
    .filter((r) => !onlyEligible || isPastRetention(r.closedAt, today, years))
    .map((r) => ({
      caseId: r.caseId,
      caseNo: r.caseNo,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      hold: r.holdReason !== null ? { reason: r.holdReason, setAt: r.holdAt!, setByName: r.holdBy } : null
    }))
}

export function setLegalHold(desk: Desk, a: { caseId: number; hold: boolean; reason?: string }): void {
  const s = desk.requireSession()
  const db = desk.db().sqlite
  if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(a.caseId)) fail('NOT_FOUND', 'supervisor:retention.errors.notFound')
  if (a.hold) {
    if (!a.reason?.trim()) fail('BAD_ARGS', 'supervisor:retention.errors.reasonRequired', undefined, 'reason')
    db.prepare(
      `INSERT INTO legal_holds (case_id, reason, set_by, set_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at`
    ).run(a.caseId, a.reason!.trim(), s.userId, desk.now().toISOString())
  } else {
    db.prepare('DELETE FROM legal_holds WHERE case_id = ?').run(a.caseId)
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
  const db = desk.db().sqlite
  const now = desk.now().toISOString()
  db.transaction(() => {
    for (const id of a.caseIds) {
      const c = eligible.get(id)!
      const interviews = (db.prepare('SELECT id FROM interviews WHERE case_id = ?').all(id) as { id: number }[]).map((r) => r.id)
      for (const iv of interviews) db.prepare(`DELETE FROM signoffs WHERE kind = 'B' AND subject_id = ?`).run(iv)
      db.prepare('DELETE FROM interviews WHERE case_id = ?').run(id)
      db.prepare(`DELETE FROM signoffs WHERE kind IN ('A', 'C') AND subject_id = ?`).run(id)
      db.prepare('DELETE FROM case_search WHERE rowid = ?').run(id)
      db.prepare('DELETE FROM legal_holds WHERE case_id = ?').run(id)
      db.prepare('DELETE FROM cases WHERE id = ?').run(id)
      db.prepare(
        `INSERT INTO destruction_register (case_no, opened_at, closed_at, destroyed_at, destroyed_by, destroyed_by_name, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      ).run(c.caseNo, c.openedAt, c.closedAt, now, s.userId, s.displayName, reason)
      desk.audit({ action: 'retention.destroy', subjectType: 'case', subjectId: id, details: { caseNo: c.caseNo, interviews: interviews.length } })
    }
  })()
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } catch {
    /* a reader holds the WAL; the pages are zeroed anyway and go at the next checkpoint */
  }
  return { destroyed: a.caseIds.length }
}

export function destructionRegister(desk: Desk): DestructionEntry[] {
  return desk
    .db()
    .sqlite.prepare(
      `SELECT id, case_no AS caseNo, opened_at AS openedAt, closed_at AS closedAt, destroyed_at AS destroyedAt,
              destroyed_by_name AS destroyedByName, reason FROM destruction_register ORDER BY id DESC`
    )
    .all() as DestructionEntry[]
}
