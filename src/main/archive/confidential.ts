import type { Desk } from '../desk/desk'
import { caseConfidential } from '../db/schema/confidential'
import { requireCaseAccess } from '../cases/confidential'
import { DeskFailure } from '@shared/ipc/result'

/**
 * Confidential reports (检举控告, cases/confidential.ts) on the clerk's desk: of the cases given, those
 * whose record this person may not open. Their lines keep the case number and lose everything
 * personal (name, and in an export phone, address, summary), and their forms are not printed.
 */
export function hiddenCases(desk: Desk, caseIds: readonly number[]): Set<number> {
  const out = new Set<number>()
  if (!caseIds.length) return out
  const wanted = new Set(caseIds)
  const confidential = desk.db().orm.select({ caseId: caseConfidential.caseId }).from(caseConfidential).all()
  for (const { caseId } of confidential) {
    if (!wanted.has(caseId)) continue
    try {
      requireCaseAccess(desk, caseId, 'forms')
    } catch (e) {
      if (e instanceof DeskFailure && e.code === 'FORBIDDEN') out.add(caseId)
      else throw e
    }
  }
  return out
}
