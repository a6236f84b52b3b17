import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, WORKER, SUPERVISOR, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { createCase, saveClosing, updateCase } from '../cases/api'
import { finishInterview, startInterview } from '../interview/service'
import { getSignoff, listSignoffQueue, signOff, signoffQueueCounts, signoffRecord } from './api'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

describe('sign-off queue', () => {
  it('lists what waits (A after the worker signs the plan, B after an interview ends, C after closing) and removes what is signed', () => {
    d = setupDesk({ now: () => new Date('2026-03-05T06:00:00Z') })
    const desk = d.desk
    const planned = createCase(desk, { partyKind: 'person', name: '黄𠮶明', summary: '欠薪', contactDate: '2026-03-01' })
    const fresh = createCase(desk, { partyKind: 'person', name: '陳堃', contactDate: '2026-03-01' })
    expect(listSignoffQueue(desk)).toEqual([])

    updateCase(desk, planned.id, { workerSignedDate: '2026-03-02', serviceGoals: '三个月内领回工资' })
    const iv = startInterview(desk, { caseId: fresh.id })
    finishInterview(desk, { interviewId: iv.id })
    saveClosing(
      desk,
      fresh.id,
      {
        category: 'end',
        openedDate: '2026-03-01',
        closedDate: '2026-03-05',
        transferReason: null,
        transferReasonOther: '',
        closingType: 'goalsMet',
        closingTypeOther: '',
        linkedResources: '',
        contactedDepartments: '',
        goals: [{ seq: 1, goal: '领回工资', achievement: '已完成', note: '' }],
        reflection: '及早联系劳动监察',
        workerSignedDate: '2026-03-05',
        transferTo: ''
      },
      { finalize: true }
    )
    const queue = listSignoffQueue(desk)
    const keys = queue.map((q) => `${q.kind}:${q.caseNo}`)
    expect(keys).toContain(`A:${planned.caseNo}`)
    expect(keys).toContain(`B:${fresh.caseNo}`)
    expect(keys).toContain(`C:${fresh.caseNo}`)
    expect(signoffQueueCounts(desk)).toEqual({ A: 2, B: 1, C: 1 })
    expect(listSignoffQueue(desk, ['A', 'B', 'C'], 1).length).toBe(3)
    const b = queue.find((q) => q.kind === 'B')!
    expect(b.subjectId).toBe(iv.id)
    expect(b.workCount).toBe(1)

    // Opening one shows the record through the owners' APIs.
    const recA = signoffRecord(desk, 'A', planned.id)
    expect(recA.caseNo).toBe(planned.caseNo)
    expect(recA.fields.find((f) => f.label === 'signoff.fields.serviceGoals')?.value).toBe('三个月内领回工资')
    expect(signoffRecord(desk, 'C', fresh.id).fields.find((f) => f.label === 'signoff.fields.reflection')?.value).toBe('及早联系劳动监察')
    expect(signoffRecord(desk, 'B', iv.id).caseNo).toBe(fresh.caseNo)

    // Signing records the name and time; the form prints it; the queue drops it.
    const s = signOff(desk, { kind: 'A', subjectId: planned.id, opinion: '同意立案，注意工资追讨时限。' })
    expect(s).toMatchObject({ kind: 'A', subjectId: planned.id, signerName: SUPERVISOR.displayName, opinion: '同意立案，注意工资追讨时限。' })
    expect(getSignoff(desk, 'A', planned.id)).toEqual(s)
    expect(getSignoff(desk, 'B', iv.id)).toBeNull()
    expect(listSignoffQueue(desk).map((q) => `${q.kind}:${q.caseNo}`)).not.toContain(`A:${planned.caseNo}`)
    signOff(desk, { kind: 'B', subjectId: iv.id, opinion: '情绪疏导到位。' })
    signOff(desk, { kind: 'C', subjectId: fresh.id, opinion: '目标达成，同意结案。' })
    // A closed case whose Form A was never signed still waits for its 立案签批.
    expect(listSignoffQueue(desk).map((q) => `${q.kind}:${q.caseNo}`)).toEqual([`A:${fresh.caseNo}`])
    signOff(desk, { kind: 'A', subjectId: fresh.id, opinion: '补签：同意立案。' })
    expect(listSignoffQueue(desk)).toEqual([])
    // Each sign-off is an audit event on the case.
    const n = desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'signoff.sign'`).get() as { n: number }
    expect(n.n).toBe(4)
  })

  it('refuses an empty opinion, an unknown form, and a worker (in the main process)', async () => {
    d = setupDesk()
    const c = createCase(d.desk, { partyKind: 'person', name: '李小梅' })
    expect(() => signOff(d!.desk, { kind: 'A', subjectId: c.id, opinion: '  ' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'supervisor:signoff.errors.opinionRequired' }))
    expect(() => signOff(d!.desk, { kind: 'B', subjectId: 999, opinion: 'x' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND', messageKey: 'supervisor:signoff.errors.notFound' }))
    session.logout(d.desk)
    session.login(d.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    expect(await d.router.invoke('signoff.sign', { kind: 'A', subjectId: c.id, opinion: '同意' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await d.router.invoke('signoff.queue', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await d.router.invoke('signoff.get', { kind: 'A', subjectId: c.id })).toEqual({ ok: true, value: null })
  })
})
