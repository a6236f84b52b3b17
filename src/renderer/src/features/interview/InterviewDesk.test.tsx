import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { InterviewState } from '@shared/domain/interview/types'
import type { InterviewPeople } from '@shared/domain/interview/people'
import type { SessionInfo } from '@shared/domain/session/types'
import { NO_EVENTS } from '@shared/domain/interview/route-promises'
import type { Method } from '@shared/ipc/contract'
import { initI18n } from '../../app/i18n'
import { answering, type FakeAnswers, type FakeInvoke } from '../../test-support/fake-desk-client'

/**
 * The interview desk as the worker uses it for the hour: its keys, the writes each change sends to
 * the main process (and a failed one shown in words), and nothing typed lost when the desk is left
 * or locks. Its state is desk-state.ts (unit-tested there); this checks the component wires it.
 */
let invoke: FakeInvoke = answering({})
const listeners = new Map<string, () => void>()
vi.mock('../../app/desk-client', async () =>
  (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a), {
    on: (event: string, fn: () => void) => {
      listeners.set(event, fn)
      return () => listeners.delete(event)
    }
  } as never)
)
const { InterviewDesk } = await import('./InterviewDesk')
const { SessionContext } = await import('../../app/session-context')
const { CallFailures, clearFailures } = await import('../../app/calls')

initI18n('zh-CN')

const people: InterviewPeople = {
  caseId: 3,
  hardOfHearing: false,
  foreignNational: false,
  nationality: '',
  hukou: null,
  partyKind: 'person',
  headcount: null,
  collective: false,
  age: null,
  education: null,
  formASpoken: null,
  language: null
} as unknown as InterviewPeople

const interview = (over: Partial<InterviewState> = {}): InterviewState =>
  ({
    id: 7,
    caseId: 3,
    caseNo: '2026-000003',
    workerId: 1,
    workerName: '陈社工',
    outputLang: 'zh-CN',
    workForm: 'faceToFace',
    location: 'other',
    matterType: '',
    route: '',
    stage: 'rapport',
    startedAt: new Date().toISOString(),
    endedAt: null,
    followUpDate: null,
    followUpMidDate: null,
    acceptedNeeds: [],
    ruleDates: {},
    workCount: 1,
    texts: {},
    revisions: {},
    stages: [],
    emotions: [],
    checks: [],
    events: [],
    riskLevel: 'none',
    caseRoute: { diversion: null, inPetitionProcedure: false, contactDate: '2026-12-05', collective: false, events: NO_EVENTS },
    crisis: null,
    corrections: [],
    people,
    ...over
  }) as InterviewState

const session: SessionInfo = { userId: 1, displayName: '陈社工', loginName: 'chen', role: 'worker', locale: 'zh-CN', lockAt: '', idleMinutes: 5 }
let sent: [Method, unknown][] = []
const base: FakeAnswers = {
  'interview.contacts': () => ({ orgName: '接待大厅', orgPhone: '020-1234', orgAddress: '', dutyPhone: '020-5678', siteContacts: [] }),
  'cases.people': () => ({ caseId: 3, confidential: false, confidentialSince: null, altContacts: [], otherVisits: [], openings: null }),
  'interview.setStage': () => ({ at: '' }),
  'interview.emotion': () => ({ at: '' }),
  'interview.check': () => ({ at: '' }),
  'interview.setMeta': () => ({ at: '' }) as never,
  'interview.save': () => ({ revisions: { notes: 1 }, savedAt: '2026-12-05T09:00:00.000Z' })
}
const answer = (over: FakeAnswers = {}) => {
  const inner = answering({ ...base, ...over })
  invoke = ((m: Method, a: never) => {
    sent.push([m, a])
    return inner(m, a)
  }) as FakeInvoke
}
const callsOf = (m: Method) => sent.filter(([x]) => x === m).map(([, a]) => a)
const settle = async () => {
  for (let i = 0; i < 4; i++) await act(async () => new Promise((r) => setTimeout(r, 0)))
}
const key = async (k: string, init: Record<string, unknown> = {}) => {
  await act(async () => void fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init }))
}
const stageTabs = () => screen.getAllByRole('tablist')[0]
const selectedStage = () => stageTabs().querySelector('[aria-selected="true"]')?.textContent
const selectedCaptureTab = () => document.querySelector('[data-tab][aria-selected="true"]')?.getAttribute('data-tab')

async function open(over: Partial<InterviewState> = {}, onNewWalkIn = () => {}) {
  const r = render(
    <SessionContext.Provider value={{ session, refresh: async () => {} }}>
      <CallFailures />
      <InterviewDesk initial={interview(over)} onNewWalkIn={onNewWalkIn} />
    </SessionContext.Provider>
  )
  await settle()
  return r
}

beforeEach(() => {
  sent = []
  answer()
})
afterEach(() => {
  cleanup()
  clearFailures()
  listeners.clear()
})

describe('the interview desk', () => {
  it('F2 steps the stage and records each step, staying on the last; Shift+F2 goes back', async () => {
    await open()
    expect(selectedStage()).toContain('1.')
    for (let i = 0; i < 5; i++) await key('F2')
    expect(selectedStage()).toContain('4.')
    expect(callsOf('interview.setStage').map((a) => (a as { stage: string }).stage)).toEqual(['emotion', 'policy', 'closing', 'closing', 'closing'])
    await key('F2', { shiftKey: true })
    expect(selectedStage()).toContain('3.')
    expect(callsOf('interview.setStage').at(-1)).toEqual({ interviewId: 7, stage: 'policy' })
  })

  it('F3 cycles the capture tabs round, Shift+F3 back, F4 returns to the notes and focuses them', async () => {
    await open()
    expect(selectedCaptureTab()).toBe('notes')
    await key('F3')
    expect(selectedCaptureTab()).toBe('fiveW')
    await key('F3', { shiftKey: true })
    await key('F3', { shiftKey: true })
    expect(selectedCaptureTab()).toBe('people')
    await key('F4')
    await settle()
    expect(selectedCaptureTab()).toBe('notes')
    expect(document.activeElement?.tagName).toBe('TEXTAREA')
  })

  it('no key acts while an input method is composing', async () => {
    await open()
    await key('F2', { isComposing: true })
    await key('F1', { isComposing: true })
    expect(selectedStage()).toContain('1.')
    expect(callsOf('interview.setStage')).toEqual([])
    expect(screen.queryByTestId('cheatsheet')).toBeNull()
  })

  it('F1 and ? open the key sheet, Esc closes it; F9 opens the crisis card', async () => {
    await open()
    await key('F1')
    expect(screen.getByTestId('cheatsheet')).toBeTruthy()
    await key('Escape')
    expect(screen.queryByTestId('cheatsheet')).toBeNull()
    await key('?')
    expect(screen.getByTestId('cheatsheet')).toBeTruthy()
    await key('?')
    expect(screen.queryByTestId('cheatsheet')).toBeNull()
    await key('F9')
    expect(screen.getByTestId('crisis')).toBeTruthy()
  })

  it('Alt+L switches the lines to 粵語 and records it', async () => {
    await open()
    expect(screen.getByTestId('interview').getAttribute('data-lang')).toBe('zh-CN')
    await key('l', { altKey: true, code: 'KeyL' })
    expect(screen.getByTestId('interview').getAttribute('data-lang')).toBe('yue-HK')
    expect(callsOf('interview.setMeta')).toEqual([{ interviewId: 7, patch: { outputLang: 'yue-HK' } }])
  })

  it('a check ticked and unticked is recorded each time; the gauge records a reading', async () => {
    await open()
    const box = document.querySelector('[data-check]') as HTMLInputElement
    const checkId = box.getAttribute('data-check')
    await act(async () => void fireEvent.click(box))
    expect(box.checked).toBe(true)
    await act(async () => void fireEvent.click(box))
    expect(box.checked).toBe(false)
    expect(callsOf('interview.check')).toEqual([
      { interviewId: 7, checkId, checked: true },
      { interviewId: 7, checkId, checked: false }
    ])
    const gauge = screen.getByRole('group', { name: /情绪/ })
    await act(async () => void fireEvent.click(gauge.querySelectorAll('button')[2]))
    expect(callsOf('interview.emotion')).toEqual([{ interviewId: 7, level: 'agitated' }])
    expect(gauge.querySelectorAll('button')[2].getAttribute('aria-pressed')).toBe('true')
  })

  it('a stage change the main process refuses is shown in words, and the desk keeps going', async () => {
    answer({ 'interview.setStage': () => ({ ok: false, code: 'CONFLICT', messageKey: 'interview:errors.ended' }) })
    await open()
    await key('F2')
    await settle()
    const bar = screen.getByRole('alert')
    expect(bar.textContent).toContain('会谈阶段的切换没有记录下来')
    expect(bar.textContent).toContain('这次会谈已经结束')
    expect(bar.textContent).not.toMatch(/CONFLICT|errors\.|interview:/)
    expect(selectedStage()).toContain('2.')
  })

  it('in crisis mode the crisis lines replace the stage script and the duty phone is shown', async () => {
    await open({ riskLevel: 'high', crisis: { kind: 'selfHarm', level: 'high', since: new Date().toISOString() } })
    expect(screen.getByTestId('crisis-banner').textContent).toContain('020-5678')
    expect(screen.getByTestId('stage-suggestions-paused')).toBeTruthy()
  })

  it('what was typed is saved when the desk locks and when the screen is left', async () => {
    const r = await open()
    const notes = document.querySelector('textarea') as HTMLTextAreaElement
    await act(async () => void fireEvent.change(notes, { target: { value: '欠薪三个月' } }))
    expect(callsOf('interview.save')).toEqual([])
    await act(async () => listeners.get('session.locked')?.())
    await settle()
    expect(callsOf('interview.save')).toEqual([{ interviewId: 7, changes: [{ field: 'notes', value: '欠薪三个月', revision: 1 }] }])
    await act(async () => void fireEvent.change(notes, { target: { value: '欠薪三个月，老板失联' } }))
    r.unmount()
    await settle()
    expect(callsOf('interview.save').at(-1)).toMatchObject({ changes: [{ field: 'notes', value: '欠薪三个月，老板失联' }] })
  })

  it('Ctrl+Shift+N saves first, then starts a new walk-in', async () => {
    const onNewWalkIn = vi.fn()
    await open({}, onNewWalkIn)
    const notes = document.querySelector('textarea') as HTMLTextAreaElement
    await act(async () => void fireEvent.change(notes, { target: { value: '下一位' } }))
    await key('N', { ctrlKey: true, shiftKey: true, code: 'KeyN' })
    await settle()
    expect(callsOf('interview.save')).toHaveLength(1)
    expect(onNewWalkIn).toHaveBeenCalledTimes(1)
  })
})
