import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { asc, eq } from 'drizzle-orm'
import { auditEvents, caseClosings } from '../db/schema'
import * as svc from './service'
import { getFormB } from './api'
import { caseHistory, createCase, getCase, updateCase } from '../cases/api'
import { signOff } from '../supervisor/api'
import { caseParts } from '../forms/service'
import { partTexts } from '../forms/layout'
import { FIELD_MAX } from '@shared/domain/interview/types'
import { ALL_CHECKS } from '@shared/domain/interview'

let clock = new Date('2026-11-23T02:00:00Z')
const advance = (min: number) => (clock = new Date(clock.getTime() + min * 60_000))
let t: TestDesk
beforeEach(() => {
  clock = new Date('2026-11-23T02:00:00Z')
  t = setupDesk({ now: () => clock })
})
afterEach(() => t.cleanup())

const invoke = (m: string, a: unknown) => t.router.invoke(m, a)
const auditOf = (action: string) =>
  t.desk
    .db()
    .orm.select({ actorId: auditEvents.actorId, details: auditEvents.details })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(asc(auditEvents.id))
    .all()
    .map((r) => ({ actorId: r.actorId, details: JSON.parse(r.details) as Record<string, unknown> }))

describe('an ended contact stays ended (issue 10, item 1)', () => {
  it('a second contact on the same case is 第2次 and does not touch the first', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '钟𠮶妹', contactDate: '2026-11-23' })
    const first = svc.startInterview(t.desk, { caseId: c.id })
    svc.saveFields(t.desk, { interviewId: first.id, changes: [{ field: 'notes', value: '第一次：到访，讲述欠薪经过', revision: 1 }] })
    svc.finishInterview(t.desk, { interviewId: first.id })
    advance(60 * 24 * 4)
    const second = svc.startInterview(t.desk, { caseId: c.id, workForm: 'phone' })
    expect(second.id).not.toBe(first.id)
    expect(second.workCount).toBe(2)
    expect(second.texts.notes).toBe('')
    svc.saveFields(t.desk, { interviewId: second.id, changes: [{ field: 'notes', value: '第二次：电话联系其妹妹', revision: 1 }] })
    expect(getFormB(t.desk, first.id).record).toBe('第一次：到访，讲述欠薪经过')
    expect(getFormB(t.desk, second.id)).toMatchObject({ workCount: 2, record: '第二次：电话联系其妹妹' })
  })

  it('the main process refuses every write to an ended contact, whatever the screen sends', async () => {
    const s = svc.startInterview(t.desk, { petitionerName: '黄一' })
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'notes', value: '原记录', revision: 1 }] })
    svc.finishInterview(t.desk, { interviewId: s.id })
    const before = JSON.stringify(svc.getInterview(t.desk, s.id))
    const id = s.id
    const writes: [string, unknown][] = [
      ['interview.save', { interviewId: id, changes: [{ field: 'notes', value: '改写', revision: 99 }] }],
      ['interview.setStage', { interviewId: id, stage: 'policy' }],
      ['interview.emotion', { interviewId: id, level: 'calm' }],
      ['interview.check', { interviewId: id, checkId: ALL_CHECKS[0], checked: true }],
      ['interview.setMeta', { interviewId: id, patch: { workForm: 'phone' } }],
      ['interview.setMeta', { interviewId: id, patch: { outputLang: 'yue-HK' } }],
      ['interview.event', { interviewId: id, kind: 'pause' }],
      ['interview.crisis', { interviewId: id, kind: 'selfHarm' }],
      ['interview.followUp', { interviewId: id, shortDate: '2026-11-26' }]
    ]
    for (const [m, a] of writes) {
      const r = await invoke(m, a)
      expect(r, m).toMatchObject({ ok: false })
      if ((r as { code: string }).code !== 'BAD_ARGS') expect(r, m).toMatchObject({ code: 'CONFLICT', messageKey: 'interview:errors.ended' })
    }
    expect(await invoke('interview.save', { interviewId: id, changes: [{ field: 'notes', value: '改写', revision: 99 }] })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'interview:errors.ended'
    })
    // Ending again changes nothing (no second end time, no second audit event).
    advance(30)
    expect(svc.finishInterview(t.desk, { interviewId: id }).endedAt).toBe(JSON.parse(before).endedAt)
    expect(auditOf('interview.finished')).toHaveLength(1)
    expect(JSON.stringify(svc.getInterview(t.desk, id))).toBe(before)
  })

  it('a correction is deliberate: a reason, the earlier text kept, the audit names who; a signed-off Form B says it was changed after sign-off', async () => {
    const s = svc.startInterview(t.desk, { petitionerName: '黄二' })
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'notes', value: '案主于周二到访', revision: 1 }] })
    svc.finishInterview(t.desk, { interviewId: s.id })
    expect(await invoke('interview.correct', { interviewId: s.id, reason: '  ', changes: [{ field: 'notes', value: '案主于周三到访' }] })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    const open = svc.startInterview(t.desk, { caseId: s.caseId })
    expect(await invoke('interview.correct', { interviewId: open.id, reason: '记错', changes: [{ field: 'notes', value: 'x' }] })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'interview:errors.correctOpen'
    })
    signOff(t.desk, { kind: 'B', subjectId: s.id, opinion: '记录清楚' })
    advance(60)
    const r = (await invoke('interview.correct', { interviewId: s.id, reason: '日期记错，应为周三', changes: [{ field: 'notes', value: '案主于周三到访' }] })) as {
      ok: true
      value: ReturnType<typeof svc.getInterview>
    }
    expect(r.ok).toBe(true)
    expect(r.value.texts.notes).toBe('案主于周三到访')
    expect(r.value.corrections).toEqual([
      expect.objectContaining({ changedFields: ['notes'], before: { notes: '案主于周二到访' }, reason: '日期记错，应为周三', byName: '陈督导', afterSignoff: true })
    ])
    const [a] = auditOf('interview.corrected')
    expect(a.actorId).toBe(t.desk.session!.userId)
    expect(a.details).toMatchObject({ interviewId: s.id, fields: ['notes'], afterSignoff: true })
    expect(JSON.stringify(a.details)).not.toContain('周三')
    // The printed Form B carries the note under the signature.
    const printed = caseParts(t.desk, { caseId: s.caseId, form: 'B', interviewId: s.id, lang: 'zh-CN' }).parts.flatMap(partTexts).join('')
    expect(printed).toContain('签批后更正')
    expect(printed).toContain('日期记错，应为周三')
    // A late autosave from an old screen cannot undo the correction either.
    expect(await invoke('interview.save', { interviewId: s.id, changes: [{ field: 'notes', value: '案主于周二到访', revision: 5 }] })).toMatchObject({ ok: false })
  })

  it('a correction is measured in characters: a name with 𠮶 at the field\'s limit is taken, one more is refused', async () => {
    const s = svc.startInterview(t.desk, { petitionerName: '钟妹' })
    svc.finishInterview(t.desk, { interviewId: s.id })
    // 200 characters, 400 UTF-16 units: the limit counts what a person sees.
    const atLimit = '𠮶'.repeat(FIELD_MAX.petitionerName)
    const ok = await invoke('interview.correct', { interviewId: s.id, reason: '姓名写错', changes: [{ field: 'petitionerName', value: atLimit }] })
    expect(ok).toMatchObject({ ok: true })
    expect(await invoke('interview.correct', { interviewId: s.id, reason: '姓名写错', changes: [{ field: 'petitionerName', value: atLimit + '妹' }] })).toMatchObject({
      ok: false,
      code: 'BAD_ARGS',
      field: 'petitionerName'
    })
  })

  it('a Form B cannot be signed off while its contact is still open', async () => {
    const s = svc.startInterview(t.desk, { petitionerName: '黄三' })
    expect(() => signOff(t.desk, { kind: 'B', subjectId: s.id, opinion: '好' })).toThrow(expect.objectContaining({ messageKey: 'supervisor:signoff.errors.notEnded' }))
  })

  it('after a restart, 会谈 offers only the contacts this worker started and did not end', () => {
    const a = svc.startInterview(t.desk, { petitionerName: '未结束' })
    const b = svc.startInterview(t.desk, { petitionerName: '已结束' })
    svc.finishInterview(t.desk, { interviewId: b.id })
    expect(svc.unfinishedInterviews(t.desk).map((x) => x.id)).toEqual([a.id])
    expect(svc.unfinishedInterviews(t.desk)[0]).toMatchObject({ name: '未结束', workCount: 1 })
  })
})

describe('the app proposes, the worker decides (issue 10, item 5)', () => {
  const typed = () => {
    const s = svc.startInterview(t.desk, { petitionerName: '周八', outputLang: 'yue-HK' })
    svc.saveFields(t.desk, {
      interviewId: s.id,
      changes: [
        { field: 'surfaceDemand', value: '要求补发拖欠的工资', revision: 1 },
        { field: 'experience', value: '曾到区人社局反映两次', revision: 1 }
      ]
    })
    svc.setMeta(t.desk, { interviewId: s.id, patch: { acceptedNeeds: ['mediation'] } })
    return s
  }

  it('ending an interview writes nothing into Form A (no 诉求解决 ticked, no 信访诉求及要求 filled)', () => {
    const s = typed()
    const before = getCase(t.desk, s.caseId)
    svc.finishInterview(t.desk, { interviewId: s.id })
    const after = getCase(t.desk, s.caseId)
    expect(after.fields).toEqual(before.fields)
    expect(after.fields.needs).not.toContain('demandResolution')
    expect(after.fields.demands).toBe('')
    expect(caseHistory(t.desk, s.caseId)).toEqual([])
  })

  it('accepting (edited) fills empty fields with the contact named in the history; declining writes nothing and is not asked again', async () => {
    const s = typed()
    svc.finishInterview(t.desk, { interviewId: s.id })
    const p = svc.formAProposal(t.desk, { interviewId: s.id })
    expect(p).toMatchObject({ workCount: 1, decided: null })
    expect(p.items).toEqual(
      expect.arrayContaining([
        { field: 'demands', value: '要求补发拖欠的工资' },
        { field: 'petitionHistory', value: '曾到区人社局反映两次' },
        { field: 'needs', value: ['demandResolution'] }
      ])
    )
    // Meanwhile the worker typed 信访经历 on Form A: the proposal for it is refused, never overwriting.
    updateCase(t.desk, s.caseId, { petitionHistory: '社工记录的经历' })
    const clash = await invoke('interview.decideProposal', { interviewId: s.id, decision: 'accept', items: p.items })
    expect(clash).toMatchObject({ ok: false, code: 'CONFLICT', field: 'petitionHistory' })
    expect(getCase(t.desk, s.caseId).fields.demands).toBe('')
    const fresh = svc.formAProposal(t.desk, { interviewId: s.id })
    const edited = fresh.items.map((i) => (i.field === 'demands' ? { ...i, value: '要求补发三个月工资' } : i))
    const done = await invoke('interview.decideProposal', { interviewId: s.id, decision: 'accept', items: edited })
    expect(done).toMatchObject({ ok: true, value: { decided: 'accepted', items: [] } })
    const c = getCase(t.desk, s.caseId)
    expect(c.fields.demands).toBe('要求补发三个月工资')
    expect(c.fields.petitionHistory).toBe('社工记录的经历')
    expect(c.fields.needs).toContain('demandResolution')
    const [accepted, typedByWorker] = caseHistory(t.desk, s.caseId)
    expect(accepted.source).toEqual({ kind: 'interviewProposal', interviewId: s.id, workCount: 1 })
    expect(typedByWorker.source).toBeNull()
    expect(auditOf('cases.update').at(-1)!.details).toMatchObject({ source: `interview:${s.id}` })

    const other = typed()
    svc.finishInterview(t.desk, { interviewId: other.id })
    expect(await invoke('interview.decideProposal', { interviewId: other.id, decision: 'decline' })).toMatchObject({ ok: true, value: { decided: 'declined', items: [] } })
    expect(getCase(t.desk, other.caseId).fields.demands).toBe('')
    expect(await invoke('interview.decideProposal', { interviewId: other.id, decision: 'accept', items: [] })).toMatchObject({ code: 'CONFLICT' })
  })

  it('an empty 开案/转入日期 is kept empty (read as the first contact), not written in the worker’s name', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '周', contactDate: '2026-11-01' })
    const closing = { category: 'end', openedDate: '', closedDate: '2026-11-23', transferReason: null, transferReasonOther: '', closingType: 'goalsMet', closingTypeOther: '', linkedResources: '', contactedDepartments: '', goals: [], reflection: '', workerSignedDate: '', transferTo: '' } as const
    return invoke('cases.close', { id: c.id, closing, finalize: false }).then(() => {
      expect(t.desk.db().orm.select({ openedDate: caseClosings.openedDate }).from(caseClosings).where(eq(caseClosings.caseId, c.id)).get()?.openedDate).toBe('')
      expect(getCase(t.desk, c.id).closing?.openedDate).toBe('2026-11-01')
    })
  })
})
