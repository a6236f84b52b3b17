import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as interview from '../interview/service'
import * as session from '../session/service'

describe('crisis notices wait for a supervisor', () => {
  let t: TestDesk
  afterEach(() => t.cleanup())

  it('a crisis a worker opens is still there when a supervisor logs in later, until acknowledged', async () => {
    t = setupDesk()
    session.logout(t.desk)
    session.login(t.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    const s = interview.startInterview(t.desk, { petitionerName: '王五' })
    interview.crisis(t.desk, { interviewId: s.id, kind: 'violence' })

    // A worker may not read or clear the supervisors' notices: theirs are only those addressed to them.
    expect(await t.router.invoke('notices.open', {})).toMatchObject({ ok: true, value: [] })
    const crisisId = (t.desk.db().sqlite.prepare(`SELECT id FROM notices`).get() as { id: number }).id
    expect(await t.router.invoke('notices.acknowledge', { noticeId: crisisId, note: '我已处理' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    session.logout(t.desk)
    session.login(t.desk, { loginName: 'chen', passphrase: 'correct horse battery staple' })
    const open = await t.router.invoke('notices.open', {})
    expect(open.ok).toBe(true)
    const items = (open as { ok: true; value: { id: number; kind: string; caseNo: string; raisedByName: string }[] }).value
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ kind: 'crisis.violence', raisedByName: WORKER.displayName })
    expect(items[0].caseNo).toMatch(/^\d{4}-\d{6}$/)

    expect(await t.router.invoke('notices.acknowledge', { noticeId: items[0].id, note: '已电话联系值班督导' })).toMatchObject({ ok: true })
    expect(await t.router.invoke('notices.open', {})).toMatchObject({ ok: true, value: [] })
    const audit = t.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'notices.acknowledge'`).get() as { n: number }
    expect(audit.n).toBe(1)
  })

  it('an unknown notice is a clear NOT_FOUND', async () => {
    t = setupDesk()
    expect(await t.router.invoke('notices.acknowledge', { noticeId: 999, note: '已处理' })).toMatchObject({ ok: false, code: 'NOT_FOUND', messageKey: 'supervisor:notices.notFound' })
  })
})

describe('a supervisor is not told what they raised themselves', () => {
  it('a crisis a supervisor opens is not in their own banner', async () => {
    const t = setupDesk()
    try {
      const s = interview.startInterview(t.desk, { petitionerName: '赵六' })
      interview.crisis(t.desk, { interviewId: s.id, kind: 'medical' })
      expect(await t.router.invoke('notices.open', {})).toMatchObject({ ok: true, value: [] })
    } finally {
      t.cleanup()
    }
  })
})
