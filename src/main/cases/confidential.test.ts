import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { callOk, setupDesk, signInAs, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { listCases } from './api'
import { maskSummaries, requireCaseAccess } from './confidential'
import { translator } from '@shared/i18n/resources'
import type { Method } from '@shared/ipc/contract'

/**
 * A report about an official (检举控告) on a real encrypted database: the assigned worker and the
 * supervisor open it; another worker sees the number only, finds nothing by name, phone, alternative
 * contact or matter text, and opens it only after giving a reason, which is kept and audited by id.
 */
let t: TestDesk
let clock = new Date('2026-11-23T02:00:00Z')
const OTHER = { displayName: '王社工', loginName: 'wang', passphrase: 'amber falcon quiet harbour', role: 'worker' as const }

beforeEach(() => {
  clock = new Date('2026-11-23T02:00:00Z')
  t = setupDesk({ now: () => clock })
  session.addUser(t.desk, OTHER)
})
afterEach(() => t.cleanup())

const call = <M extends Method>(m: M, a: unknown) => callOk(t, m, a)
const as = (who: { loginName: string; passphrase: string }) => signInAs(t, who)

/** As the worker 李: a report about a village official, diverted to the discipline commission. */
async function reportCase() {
  as(WORKER)
  const c = await call('cases.create', { partyKind: 'person', name: '举报人张𠮶', phone: '13812345678', summary: '检举村主任侵占集体土地租金', contactDate: '2026-11-23' })
  await call('cases.screening.save', { id: c.id, item: 'i', answer: 'yes' })
  await call('cases.decideDiversion', { id: c.id, chosen: 'discipline' })
  await call('cases.altContact.add', { caseId: c.id, name: '张女儿', relation: '女儿', phone: '13900001111' })
  await call('cases.scheduleFollowUp', { caseId: c.id, dueDate: '2026-11-23', kind: 'short', note: '回访举报人' })
  await call('cases.setRisk', { id: c.id, level: 'high', reason: '担心被报复' })
  const plain = await call('cases.create', { partyKind: 'person', name: '普通来访人', summary: '欠薪', contactDate: '2026-11-23' })
  return { id: c.id as number, caseNo: c.caseNo as string, plainId: plain.id as number }
}

const RECORD_CALLS = (id: number) =>
  [
    ['cases.get', { id }],
    ['cases.history', { id }],
    ['cases.people', { caseId: id }],
    ['interview.list', { caseId: id }],
    ['forms.check', { caseId: id, form: 'A', lang: 'zh-CN' }],
    ['signoff.get', { kind: 'A', subjectId: id }],
    ['signoff.get', { kind: 'C', subjectId: id }],
    ['cases.consentSlip', { caseId: id, lang: 'zh-CN', action: 'save' }],
    ['cases.update', { id, patch: { summary: '改写' } }],
    ['cases.scheduleFollowUp', { caseId: id, dueDate: '2026-11-30', kind: 'short' }]
  ] as const

describe('a confidential report', () => {
  it('becomes confidential when the route is the discipline commission', async () => {
    const { id } = await reportCase()
    expect(await call('cases.people', { caseId: id })).toMatchObject({ confidential: true, altContacts: [{ name: '张女儿', relation: '女儿' }] })
  })

  it('another worker: every read and write of the record asks for a reason; nothing is written', async () => {
    const { id, caseNo } = await reportCase()
    as(OTHER)
    for (const [m, a] of RECORD_CALLS(id)) {
      const r = await t.router.invoke(m, a)
      expect(r, m).toMatchObject({ ok: false, code: 'FORBIDDEN', messageKey: 'people:confidential.reasonNeeded', params: { caseNo } })
    }
    for (const loc of ['zh-CN', 'yue-HK'] as const) {
      expect(translator(loc, 'people')('confidential.reasonNeeded', { caseNo })).toContain(caseNo)
    }
    as(WORKER)
    expect((await call('cases.get', { id })).fields.summary).toBe('检举村主任侵占集体土地租金')
    expect((await call('cases.get', { id })).followUps).toHaveLength(1)
  })

  it('another worker: lists and Today show the number only; name, phone, alternative contact and matter never find it', async () => {
    const { id, caseNo, plainId } = await reportCase()
    as(OTHER)
    const list = await call('cases.list', {})
    expect(list.find((c) => c.id === plainId)).toMatchObject({ name: '普通来访人' })
    expect(list.find((c) => c.id === id)).toMatchObject({ caseNo, name: '', summary: '', masked: true, confidential: true })
    for (const q of ['举报人', '13812345678', '张女儿', '13900001111', '村主任', '集体土地']) {
      expect(await call('cases.search', { query: q }), q).toEqual([])
    }
    expect(await call('cases.search', { query: caseNo })).toMatchObject([{ id, name: '', summary: '', masked: true }])
    const today = await call('cases.today', {})
    expect(today.highRisk).toMatchObject([{ id, name: '', masked: true }])
    const repeats = await call('cases.findRepeats', { name: '举报人张𠮶' })
    expect(repeats).toMatchObject([{ id, name: '', phone: '', address: '', masked: true }])
    // The whole answer holds none of the case's text.
    const all = JSON.stringify([list, today, repeats, await call('cases.search', { query: caseNo })])
    for (const s of ['举报人', '村主任', '张女儿', '1381234', '1390000', '回访举报人']) expect(all).not.toContain(s)
  })

  it('the assigned worker and the supervisor find and open it as any case', async () => {
    const { id } = await reportCase()
    expect(await call('cases.search', { query: '张女儿' })).toMatchObject([{ id, confidential: true, name: '举报人张𠮶' }])
    const today = await call('cases.today', {})
    expect(today.due).toMatchObject([{ caseId: id, name: '举报人张𠮶', note: '回访举报人' }])
    as(SUPERVISOR)
    expect((await call('cases.get', { id })).fields.name).toBe('举报人张𠮶')
    expect(await call('cases.search', { query: '村主任' })).toMatchObject([{ id, confidential: true }])
  })

  it('a reason opens it for this sitting: kept, audited by id only, gone after a lock or 30 minutes', async () => {
    const { id } = await reportCase()
    as(OTHER)
    expect(await t.router.invoke('cases.openConfidential', { caseId: id, reason: '   ' })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    await call('cases.openConfidential', { caseId: id, reason: '李社工病假，举报人来电询问' })
    expect((await call('cases.get', { id })).fields.name).toBe('举报人张𠮶')
    await call('interview.list', { caseId: id })
    const db = t.desk.db().sqlite
    expect(db.prepare('SELECT reason FROM case_access_grants').all()).toEqual([{ reason: '李社工病假，举报人来电询问' }])
    const ev = db.prepare("SELECT details FROM audit_events WHERE action = 'cases.confidential.open'").all() as { details: string }[]
    expect(ev).toHaveLength(1)
    expect(ev[0].details).not.toContain('病假')
    expect(JSON.parse(ev[0].details)).toMatchObject({ grantId: expect.any(Number), minutes: 30 })
    // Lists stay masked for them.
    expect((await call('cases.list', {})).find((c) => c.id === id)).toMatchObject({ masked: true })
    // A new sitting asks again.
    session.lock(t.desk, 'user')
    session.login(t.desk, OTHER)
    expect(await t.router.invoke('cases.get', { id })).toMatchObject({ ok: false, messageKey: 'people:confidential.reasonNeeded' })
    await call('cases.openConfidential', { caseId: id, reason: '再次查看' })
    clock = new Date(clock.getTime() + 31 * 60_000)
    expect(await t.router.invoke('cases.get', { id })).toMatchObject({ ok: false, messageKey: 'people:confidential.reasonNeeded' })
  })

  it('the supervisor and the assigned worker see who opened it and why; the one who opened it does not see the list', async () => {
    const { id } = await reportCase()
    expect((await call('cases.people', { caseId: id })).openings).toEqual([])
    as(OTHER)
    await call('cases.openConfidential', { caseId: id, reason: '李社工病假，举报人来电询问' })
    // With a grant they read the case, but not the record of who else looked.
    expect((await call('cases.people', { caseId: id })).openings).toBeNull()
    as(SUPERVISOR)
    expect((await call('cases.people', { caseId: id })).openings).toEqual([{ at: clock.toISOString(), by: OTHER.displayName, reason: '李社工病假，举报人来电询问' }])
    as(WORKER)
    expect((await call('cases.people', { caseId: id })).openings).toMatchObject([{ by: OTHER.displayName }])
  })

  it('the CLI: another login lists it by number only and cannot print its forms (no way to give a reason there)', async () => {
    const { id, caseNo } = await reportCase()
    as(OTHER)
    expect(maskSummaries(t.desk, listCases(t.desk, {}), 'cli').find((c) => c.id === id)).toMatchObject({ caseNo, name: '', masked: true })
    expect(() => requireCaseAccess(t.desk, id, 'cliForms')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', messageKey: 'people:confidential.refused' }))
    as(WORKER)
    expect(() => requireCaseAccess(t.desk, id, 'cliForms')).not.toThrow()
  })

  it('a refused opening is on the audit trail (call name only)', async () => {
    const { id } = await reportCase()
    as(OTHER)
    await t.router.invoke('cases.get', { id })
    const r = t.desk.db().sqlite.prepare("SELECT details FROM audit_events WHERE action = 'access.refused'").all()
    expect(r).toEqual([{ details: JSON.stringify({ call: 'cases.get' }) }])
  })

  it('a route chosen in an interview makes it confidential too, and it stays so', async () => {
    as(WORKER)
    const c = await call('cases.create', { partyKind: 'person', name: '来访人', contactDate: '2026-11-23' })
    const iv = await call('interview.start', { caseId: c.id })
    expect((await call('cases.people', { caseId: c.id })).confidential).toBe(false)
    await call('interview.setMeta', { interviewId: iv.id, patch: { route: 'disciplineReport' } })
    await call('interview.setMeta', { interviewId: iv.id, patch: { route: 'petition' } })
    expect((await call('cases.people', { caseId: c.id })).confidential).toBe(true)
    as(OTHER)
    expect(await t.router.invoke('interview.get', { interviewId: iv.id })).toMatchObject({ ok: false, messageKey: 'people:confidential.reasonNeeded' })
  })
})

describe('alternative contacts and earlier visits', () => {
  it('dates of an earlier visit are checked in the main process; a bad phone is refused', async () => {
    as(WORKER)
    const c = await call('cases.create', { partyKind: 'person', name: '老人家', contactDate: '2026-11-23' })
    expect(await t.router.invoke('cases.otherVisit.add', { caseId: c.id, agency: '区信访局', firstDate: '2026-12-01' })).toMatchObject({
      ok: false,
      code: 'BAD_ARGS',
      messageKey: 'people:errors.visitFuture',
      field: 'firstDate'
    })
    expect(await t.router.invoke('cases.otherVisit.add', { caseId: c.id, agency: '区信访局', firstDate: '2026-10-01', lastDate: '2026-09-01' })).toMatchObject({
      ok: false,
      messageKey: 'people:errors.visitOrder',
      field: 'lastDate'
    })
    expect(await t.router.invoke('cases.altContact.add', { caseId: c.id, name: '女儿', phone: '1281234567' })).toMatchObject({ ok: false, code: 'BAD_ARGS', field: 'phone' })
    const p = await call('cases.otherVisit.add', { caseId: c.id, agency: '区信访局', firstDate: '2026-09-01', lastDate: '2026-10-01', times: 3 })
    expect(p.otherVisits).toMatchObject([{ agency: '区信访局', times: 3 }])
    const audit = JSON.stringify(t.desk.db().sqlite.prepare("SELECT details FROM audit_events WHERE action LIKE 'cases.otherVisit%'").all())
    expect(audit).not.toContain('信访局')
    // Marked 重复上访 by the worker without any matching case on this desk.
    expect((await call('cases.markRepeat', { id: c.id, mark: 'repeat', note: '曾到区信访局三次' })).repeat).toMatchObject({ mark: 'repeat', ofCaseIds: [] })
    expect((await call('cases.markRepeat', { id: c.id, mark: 'notRepeat' })).repeat).toMatchObject({ mark: 'notRepeat' })
  })

  it('an alternative contact is found by search; removing them removes them from search', async () => {
    as(WORKER)
    const c = await call('cases.create', { partyKind: 'person', name: '陈伯', contactDate: '2026-11-23' })
    const p = await call('cases.altContact.add', { caseId: c.id, name: '陈美玲', relation: '女儿', phone: '13912345678' })
    expect(await call('cases.search', { query: '美玲' })).toMatchObject([{ id: c.id }])
    expect(await call('cases.search', { query: '13912345678' })).toMatchObject([{ id: c.id }])
    await call('cases.altContact.remove', { caseId: c.id, altContactId: p.altContacts[0].id })
    expect(await call('cases.search', { query: '美玲' })).toEqual([])
  })
})
