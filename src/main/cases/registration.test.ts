import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { createCase, getCase } from './api'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

const count = (table: string) => (t.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('registration is one transaction (issue 10, item 6)', () => {
  it('registers the case, its representatives and its repeat mark in one call', () => {
    const first = createCase(t.desk, { partyKind: 'person', name: '陈大文', contactDate: '2026-11-01' })
    const c = createCase(t.desk, {
      partyKind: 'collective',
      name: '某小区业主',
      headcount: 12,
      representatives: [{ name: '代表甲' }, { name: '代表乙', phone: '13812345678' }],
      repeat: { mark: 'repeat', ofCaseIds: [first.id] }
    })
    const got = getCase(t.desk, c.id)
    expect(got.representatives.map((r) => r.name)).toEqual(['代表甲', '代表乙'])
    expect(got.repeat).toMatchObject({ mark: 'repeat', ofCaseIds: [first.id] })
    const actions = (
      t.desk.db().sqlite.prepare("SELECT action FROM audit_events WHERE subject_type = 'case' AND subject_id = ? ORDER BY id").all(String(c.id)) as {
        action: string
      }[]
    ).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['cases.create', 'cases.repeat']))
  })

  it('a repeat mark that cannot be recorded leaves nothing; saving again creates exactly one case', async () => {
    const first = createCase(t.desk, { partyKind: 'person', name: '陈大文' })
    const before = { cases: count('cases'), reps: count('case_representatives'), audit: count('audit_events') }
    const input = {
      partyKind: 'collective' as const,
      name: '某小区业主',
      representatives: [{ name: '代表甲' }],
      repeat: { mark: 'repeat' as const, ofCaseIds: [first.id + 999] }
    }
    expect(() => createCase(t.desk, input)).toThrow(expect.objectContaining({ code: 'NOT_FOUND', messageKey: 'cases:errors.repeatOfNotFound' }))
    expect({ cases: count('cases'), reps: count('case_representatives'), audit: count('audit_events') }).toEqual(before)
    // The same through the one door the window uses: refused whole, then one case on saving again.
    const refused = await t.router.invoke('cases.create', input)
    expect(refused).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'repeat' })
    expect(count('cases')).toBe(before.cases)
    const ok = (await t.router.invoke('cases.create', { ...input, repeat: { mark: 'repeat', ofCaseIds: [first.id] } })) as { ok: true; value: { id: number } }
    expect(ok.ok).toBe(true)
    expect(count('cases')).toBe(before.cases + 1)
    expect(getCase(t.desk, ok.value.id).repeat?.ofCaseIds).toEqual([first.id])
  })

  it('保存 pressed again after a lost reply returns the first case, not a second one', () => {
    const requestId = '0b6f6a52-3c1e-4f43-9d7e-6a8d2b1f0c11'
    const before = count('cases')
    const one = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', requestId })
    const again = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', requestId })
    expect(again.id).toBe(one.id)
    expect(count('cases')).toBe(before + 1)
    // A new draft (a new token) is a new registration.
    const other = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', requestId: '5d1c7e7a-8f0b-4a8e-b1a2-2f9c3e4d5a6b' })
    expect(other.id).not.toBe(one.id)
    expect(count('cases')).toBe(before + 2)
  })
})
