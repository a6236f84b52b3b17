import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { asc, eq } from 'drizzle-orm'
import { auditEvents } from '../db/schema'
import * as svc from './service'
import { getCase, setRiskLevel, createCase } from '../cases/api'
import { setSetting } from '../settings/settings'

const clock = new Date('2026-11-23T02:00:00Z') // Mon 10:00 in Guangzhou

describe('crisis mode (real encrypted desk)', () => {
  let t: TestDesk
  beforeEach(() => {
    t = setupDesk({ now: () => clock })
  })
  afterEach(() => t.cleanup())

  it('a confirmed self-harm risk puts the case in crisis mode until its level comes down', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '陈美玲', outputLang: 'yue-HK' })
    expect(svc.getInterview(t.desk, s.id).crisis).toBeNull()
    svc.crisis(t.desk, { interviewId: s.id, kind: 'selfHarm', riskLevel: 'critical' })
    expect(svc.getInterview(t.desk, s.id).crisis).toMatchObject({ kind: 'selfHarm', level: 'critical' })
    expect(svc.caseCrisis(t.desk, s.caseId)).toMatchObject({ kind: 'selfHarm' })
    setRiskLevel(t.desk, s.caseId, 'medium', 'calmer')
    expect(svc.caseCrisis(t.desk, s.caseId)).toBeNull()
  })

  it('a group visit is not crisis mode; a high-risk case is', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '多人' })
    svc.crisis(t.desk, { interviewId: s.id, kind: 'group' })
    expect(svc.getInterview(t.desk, s.id).crisis).toBeNull()
  })

  it('from the case page (no interview): the risk is set, the supervisors told, a step time-stamped', () => {
    const c = createCase(t.desk, { partyKind: 'person', name: '李强' })
    const notices: unknown[] = []
    t.desk.on('notice', (n) => notices.push(n))
    svc.crisis(t.desk, { caseId: c.id, kind: 'violence', riskLevel: 'high' })
    svc.crisis(t.desk, { caseId: c.id, kind: 'violence', step: 'dissuade' })
    expect(notices).toEqual([expect.objectContaining({ kind: 'crisis.violence', caseId: c.id })])
    const back = getCase(t.desk, c.id)
    expect(back.riskLevel).toBe('high')
    expect(back.flowActions.map((a) => [a.flow, a.step])).toEqual([
      ['crisis', 'gradedWarning'],
      ['crisis', 'supportSteps']
    ])
    // No raw key or interview reference in the case's flow notes (issue 10 item 8).
    expect(back.flowActions.every((a) => a.note === '')).toBe(true)
    expect(svc.caseCrisis(t.desk, c.id)).toMatchObject({ kind: 'violence', level: 'high' })
  })

  it('a high or critical case may book the next contact within 24 hours; an ordinary case may not', () => {
    const calm = svc.startInterview(t.desk, { petitionerName: '赵六' })
    expect(() => svc.scheduleFollowUps(t.desk, { interviewId: calm.id, shortDate: '2026-11-24' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'interview:errors.shortFollowUpRange' }))
    const s = svc.startInterview(t.desk, { petitionerName: '陈美玲' })
    svc.crisis(t.desk, { interviewId: s.id, kind: 'selfHarm', riskLevel: 'critical' })
    expect(svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-24' }).followUpDate).toBe('2026-11-24')
    expect(getCase(t.desk, s.caseId).followUps.map((f) => f.dueDate)).toEqual(['2026-11-24'])
    expect(() => svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-22' })).toThrow(expect.objectContaining({ code: 'BAD_ARGS', messageKey: 'interview:errors.crisisFollowUpRange' }))
  })

  it('the on-duty supervisor number and the address reach the interview (settings)', () => {
    setSetting(t.desk, 'dutyPhone', '13800000000')
    setSetting(t.desk, 'orgAddress', '某区某路1号')
    expect(svc.contacts(t.desk)).toMatchObject({ dutyPhone: '13800000000', orgAddress: '某区某路1号' })
  })
})

describe('risk cues: the worker decides (real encrypted desk)', () => {
  let t: TestDesk
  beforeEach(() => {
    t = setupDesk({ now: () => clock })
  })
  afterEach(() => t.cleanup())

  it('raises the level only on the answer, and audits the cue and the answer without the words', () => {
    const s = svc.startInterview(t.desk, { petitionerName: '陈美玲', outputLang: 'yue-HK' })
    svc.saveFields(t.desk, { interviewId: s.id, changes: [{ field: 'notes', value: '今次係我最後一次嚟㗎喇', revision: 1 }] })
    expect(getCase(t.desk, s.caseId).riskLevel).toBe('none')
    expect(svc.answerRiskCue(t.desk, { interviewId: s.id, kind: 'goodbye', answer: 'dismiss' }).riskLevel).toBe('none')
    expect(svc.answerRiskCue(t.desk, { interviewId: s.id, kind: 'goodbye', answer: 'raise' }).riskLevel).toBe('critical')
    const c = getCase(t.desk, s.caseId)
    expect(c.riskLevel).toBe('critical')
    expect(c.risk?.reason).toBe('riskCue.goodbye')
    const audit = t.desk
      .db()
      .orm.select({ details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'interview.riskCue'))
      .orderBy(asc(auditEvents.id))
      .all()
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([
      expect.objectContaining({ cue: 'goodbye', suggested: 'critical', answer: 'dismiss' }),
      expect.objectContaining({ cue: 'goodbye', suggested: 'critical', answer: 'raise' })
    ])
    expect(audit.map((a) => a.details).join('')).not.toContain('最後一次')
    // A high case may book tomorrow's call: the next-day call after a cue.
    expect(svc.scheduleFollowUps(t.desk, { interviewId: s.id, shortDate: '2026-11-24' }).followUpDate).toBe('2026-11-24')
  })
})
