import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callOk, setupDesk, signInAs, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import type { Method } from '@shared/ipc/contract'

/**
 * 会谈's "contacts you did not end" list names the petitioner: for a confidential report (检举控告)
 * it follows the case list's rule. Whoever may not open the case sees its number only, even for a
 * contact they started themselves (under a reason that has since lapsed, or before the case went to
 * someone else); the assigned worker and supervisors see the name. Real encrypted desk, through the
 * router as the screen calls it.
 */
let t: TestDesk
const clock = new Date('2026-11-23T02:00:00Z')
const OTHER = { displayName: '王社工', loginName: 'wang', passphrase: 'amber falcon quiet harbour', role: 'worker' as const }
const NAME = '举报人张𠮶'

beforeEach(() => {
  t = setupDesk({ now: () => clock })
  session.addUser(t.desk, OTHER)
})
afterEach(() => t.cleanup())

const call = <M extends Method>(m: M, a: unknown) => callOk(t, m, a)
const as = (who: { loginName: string; passphrase: string }) => signInAs(t, who)

/** As the worker 李: a report about a village official, diverted to the discipline commission (so confidential). */
async function report(): Promise<{ caseId: number; caseNo: string }> {
  as(WORKER)
  const c = await call('cases.create', { partyKind: 'person', name: NAME, summary: '检举村主任侵占集体土地租金', contactDate: '2026-11-23' })
  await call('cases.screening.save', { id: c.id, item: 'i', answer: 'yes' })
  await call('cases.decideDiversion', { id: c.id, chosen: 'discipline' })
  expect(await call('cases.people', { caseId: c.id })).toMatchObject({ confidential: true })
  return { caseId: c.id, caseNo: c.caseNo }
}

describe('interview.unfinished and confidential cases', () => {
  it('another worker who started a contact under a reason sees the number only once that sitting is over', async () => {
    const { caseId, caseNo } = await report()
    as(OTHER)
    await call('cases.openConfidential', { caseId, reason: '李社工休假，代为接待' })
    const iv = await call('interview.start', { caseId })
    await call('interview.save', { interviewId: iv.id, changes: [{ field: 'purpose', value: '了解张𠮶举报后的安全顾虑', revision: 1 }] })
    // A new sitting (the desk locked, or the next morning): the reason no longer opens the case.
    as(OTHER)
    const lines = await call('interview.unfinished', {})
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ id: iv.id, caseId, caseNo, workCount: 1 })
    expect(JSON.stringify(lines)).not.toContain('张𠮶')
    // The case list says the same about this case.
    const listed = (await call('cases.list', {})).find((c) => c.id === caseId)
    expect(listed).toMatchObject({ caseNo, name: '', masked: true })
  })

  it('the assigned worker and a supervisor see the name of their own unfinished contacts', async () => {
    const { caseId } = await report()
    await call('interview.start', { caseId })
    expect(await call('interview.unfinished', {})).toEqual([expect.objectContaining({ caseId, name: NAME })])
    as(SUPERVISOR)
    await call('interview.start', { caseId })
    expect(await call('interview.unfinished', {})).toEqual([expect.objectContaining({ caseId, name: NAME })])
  })

  it('a case that is not confidential keeps its name for any worker', async () => {
    as(OTHER)
    const c = await call('cases.create', { partyKind: 'person', name: '普通来访人', summary: '欠薪', contactDate: '2026-11-23' })
    await call('interview.start', { caseId: c.id })
    expect(await call('interview.unfinished', {})).toEqual([expect.objectContaining({ caseId: c.id, name: '普通来访人' })])
  })
})
