import type Database from 'better-sqlite3'
import { type RepeatMark } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { getCase } from './record'
import { actor, nowIso, requireCase, tx } from './shared'

// ───────────────────────────── repeat detection ─────────────────────────────

export function markRepeat(desk: Desk, caseId: number, d: { mark: RepeatMark; ofCaseIds?: number[]; note?: string }): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    writeRepeat(db, desk, caseId, d)
  })
  return getCase(desk, caseId)
}

/** Inside a transaction: record the 重复上访 decision (the earlier cases must exist). */
export function writeRepeat(db: Database.Database, desk: Desk, caseId: number, d: { mark: RepeatMark; ofCaseIds?: number[]; note?: string }): void {
  const of = (d.ofCaseIds ?? []).filter((x) => x !== caseId)
  for (const other of of) {
    if (!db.prepare('SELECT 1 FROM cases WHERE id = ?').get(other)) fail('NOT_FOUND', 'cases:errors.repeatOfNotFound', undefined, 'repeat')
  }
  const at = nowIso(desk)
  db.prepare('UPDATE cases SET repeat_mark = ?, repeat_of = ?, repeat_note = ?, repeat_at = ?, repeat_by = ?, updated_at = ? WHERE id = ?').run(
    d.mark,
    JSON.stringify(d.mark === 'repeat' ? of : []),
    d.note ?? '',
    at,
    actor(desk),
    at,
    caseId
  )
  desk.audit({ action: 'cases.repeat', subjectType: 'case', subjectId: caseId, details: { mark: d.mark, ofCaseIds: of } })
}
