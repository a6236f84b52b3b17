import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callOk, setupDesk, signInAs, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { searchCases } from './search'
import type { Method } from '@shared/ipc/contract'

/**
 * Search and confidential reports (检举控告) on a real encrypted database: a case another person may
 * not find by text is left out by the query itself, before the page is cut, so a page is as full as
 * the cases they may see allow and its length says nothing about reports hidden from them.
 */
let t: TestDesk
const OTHER = { displayName: '王社工', loginName: 'wang', passphrase: 'amber falcon quiet harbour', role: 'worker' as const }
const CLERK = { displayName: '赵档案', loginName: 'zhao', passphrase: 'meadow quiet amber harbour', role: 'clerk' as const }

beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
  session.addUser(t.desk, OTHER)
  session.addUser(t.desk, CLERK)
})
afterEach(() => t.cleanup())

const call = <M extends Method>(m: M, a: unknown) => callOk(t, m, a)
const as = (who: { loginName: string; passphrase: string }) => signInAs(t, who)

/** As the worker 李: three ordinary wage cases, then four newer reports diverted to the discipline commission. */
async function archive() {
  as(WORKER)
  const plain: number[] = []
  for (const name of ['欠薪甲', '欠薪乙', '欠薪丙']) {
    plain.push((await call('cases.create', { partyKind: 'person', name, summary: '工地拖欠工资', contactDate: '2026-11-23' })).id)
  }
  const reports: number[] = []
  for (const name of ['举报人一', '举报人二', '举报人三', '举报人四']) {
    const c = await call('cases.create', { partyKind: 'person', name, summary: '检举工地负责人拖欠工资', contactDate: '2026-11-23' })
    await call('cases.screening.save', { id: c.id, item: 'i', answer: 'yes' })
    await call('cases.decideDiversion', { id: c.id, chosen: 'discipline' })
    reports.push(c.id)
  }
  return { plain: plain.reverse(), reports: reports.reverse() }
}

describe('search and confidential reports', () => {
  it('another worker gets a full page of the cases they may see, newest first, with no hidden report in it', async () => {
    const { plain } = await archive()
    as(OTHER)
    const page = await call('cases.search', { query: '拖欠工资', limit: 3 })
    expect(page.map((c) => c.id)).toEqual(plain)
    expect(page.map((c) => c.name)).toEqual(['欠薪丙', '欠薪乙', '欠薪甲'])
    expect((await call('cases.search', { query: '拖欠工资', limit: 2 })).map((c) => c.id)).toEqual(plain.slice(0, 2))
    // The service itself answers so, not only the guard around the call.
    expect(searchCases(t.desk, '拖欠工资', 3).map((c) => c.id)).toEqual(plain)
  })

  it('a registration clerk likewise; a case number still shows its masked line', async () => {
    const { plain, reports } = await archive()
    as(CLERK)
    expect((await call('cases.search', { query: '拖欠工资', limit: 3 })).map((c) => c.id)).toEqual(plain)
    const no = (await call('cases.list', {})).find((c) => c.id === reports[0])!.caseNo
    expect(await call('cases.search', { query: no })).toMatchObject([{ id: reports[0], name: '', summary: '', masked: true }])
  })

  it('the assigned worker and the supervisor page through the reports as through any case', async () => {
    const { plain, reports } = await archive()
    as(WORKER)
    expect((await call('cases.search', { query: '拖欠工资', limit: 3 })).map((c) => c.id)).toEqual(reports.slice(0, 3))
    expect((await call('cases.search', { query: '拖欠工资' })).map((c) => c.id)).toEqual([...reports, ...plain])
    as(SUPERVISOR)
    const all = await call('cases.search', { query: '拖欠工资' })
    expect(all.map((c) => c.id)).toEqual([...reports, ...plain])
    expect(all.slice(0, 4).every((c) => c.confidential)).toBe(true)
  })

  it('a report reassigned to the other worker is theirs to find, and no longer the first worker’s', async () => {
    const { plain, reports } = await archive()
    const wang = t.desk.db().sqlite.prepare('SELECT id FROM users WHERE login_name = ?').pluck().get('wang') as number
    as(SUPERVISOR)
    await call('cases.assign', { id: reports[1], workerId: wang })
    as(OTHER)
    expect((await call('cases.search', { query: '拖欠工资', limit: 2 })).map((c) => c.id)).toEqual([reports[1], plain[0]])
    as(WORKER)
    expect((await call('cases.search', { query: '拖欠工资' })).map((c) => c.id)).toEqual([reports[0], reports[2], reports[3], ...plain])
  })
})
