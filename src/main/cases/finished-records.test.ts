import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { createCase, getCase, reopenCase, saveClosing } from './api'
import { signOff } from '../supervisor/api'
import type { ClosingInput } from '@shared/domain/case/schemas'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

const closing = (reflection: string): ClosingInput => ({
    category: 'end',
    openedDate: '',
    closedDate: '2026-11-23',
    transferReason: null,
    transferReasonOther: '',
    closingType: 'goalsMet',
    closingTypeOther: '',
    linkedResources: '',
    contactedDepartments: '',
    goals: [],
    reflection,
    workerSignedDate: '',
  transferTo: ''
})

describe('a closed case’s Form C is a finished record (issue 10: no write to a finished record)', () => {
  it('is not rewritten while the case is closed; re-opening with a reason comes first', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '周', contactDate: '2026-11-01' })
    saveClosing(t.desk, c.id, closing('原反思'), { finalize: true })
    signOff(t.desk, { kind: 'C', subjectId: c.id, opinion: '同意结案' })
    for (const finalize of [false, true]) {
      expect(() => saveClosing(t.desk, c.id, closing('改写'), { finalize })).toThrow(expect.objectContaining({ code: 'CONFLICT', messageKey: 'cases:errors.closedRecord' }))
    }
    expect(getCase(t.desk, c.id).closing?.reflection).toBe('原反思')
    reopenCase(t.desk, c.id, '案主再次来访')
    expect(saveClosing(t.desk, c.id, closing('再次结案'), { finalize: true }).closing?.reflection).toBe('再次结案')
  })
})
