import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { translator } from '@shared/i18n/resources'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

const invoke = (m: string, a: unknown) => t.router.invoke(m, a)
const count = (table: string) => (t.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
/** The message a user would read, in both languages: never the key itself. */
function readable(key: string, params?: Record<string, string | number>) {
  const [ns, ...rest] = key.split(':')
  for (const loc of ['zh-CN', 'yue-HK'] as const) {
    const text = translator(loc, ns as never)(rest.join(':'), params)
    expect(text, `${loc} ${key}`).not.toBe(rest.join(':'))
  }
}

describe('cases IPC: bad input → a translated error, nothing half-saved', () => {
  it('empty required name', async () => {
    const r = await invoke('cases.create', { partyKind: 'person', name: '   ' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.required', field: 'name' })
    readable((r as { messageKey: string }).messageKey)
    expect(count('cases')).toBe(0)
  })

  it('a 1 MB text', async () => {
    const r = await invoke('cases.create', { partyKind: 'person', name: '王', demands: '访'.repeat(1_000_000) })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.tooLong', field: 'demands' })
    expect(count('cases')).toBe(0)
  })

  it('an invalid date', async () => {
    const r = await invoke('cases.create', { partyKind: 'person', name: '王', contactDate: '2026-02-30' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'errors:arg.badDate', field: 'contactDate' })
    const b = await invoke('cases.create', { partyKind: 'person', name: '王', birth: '1968-13' })
    expect(b).toMatchObject({ ok: false, messageKey: 'errors:arg.badDate', field: 'birth' })
    expect(count('cases')).toBe(0)
  })

  it('an invalid phone names what is wrong', async () => {
    const r = await invoke('cases.create', { partyKind: 'person', name: '王', phone: '1281234567' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', messageKey: 'cases:errors.phone.mobile', field: 'phone' })
    readable('cases:errors.phone.mobile')
    expect(count('cases')).toBe(0)
  })

  it('a 6th representative sent straight over IPC', async () => {
    const c = await invoke('cases.create', {
      partyKind: 'collective',
      name: '某厂工友',
      headcount: 8,
      representatives: [1, 2, 3, 4, 5].map((i) => ({ name: `代表${i}` }))
    })
    expect(c.ok).toBe(true)
    const id = (c as { value: { id: number } }).value.id
    const r = await invoke('cases.addRepresentative', { id, name: '第六人' })
    expect(r).toMatchObject({ ok: false, code: 'CONFLICT', messageKey: 'cases:errors.tooManyRepresentatives', params: { max: 5 } })
    readable('cases:errors.tooManyRepresentatives', { max: 5 })
    expect(count('case_representatives')).toBe(5)
    const six = await invoke('cases.create', { partyKind: 'collective', name: '另一群', representatives: [1, 2, 3, 4, 5, 6].map((i) => ({ name: `人${i}` })) })
    expect(six).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(count('cases')).toBe(1)
  })

  it('a missing case, and a worker may not assign', async () => {
    expect(await invoke('cases.get', { id: 999 })).toMatchObject({ ok: false, code: 'NOT_FOUND', messageKey: 'cases:errors.notFound' })
    readable('cases:errors.notFound')
  })

  it('an override without a reason is refused and not saved', async () => {
    const c = (await invoke('cases.create', { partyKind: 'person', name: '王' })) as { value: { id: number } }
    await invoke('cases.screening.save', { id: c.value.id, item: 'h', answer: 'yes' })
    const r = await invoke('cases.decideDiversion', { id: c.value.id, chosen: 'thisLevel' })
    expect(r).toMatchObject({ ok: false, messageKey: 'cases:errors.overrideReason' })
    expect(count('case_diversions')).toBe(0)
    const ok = await invoke('cases.decideDiversion', { id: c.value.id, chosen: 'politicalLegal' })
    expect(ok).toMatchObject({ ok: true, value: { diversion: { chosen: 'politicalLegal', overridden: false } } })
  })

  it('the today view answers for the logged-in worker', async () => {
    const c = (await invoke('cases.create', { partyKind: 'person', name: '王', contactDate: '2026-11-12' })) as { value: { id: number } }
    await invoke('cases.scheduleFollowUp', { caseId: c.value.id, dueDate: '2026-11-22', kind: 'short' })
    await invoke('cases.scheduleFollowUp', { caseId: c.value.id, dueDate: '2026-11-23', kind: 'short' })
    const r = (await invoke('cases.today', {})) as { ok: true; value: { overdue: unknown[]; due: unknown[]; deadlines: { id: string; due: string }[] } }
    expect(r.ok).toBe(true)
    expect(r.value.overdue).toHaveLength(1)
    expect(r.value.due).toHaveLength(1)
    expect(r.value.deadlines.map((d) => [d.id, d.due])).toEqual([['D1', '2026-11-27']])
  })
})
