import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import type { DirectoryEntry, Referral, ReferralAttention, SupervisionNote } from '@shared/domain/referrals/types'
import type { NoticeItem } from '@shared/domain/notices/types'
import type { DeskEvents } from '@shared/ipc/events'
import * as session from '../session/service'
import { sweepMissedDeadlines } from '../aftercare/notices'

/**
 * Issue 16 after the visit: a referral whose reply is overdue is told to the case's worker and to the
 * supervisors, once; a 督办 note reaches the worker's open window live; and nothing of a confidential
 * case reaches a worker who may not open it — through the notes, the notices or the pushed events.
 * On real encrypted databases, with a fixed clock.
 */
let t: TestDesk
let now = new Date('2026-11-23T02:00:00Z')
let pushed: DeskEvents['notice'][] = []
beforeEach(() => {
  now = new Date('2026-11-23T02:00:00Z')
  t = setupDesk({ now: () => now })
  pushed = []
  t.desk.on('notice', (e) => pushed.push(e))
})
afterEach(() => t.cleanup())

const WANG = { displayName: '王社工', loginName: 'wang', passphrase: 'amber forest window candle', role: 'worker' as const }
const invoke = (m: string, a: unknown = {}) => t.router.invoke(m, a)
async function ok<T>(m: string, a: unknown = {}): Promise<T> {
  const r = await invoke(m, a)
  if (!r.ok) throw new Error(`${m}: ${JSON.stringify(r)}`)
  return r.value as T
}
function as(who: { loginName: string; passphrase: string }) {
  session.logout(t.desk)
  session.login(t.desk, { loginName: who.loginName, passphrase: who.passphrase })
}
const idOf = (login: string) =>
  (t.desk.db().sqlite.prepare('SELECT id FROM users WHERE login_name = ?').get(login) as { id: number }).id

/** As 李社工: a case diverted (this level, or a 检举控告 to the discipline commission: confidential), its referral sent on 11-23, reply due 12-08. */
async function sentReferral(route: 'thisLevel' | 'discipline' = 'thisLevel'): Promise<{ caseId: number; caseNo: string; referral: Referral }> {
  as(WORKER)
  const c = await ok<{ id: number; caseNo: string }>('cases.create', { partyKind: 'person', name: route === 'discipline' ? '举报人张𠮶' : '王五', contactDate: '2026-11-23' })
  await ok('cases.screening.save', route === 'thisLevel' ? { id: c.id, item: 'g', answer: 'yes' } : { id: c.id, item: 'i', answer: 'yes' })
  await ok('cases.decideDiversion', { id: c.id, chosen: route })
  const [r] = (await ok<{ referrals: Referral[] }>('referrals.forCase', { caseId: c.id })).referrals
  const to = (await ok<DirectoryEntry[]>('directory.list')).find((e) => e.phone === '12345')!
  const referral = await ok<Referral>('referrals.send', { referralId: r.id, method: 'transfer', directoryId: to.id, sentDate: '2026-11-23', sentWhat: '来访登记表', ...(route === 'discipline' ? { agreedDue: '2026-12-08' } : {}) })
  expect(referral.replyDue).toBe('2026-12-08')
  return { caseId: c.id, caseNo: c.caseNo, referral }
}

function addWang() {
  as(SUPERVISOR)
  session.addUser(t.desk, WANG)
}

describe('a referral reply overdue is told to the case’s worker and to the supervisors, once (issue 16 §3)', () => {
  it('not on its due date; the day after: one notice for 李社工, one for supervisors; later sweeps add none; each acknowledges their own', async () => {
    addWang()
    const { caseId, referral } = await sentReferral()
    now = new Date('2026-12-08T09:00:00Z') // 17:00 in Guangzhou on the due date: not yet missed
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(0)

    now = new Date('2026-12-09T01:00:00Z')
    pushed = []
    const mine = await ok<NoticeItem[]>('notices.open') // the sweep runs as the notices load, under the worker
    expect(mine).toMatchObject([{ kind: 'referral.overdue', caseId, detail: '2026-12-08' }])
    // Pushed live to the worker's window: only their own (the supervisors' copy is not theirs to hear of).
    expect(pushed).toEqual([{ kind: 'referral.overdue', caseId, at: now.toISOString(), forUserId: idOf(WORKER.loginName) }])
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(0)
    now = new Date('2026-12-12T01:00:00Z')
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(0)
    expect(await ok<NoticeItem[]>('notices.open')).toHaveLength(1)

    as(SUPERVISOR)
    const theirs = await ok<NoticeItem[]>('notices.open')
    expect(theirs).toMatchObject([{ kind: 'referral.overdue', caseId, detail: '2026-12-08' }])
    expect(theirs[0].id).not.toBe(mine[0].id)
    // A supervisor cannot acknowledge the worker's copy, nor a worker the supervisors'.
    expect(await invoke('notices.acknowledge', { noticeId: mine[0].id, note: '已催' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    as(WANG)
    expect(await ok<NoticeItem[]>('notices.open')).toEqual([])
    expect(await invoke('notices.acknowledge', { noticeId: theirs[0].id, note: '已催' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await invoke('notices.acknowledge', { noticeId: mine[0].id, note: '已催' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    as(WORKER)
    await ok('notices.acknowledge', { noticeId: mine[0].id, note: '已电话催问接收单位' })
    expect(await ok<NoticeItem[]>('notices.open')).toEqual([])
    as(SUPERVISOR)
    expect(await ok<NoticeItem[]>('notices.open')).toHaveLength(1)

    // The reply comes in: nothing more is raised; a referral replied on time never raised one.
    as(WORKER)
    await ok('referrals.recordReply', { referralId: referral.id, replyDate: '2026-12-12', replySummary: '已受理' })
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(0)
    const rows = t.desk.db().sqlite.prepare(`SELECT once_key, for_user_id FROM notices WHERE kind = 'referral.overdue' ORDER BY id`).all()
    expect(rows).toEqual([
      { once_key: `referral:${referral.id}:2026-12-08`, for_user_id: null },
      { once_key: `referral:${referral.id}:2026-12-08:worker:${idOf(WORKER.loginName)}`, for_user_id: idOf(WORKER.loginName) }
    ])
  })
})

describe('a 督办 note reaches the worker’s open window live (issue 16 §1)', () => {
  it('adding the note pushes a notice event addressed to the case’s worker; their Today then lists it', async () => {
    const { caseId, referral } = await sentReferral()
    as(SUPERVISOR)
    pushed = []
    const note = await ok<SupervisionNote>('referrals.addNote', { referralId: referral.id, note: '请今天电话催办' })
    expect(pushed).toEqual([{ kind: 'referral.note', caseId, at: now.toISOString(), forUserId: idOf(WORKER.loginName) }])
    as(WORKER)
    expect((await ok<{ notes: SupervisionNote[] }>('referrals.attention')).notes.map((n) => n.id)).toEqual([note.id])
  })
})

describe('confidential cases: nothing leaks through 督办 notes, notices or pushed events (issue 16, review)', () => {
  it('given to another worker, a confidential case’s note is not shown to its old worker, who cannot acknowledge it; its notices neither', async () => {
    addWang()
    const { caseId, caseNo, referral } = await sentReferral('discipline')
    as(SUPERVISOR)
    const note = await ok<SupervisionNote>('referrals.addNote', { referralId: referral.id, note: '举报人担心被报复，请当面跟进' })
    now = new Date('2026-12-09T01:00:00Z')
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(2)

    // While it is 李社工's case: the note and the notice are theirs.
    as(WORKER)
    expect((await ok<{ notes: SupervisionNote[] }>('referrals.attention')).notes.map((n) => n.id)).toEqual([note.id])
    expect(await ok<NoticeItem[]>('notices.open')).toMatchObject([{ kind: 'referral.overdue', caseId }])

    // The supervisor gives the case to 王社工: 李社工 may no longer open it.
    as(SUPERVISOR)
    await ok('cases.assign', { id: caseId, workerId: idOf(WANG.loginName) })
    as(WORKER)
    const after = await ok<{ items: ReferralAttention[]; notes: SupervisionNote[] }>('referrals.attention')
    expect(after).toEqual({ items: [], notes: [] })
    expect(await ok<NoticeItem[]>('notices.open')).toEqual([])
    expect(await invoke('referrals.acknowledgeNote', { noteId: note.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      messageKey: 'people:confidential.reasonNeeded',
      params: { caseNo }
    })
    // The supervisors' 督办 list is theirs only.
    expect(await invoke('referrals.supervisionList')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // A sweep run at 李社工's desk raises 王社工's notice, and 李社工's window hears nothing of it.
    now = new Date('2026-12-10T01:00:00Z')
    pushed = []
    expect(sweepMissedDeadlines(t.desk, { force: true })).toBe(1)
    expect(pushed).toEqual([])
    const texts = JSON.stringify(await ok('notices.open')) + JSON.stringify(await ok('referrals.attention'))
    expect(texts).not.toContain(caseNo)
    expect(texts).not.toContain('报复')
    expect(t.desk.db().sqlite.prepare('SELECT acknowledged_at FROM referral_supervision_notes WHERE id = ?').get(note.id)).toEqual({ acknowledged_at: null })

    // 王社工, whose case it now is, sees the new notice and may open it.
    as(WANG)
    expect(await ok<NoticeItem[]>('notices.open')).toMatchObject([{ kind: 'referral.overdue', caseId }])
  })
})
