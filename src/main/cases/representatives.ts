import { and, count, eq } from 'drizzle-orm'
import { MAX_REPRESENTATIVES } from '@shared/domain/case/options'
import { checkCaseInput } from '@shared/domain/case/schemas'
import type { CaseRecord } from '@shared/domain/case/types'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseRepresentatives } from '../db/schema'
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
    const n = db.select({ n: count() }).from(caseRepresentatives).where(eq(caseRepresentatives.caseId, caseId)).get()?.n ?? 0
    if (n >= MAX_REPRESENTATIVES) tooManyRepresentatives()
    const { id } = db
      .insert(caseRepresentatives)
      .values({ caseId, name: r.name, phone: r.phone ?? '', note: r.note ?? '', addedAt: nowIso(desk), addedBy: actor(desk) })
      .returning({ id: caseRepresentatives.id })
      .get()
    reindexCase(db.$client, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.add', subjectType: 'case', subjectId: caseId, details: { representativeId: id, count: n + 1 } })
  })
  return getCase(desk, caseId)
}

export function removeRepresentative(desk: Desk, caseId: number, representativeId: number): CaseRecord {
  tx(desk, (db) => {
    requireCase(db, caseId)
    const info = db
      .delete(caseRepresentatives)
      .where(and(eq(caseRepresentatives.id, representativeId), eq(caseRepresentatives.caseId, caseId)))
      .run()
    if (info.changes === 0) fail('NOT_FOUND', 'cases:errors.representativeNotFound')
    reindexCase(db.$client, caseId)
    touch(db, desk, caseId)
    desk.audit({ action: 'cases.representative.remove', subjectType: 'case', subjectId: caseId, details: { representativeId } })
  })
  return getCase(desk, caseId)
}
