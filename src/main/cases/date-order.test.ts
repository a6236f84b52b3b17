import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { translateKey } from '@shared/i18n/resources'
import { isI18nKey } from '@shared/i18n/keys'
import { createCase, getCase, updateCase } from './api'
import { startInterview } from '../interview/service'

let t: TestDesk
beforeEach(() => {
  t = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
})
afterEach(() => t.cleanup())

const invoke = (m: string, a: unknown) => t.router.invoke(m, a)
const closing = (o: Record<string, unknown> = {}) => ({
  category: 'end',
  openedDate: '2026-11-10',
  closedDate: '2026-11-20',
  transferReason: null,
  transferReasonOther: '',
  closingType: 'goalsMet',
  closingTypeOther: '',
  linkedResources: '',
  contactedDepartments: '',
  goals: [{ seq: 1, goal: '情绪平复', achievement: '已达成', note: '' }],
  reflection: '及早链接资源',
  workerSignedDate: '',
  transferTo: '',
  ...o
})
/** The refusal a user reads: a translated message in both languages, naming the field. */
function expectRefused(r: unknown, field: string, key: string) {
  expect(r).toMatchObject({ ok: false, code: 'BAD_ARGS', field, messageKey: `errors:${key}` })
  const e = r as { messageKey: string; params?: Record<string, string> }
  for (const loc of ['zh-CN', 'yue-HK'] as const) {
    const text = isI18nKey(e.messageKey) ? translateKey(loc, e.messageKey, e.params) : e.messageKey
    expect(text).not.toMatch(/dates\.|\{\{/)
  }
}

describe('dates out of order are refused by the main process (issue 10, item 3)', () => {
  it('a close dated before the opening: refused as a draft and when closing, nothing saved, the message names 结案/转出日期', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '周', contactDate: '2026-11-01' })
    for (const finalize of [false, true]) {
      const r = await invoke('cases.close', { id: c.id, closing: closing({ closedDate: '2026-11-09' }), finalize })
      expectRefused(r, 'closedDate', 'dates.closedBeforeOpened')
      expect((r as unknown as { params: { date: string } }).params.date).toBe('2026-11-10')
    }
    const after = getCase(t.desk, c.id)
    expect(after.closing).toBeNull()
    expect(after.status).toBe('intake')
    // With 开案 left empty, 初次接触 is the opening.
    expectRefused(await invoke('cases.close', { id: c.id, closing: closing({ openedDate: '', closedDate: '2026-10-31' }), finalize: true }), 'closedDate', 'dates.closedBeforeOpened')
    expect(await invoke('cases.close', { id: c.id, closing: closing(), finalize: true })).toMatchObject({ ok: true })
  })

  it('Form C: not before the last contact, not in the future when closing, signed on or after closing, opened after first contact', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '周', contactDate: '2026-11-01' })
    startInterview(t.desk, { caseId: c.id }) // a contact on 2026-11-23
    expectRefused(await invoke('cases.close', { id: c.id, closing: closing(), finalize: true }), 'closedDate', 'dates.closedBeforeLastContact')
    expectRefused(await invoke('cases.close', { id: c.id, closing: closing({ closedDate: '2026-11-24' }), finalize: true }), 'closedDate', 'dates.closedFuture')
    expectRefused(
      await invoke('cases.close', { id: c.id, closing: closing({ closedDate: '2026-11-23', workerSignedDate: '2026-11-22' }), finalize: true }),
      'workerSignedDate',
      'dates.closingSignedBeforeClosed'
    )
    expectRefused(await invoke('cases.close', { id: c.id, closing: closing({ openedDate: '2026-10-01', closedDate: '2026-11-23' }), finalize: false }), 'openedDate', 'dates.openedBeforeContact')
    expect(await invoke('cases.close', { id: c.id, closing: closing({ closedDate: '2026-11-23', workerSignedDate: '2026-11-23' }), finalize: true })).toMatchObject({ ok: true })
  })

  it('Form A: no future first contact; first contact not after a contact on record; 签名, 受理, 答复, 复查 in order', async () => {
    expectRefused(await invoke('cases.create', { partyKind: 'person', name: '王', contactDate: '2026-11-24' }), 'contactDate', 'dates.contactFuture')
    const c = createCase(t.desk, { partyKind: 'person', name: '王', contactDate: '2026-11-01' })
    startInterview(t.desk, { caseId: c.id })
    expectRefused(await invoke('cases.update', { id: c.id, patch: { contactDate: '2026-11-24' } }), 'contactDate', 'dates.contactFuture')
    t.desk.db().sqlite.prepare("UPDATE interviews SET started_at = '2026-11-15T02:00:00.000Z' WHERE case_id = ?").run(c.id)
    expectRefused(await invoke('cases.update', { id: c.id, patch: { contactDate: '2026-11-16' } }), 'contactDate', 'dates.contactAfterFirstInterview')
    expect(await invoke('cases.update', { id: c.id, patch: { contactDate: '2026-11-15' } })).toMatchObject({ ok: true })
    expectRefused(await invoke('cases.update', { id: c.id, patch: { workerSignedDate: '2026-11-14' } }), 'workerSignedDate', 'dates.signedBeforeContact')
    expectRefused(await invoke('cases.update', { id: c.id, patch: { acceptedDate: '2026-11-30' } }), 'acceptedDate', 'dates.acceptedFuture')
    expect(await invoke('cases.update', { id: c.id, patch: { acceptedDate: '2026-10-01' } })).toMatchObject({ ok: true })
    expectRefused(await invoke('cases.update', { id: c.id, patch: { opinionReceivedDate: '2026-09-30' } }), 'opinionReceivedDate', 'dates.opinionBeforeAccepted')
    expectRefused(await invoke('cases.update', { id: c.id, patch: { birth: '2026-12' } }), 'birth', 'dates.birthFuture')
    // Refused as a whole: the other fields of that save are not half-written.
    const before = getCase(t.desk, c.id)
    expectRefused(await invoke('cases.update', { id: c.id, patch: { summary: '工资拖欠', reviewReceivedDate: '2026-12-01' } }), 'reviewReceivedDate', 'dates.reviewFuture')
    expect(getCase(t.desk, c.id).fields.summary).toBe(before.fields.summary)
  })

  it('a record saved before the rules can still be edited: only problems a save adds are refused', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王', contactDate: '2026-11-01' })
    t.desk.db().sqlite.prepare("UPDATE cases SET worker_signed_date = '2026-10-01' WHERE id = ?").run(c.id)
    expect(updateCase(t.desk, c.id, { summary: '工资拖欠' }).fields.summary).toBe('工资拖欠')
  })

  it('follow-ups: not before the contact they follow, nor before the first contact', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王', contactDate: '2026-11-01' })
    const iv = startInterview(t.desk, { caseId: c.id })
    expectRefused(await invoke('cases.scheduleFollowUp', { caseId: c.id, dueDate: '2026-11-20', kind: 'short', interviewId: iv.id }), 'dueDate', 'dates.followUpBeforeContact')
    expectRefused(await invoke('cases.scheduleFollowUp', { caseId: c.id, dueDate: '2026-10-31', kind: 'mid' }), 'dueDate', 'dates.followUpBeforeFirstContact')
    expect(getCase(t.desk, c.id).followUps).toEqual([])
    expect(await invoke('cases.scheduleFollowUp', { caseId: c.id, dueDate: '2026-11-26', kind: 'short', interviewId: iv.id })).toMatchObject({ ok: true })
  })

  it('an interview’s rule dates (受理, 答复, 复查) record the past', async () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '王', contactDate: '2026-11-01' })
    const iv = startInterview(t.desk, { caseId: c.id })
    expectRefused(await invoke('interview.setMeta', { interviewId: iv.id, patch: { ruleDates: { accepted: '2026-12-01' } } }), 'ruleDates', 'dates.ruleDateFuture')
    expect(await invoke('interview.setMeta', { interviewId: iv.id, patch: { ruleDates: { accepted: '2026-11-20' } } })).toMatchObject({ ok: true })
  })
})
