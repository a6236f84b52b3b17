import { describe, expect, it } from 'vitest'
import { CASE_READS, caseAccess, type CaseAccess, type CaseRead, type Viewer } from './confidential'

const ASSIGNED: Viewer = { userId: 7, role: 'worker' }
const OTHER: Viewer = { userId: 8, role: 'worker' }
const SUPERVISOR: Viewer = { userId: 1, role: 'supervisor' }
const CLERK: Viewer = { userId: 9, role: 'clerk' }
const confidential = { confidential: true, assignedWorkerId: 7 }

// One row per read: assigned worker / other worker / other worker after a reason / supervisor / clerk.
const TABLE: Record<CaseRead, [CaseAccess, CaseAccess, CaseAccess, CaseAccess, CaseAccess]> = {
  get: ['open', 'reason', 'open', 'open', 'refused'],
  history: ['open', 'reason', 'open', 'open', 'refused'],
  forms: ['open', 'reason', 'open', 'open', 'refused'],
  interviews: ['open', 'reason', 'open', 'open', 'refused'],
  search: ['open', 'hidden', 'hidden', 'open', 'hidden'],
  caseNo: ['open', 'masked', 'masked', 'open', 'masked'],
  list: ['open', 'masked', 'masked', 'open', 'masked'],
  today: ['open', 'masked', 'masked', 'open', 'masked'],
  caseload: ['open', 'count', 'count', 'open', 'count'],
  cli: ['open', 'masked', 'masked', 'open', 'masked'],
  cliForms: ['open', 'refused', 'refused', 'open', 'refused']
}

describe('confidential cases: who reads what', () => {
  it('the table covers every read', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...CASE_READS].sort())
  })

  for (const read of CASE_READS) {
    it(read, () => {
      const [assigned, other, otherGranted, supervisor, clerk] = TABLE[read]
      expect(caseAccess(ASSIGNED, confidential, read)).toBe(assigned)
      expect(caseAccess(OTHER, confidential, read)).toBe(other)
      expect(caseAccess(OTHER, confidential, read, { granted: true })).toBe(otherGranted)
      expect(caseAccess(SUPERVISOR, confidential, read)).toBe(supervisor)
      expect(caseAccess(CLERK, confidential, read)).toBe(clerk)
      expect(caseAccess(CLERK, confidential, read, { granted: true })).toBe(clerk === 'reason' ? 'open' : clerk)
    })
  }

  it('a case that is not confidential is open to every reader', () => {
    for (const v of [ASSIGNED, OTHER, SUPERVISOR, CLERK]) {
      for (const read of CASE_READS) expect(caseAccess(v, { confidential: false, assignedWorkerId: 7 }, read)).toBe('open')
    }
  })

  it('an unassigned confidential case: only supervisors open it without a reason', () => {
    const c = { confidential: true, assignedWorkerId: null }
    expect(caseAccess(ASSIGNED, c, 'get')).toBe('reason')
    expect(caseAccess(SUPERVISOR, c, 'get')).toBe('open')
  })
})
