import { MAX_REPRESENTATIVES } from '@shared/domain/case/options'
import { checkCaseInput } from '@shared/domain/case/schemas'
import type { CaseRecord } from '@shared/domain/case/types'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { reindexCase } from './index-text'
import { getCase } from './record'
import { actor, nowIso, requireCase, touch, tx } from './shared'

// ───────────────────────────── representatives ─────────────────────────────

export function tooManyRepresentatives(): never {
  throw new DeskFailure('CONFLICT', 'cases:errors.tooManyRepresentatives', { max: MAX_REPRESENTATIVES }, 'representatives')
}

/** 7.2.1 a / 条例 第二十条第三款: at most 5 representatives — checked inside the write transaction. */
export function addRepresentative(desk: Desk, caseId: number, r: { name: string; phone?: string; note?: string }): CaseRecord {
  const bad = checkCaseInput({ phone: r.phone })
  if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, bad.field)
  if (!r.name.trim()) fail('BAD_ARGS', 'errors:arg.required', undefined, 'name')
  tx(desk, (db) => {
    requireCase(db, caseId)
    const n = (db.prepare('SELECT count(*) AS n FROM case_representatives WHERE case_id = ?').get(caseId) as { n: number }).n
    if (n >= MAX_REPRESENTATIVES) tooManyRepresentatives()
    const info = db
      .prepare('INSERT INTO case_representatives (case_id, name, phone, note, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)')
      .run(caseId, r.name, r.phone ?? '', r.note ?? '', nowIso(desk), actor(desk))
    reindexCase(db, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.add', subjectType: 'case', subjectId: caseId, details: { representativeId: Number(info.lastInsertRowid), count: n + 1 } })
  })
  return getCase(desk, caseId)
}

export function removeRepresentative(desk: Desk, caseId: number, representativeId: number): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    const info = db.prepare('DELETE FROM case_representatives WHERE id = ? AND case_id = ?').run(representativeId, caseId)
    if (info.changes === 0) fail('NOT_FOUND', 'cases:errors.representativeNotFound')
    reindexCase(db, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.remove', subjectType: 'case', subjectId: caseId, details: { representativeId } })
  })
  return getCase(desk, caseId)
}
