import { eq } from 'drizzle-orm'
import type { RepeatMark } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import type { Orm } from '../db/open'
import { cases } from '../db/schema'
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
export function writeRepeat(db: Orm, desk: Desk, caseId: number, d: { mark: RepeatMark; ofCaseIds?: number[]; note?: string }): void {
  const of = (d.ofCaseIds ?? []).filter((x) => x !== caseId)
  for (const other of of) {
    if (!db.select({ id: cases.id }).from(cases).where(eq(cases.id, other)).get()) {
      fail('NOT_FOUND', 'cases:errors.repeatOfNotFound', undefined, 'repeat')
    }
  }
  const at = nowIso(desk)
  db.update(cases)
    .set({ repeatMark: d.mark, repeatOf: d.mark === 'repeat' ? of : [], repeatNote: d.note ?? '', repeatAt: at, repeatBy: actor(desk), updatedAt: at })
    .where(eq(cases.id, caseId))
    .run()
  desk.audit({ action: 'cases.repeat', subjectType: 'case', subjectId: caseId, details: { mark: d.mark, ofCaseIds: of } })
}
