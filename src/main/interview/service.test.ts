import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import * as svc from './service'
import { getFormB, listInterviews } from './api'
import { getCase, updateCase } from '../cases/api'

// A fixed clock: Monday 2026-11-23, 10:00 in Guangzhou (02:00Z), advanced by tests.
let clock = new Date('2026-11-23T02:00:00Z')
const advance = (min: number) => (clock = new Date(clock.getTime() + min * 60_000))

describe('interview service (real encrypted desk)', () => {
  let t: TestDesk
  beforeEach(() => {
    clock = new Date('2026-11-23T02:00:00Z')
    t = setupDesk({ now: () => clock })
  })
  afterEach(() => t.cleanup())

  it('starts a walk-in interview, creating its case, with the rapport stage running', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '黄𠮶堃', outputLang: 'yue-HK' })
    expect(s.caseId).toBeGreaterThan(0)
    expect(s.caseNo).toMatch(/^2026-\d{6}$/)
    expect(s.outputLang).toBe('yue-HK')
    expect(s.stage).toBe('rapport')
    expect(s.stages).toHaveLength(1)
    expect(s.workCount).toBe(1)
  })

  it('autosave keeps the newest text when saves arrive out of order', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '张三' })
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'notes', value: '欠薪三个月，家里两个孩子', revision: 3 }] })
    // A slower, older save lands afterwards: it must not overwrite.
    const late = svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'notes', value: '欠薪', revision: 2 }] })
    expect(late.revisions.notes).toBe(3)
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'surfaceDemand', value: '追讨工资', revision: 1 }] })
    const back = svc.getInterview(t.desk, s.id)
    expect(back.texts.notes).toBe('欠薪三个月，家里两个孩子')
    expect(back.texts.surfaceDemand).toBe('追讨工资')
    expect(back.revisions.notes).toBe(3)
  })

  it('records stage times, emotions with time, checks, and counts 工作次数 per case', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '李四' })
    advance(16)
    svc.setStage(t.desk, { interviewId: s.id, stage: 'emotion' })
    svc.recordEmotion(t.desk, { interviewId: s.id, level: 'crying' })
    svc.setCheck(t.desk, { interviewId: s.id, checkId: 'introduced', checked: true })
    expect(() => svc.setCheck(t.desk, { interviewId: s.id, checkId: 'nope', checked: true })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'interview:errors.unknownCheck' }))
    const back = svc.getInterview(t.desk, s.id)
    expect(back.stages.map((x) => x.stage)).toEqual(['rapport', 'emotion'])
    expect(back.stages[0].leftAt).toBe('2026-11-23T02:16:00.000Z')
    expect(back.emotions).toEqual([{ level: 'crying', at: '2026-11-23T02:16:00.000Z' }])
    expect(back.checks[0]).toMatchObject({ checkId: 'introduced', checked: true })
    advance(60 * 24 * 3)
    const second = svc.startInterview(t.desk, { caseId: s.caseId })
    expect(second.workCount).toBe(2)
    expect(listInterviews(t.desk, s.caseId).map((x) => x.workCount)).toEqual([1, 2])
  })

  it('crisis: sets the risk level, time-stamps steps, and notifies the supervisor in the app', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '王五' })
    const notices: unknown[] = []
    t.desk.on('notice', (n) => notices.push(n))
    advance(20)
    const open = svc.crisis(t.desk, { interviewId: s.id, kind: 'selfHarm' })
    expect(open.riskLevel).toBe('critical')
    svc.crisis(t.desk, { interviewId: s.id, kind: 'selfHarm', step: 'stayWith' })
    svc.crisis(t.desk, { interviewId: s.id, kind: 'selfHarm', step: 'notifySupervisor' })
    expect(notices).toHaveLength(2)
    expect(notices[0]).toMatchObject({ kind: 'crisis.selfHarm', caseId: s.caseId })
    const back = svc.getInterview(t.desk, s.id)
    expect(back.riskLevel).toBe('critical')
    const c = getCase(t.desk, s.caseId)
    expect(c.riskLevel).toBe('critical')
    expect(c.flowActions.map((a) => [a.flow, a.step, a.at])).toEqual([
      ['crisis', 'gradedWarning', '2026-11-23T02:20:00.000Z'],
      ['crisis', 'supportSteps', '2026-11-23T02:20:00.000Z'],
      ['crisis', 'supervisorTold', '2026-11-23T02:20:00.000Z']
    ])
    expect(back.events.filter((e) => e.kind.startsWith('crisis')).map((e) => e.detail)).toEqual([
      'selfHarm:critical',
      'selfHarm:stayWith',
      'selfHarm:notifySupervisor'
    ])
  })

  it('follow-ups: 3–7 days and 1–3 months from the interview day, else refused', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '赵六' })
    expect(() => svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-25' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'interview:errors.shortFollowUpRange' }))
    expect(() => svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-26', midDate: '2027-02-24' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'interview:errors.midFollowUpRange' }))
    const r = svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-26', midDate: '2026-12-23' })
    expect(r).toEqual({ followUpDate: '2026-11-26', followUpMidDate: '2026-12-23' })
    const f = getCase(t.desk, s.caseId).followUps.map((x) => [x.kind, x.dueDate, x.interviewId])
    expect(f).toEqual([
      ['short', '2026-11-26', s.id],
      ['mid', '2026-12-23', s.id]
    ])
  })

  it('becomes a Form B record', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '陈七', outputLang: 'zh-CN' })
    svc.saveFields(t.desk, {
      interviewId: s.id,
      changes: [
        { field: 'purpose', value: '了解欠薪诉求，疏导情绪', revision: 1 },
        { field: 'notes', value: '信访人情绪激动，讲述被拖欠工资经过。', revision: 1 },
        { field: 'wWhen', value: '2026年8月起', revision: 1 },
        { field: 'assessment', value: '诉求明确，有生活困难', revision: 1 },
        { field: 'followUpPlan', value: '协助整理证据，跟进劳动监察', revision: 1 }
      ]
    })
    svc.setMeta(t.desk, { interviewId: s.id, patch: { acceptedNeeds: ['livingAssistance'] } })
    svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-26' })
    advance(55)
    svc.finishInterview(t.desk, { interviewId: s.id })
    const b = getFormB(t.desk, s.id)
    expect(b).toMatchObject({
      subject: '陈七',
      date: '2026-11-23',
      time: '10:00–10:55',
      workCount: 1,
      workForm: 'faceToFace',
      purpose: '了解欠薪诉求，疏导情绪',
      assessment: '诉求明确，有生活困难'
    })
    expect(b.record).toContain('信访人情绪激动')
    expect(b.record).toContain('何时：2026年8月起')
    expect(b.record).toContain('深层需求：紧急生活救助')
    expect(b.followUpPlan).toContain('协助整理证据')
    expect(b.followUpPlan).toContain('2026-11-26')
    // Form A is proposed, not written: the language and needs wait for the worker's say.
    const c = getCase(t.desk, s.caseId)
    expect(c.fields.name).toBe('陈七')
    expect(c.fields.language).toEqual([])
    expect(svc.formAProposal(t.desk, { interviewId: s.id }).items).toEqual(
      expect.arrayContaining([{ field: 'language', value: 'putonghua' }, { field: 'needs', value: ['resourceLinking'] }])
    )
  })

  it('proposes Form A of a new case from the first interview; accepting fills only what the case has nothing in', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '周八', outputLang: 'yue-HK' })
    updateCase(t.desk, s.caseId, { personality: '已有描述' })
    svc.saveFields(t.desk, {
      interviewId: s.id,
      changes: [
        { field: 'surfaceDemand', value: '要求补发拖欠的工资', revision: 1 },
        { field: 'experience', value: '曾到区人社局反映两次', revision: 1 },
        { field: 'personality', value: '说话急，反复强调', revision: 1 }
      ]
    })
    svc.finishInterview(t.desk, { interviewId: s.id })
    const p = svc.formAProposal(t.desk, { interviewId: s.id })
    expect(p.items.map((i) => i.field)).not.toContain('personality')
    svc.decideFormAProposal(t.desk, { interviewId: s.id, decision: 'accept', items: p.items })
    const c = getCase(t.desk, s.caseId)
    expect(c.fields.demands).toBe('要求补发拖欠的工资')
    expect(c.fields.petitionHistory).toBe('曾到区人社局反映两次')
    expect(c.fields.personality).toBe('已有描述')
    expect(c.fields.language).toEqual(['cantonese'])
    // A case recorded as 广东话 starts its next interview in 粵語.
    const next = svc.startInterview(t.desk, { caseId: s.caseId })
    expect(next.outputLang).toBe('yue-HK')
    expect(next.workCount).toBe(2)
  })

  it('takes the route and rule dates recorded on the case (受理日期 → the 60-day line)', () => {
    const first = svc.startInterview(t.desk, { petitionerName: '吴九' })
    updateCase(t.desk, first.caseId, { inPetitionProcedure: true, acceptedDate: '2026-11-20' })
    const s = svc.startInterview(t.desk, { caseId: first.caseId })
    expect(s.route).toBe('petition')
    expect(s.ruleDates.accepted).toBe('2026-11-20')
    expect(() => svc.setMeta(t.desk, { interviewId: s.id, patch: { ruleDates: { notARule: '2026-11-20' } } })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'errors:arg.invalid' }))
    expect(() => svc.setMeta(t.desk, { interviewId: s.id, patch: { acceptedNeeds: ['free text'] } })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'errors:arg.invalid' }))
  })
})
