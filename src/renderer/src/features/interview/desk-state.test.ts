import { describe, expect, it } from 'vitest'
import { STAGES, type InterviewState } from '@shared/domain/interview/types'
import type { InterviewPeople } from '@shared/domain/interview/people'
import {
  TABS,
  cycledTab,
  deskCrisis,
  deskReducer,
  initialDeskState,
  latestEmotion,
  otherLang,
  steppedStage,
  type DeskAction,
  type DeskState
} from './desk-state'

const people = { headcount: 1, partyKind: 'person', language: 'putonghua' } as unknown as InterviewPeople
const interview = {
  id: 7,
  caseId: 3,
  caseNo: '2026-000003',
  outputLang: 'zh-CN',
  workForm: 'faceToFace',
  matterType: 'wages',
  route: '',
  stage: 'emotion',
  startedAt: '2026-12-05T09:00:00.000Z',
  endedAt: null,
  followUpDate: null,
  acceptedNeeds: ['listen'],
  emotions: [{ level: 'anxious', at: '2026-12-05T09:05:00.000Z' }],
  checks: [
    { checkId: 'introduced', checked: true, at: '2026-12-05T09:01:00.000Z' },
    { checkId: 'consent', checked: false, at: '2026-12-05T09:02:00.000Z' }
  ],
  riskLevel: 'none',
  crisis: null,
  people
} as unknown as InterviewState

const run = (s: DeskState, ...actions: DeskAction[]) => actions.reduce(deskReducer, s)
const at = '2026-12-05T09:10:00.000Z'

describe('the interview desk as it opens', () => {
  it('starts from what the main process recorded: stage, language, gauge, ticked checks only, needs, risk', () => {
    const s = initialDeskState(interview)
    expect(s.stage).toBe('emotion')
    expect(s.lang).toBe('zh-CN')
    expect(s.emotions).toEqual(interview.emotions)
    expect([...s.checks]).toEqual([['introduced', '2026-12-05T09:01:00.000Z']])
    expect(s.accepted).toEqual(['listen'])
    expect(s.matter).toBe('wages')
    expect(s.route).toBe('unknown') // no route recorded yet
    expect(s.tab).toBe('notes')
    expect(s.open).toEqual({ crisis: false, help: false, readBack: false })
    expect(s.endedAt).toBeNull()
    expect(deskCrisis(s)).toBeNull()
  })

  it('reopens in crisis mode when the case is still high risk after a confirmed crisis', () => {
    const s = initialDeskState({ ...interview, riskLevel: 'high', crisis: { kind: 'selfHarm', level: 'high', since: at } })
    expect(deskCrisis(s)).toEqual({ kind: 'selfHarm', level: 'high', since: at })
  })
})

describe('F2: stages', () => {
  it('steps forward and back one stage at a time and stays put at either end', () => {
    expect(steppedStage('rapport', false)).toBe('emotion')
    expect(steppedStage('emotion', true)).toBe('rapport')
    expect(steppedStage('rapport', true)).toBe('rapport')
    const last = STAGES[STAGES.length - 1]
    expect(steppedStage(last, false)).toBe(last)
    // Pressing F2 past the end walks every stage once, then stays on the last.
    let stage = STAGES[0] as (typeof STAGES)[number]
    const seen = [stage]
    for (let i = 0; i < STAGES.length + 2; i++) seen.push((stage = steppedStage(stage, false)))
    expect(seen).toEqual([...STAGES, last, last, last])
  })

  it('a chosen stage becomes the desk stage; choosing the same one changes nothing', () => {
    const s = initialDeskState(interview)
    const next = deskReducer(s, { type: 'stage', stage: 'policy' })
    expect(next.stage).toBe('policy')
    expect(deskReducer(next, { type: 'stage', stage: 'policy' })).toBe(next)
  })
})

describe('F3: capture tabs', () => {
  it('cycles forward through every tab and back round to the start, Shift+F3 the other way', () => {
    let tab = TABS[0] as (typeof TABS)[number]
    const seen = [tab]
    for (let i = 0; i < TABS.length; i++) seen.push((tab = cycledTab(tab, false)))
    expect(seen).toEqual([...TABS, TABS[0]])
    expect(cycledTab('notes', true)).toBe(TABS[TABS.length - 1])
    expect(cycledTab(TABS[TABS.length - 1], false)).toBe('notes')
  })

  it('the people tab comes last, so the old F3 order is kept for the others', () => {
    expect(TABS).toEqual(['notes', 'fiveW', 'needs', 'rules', 'closing', 'people'])
  })

  it('switches the tab', () => {
    expect(run(initialDeskState(interview), { type: 'tab', tab: 'needs' }).tab).toBe('needs')
  })
})

describe('crisis mode follows the risk level', () => {
  it('is on once a crisis is confirmed at high risk, off when the level drops, back on when it rises again', () => {
    let s = initialDeskState(interview)
    s = run(s, { type: 'risk', level: 'high' })
    expect(deskCrisis(s)).toBeNull() // a high level alone is not a crisis
    s = run(s, { type: 'crisisConfirmed', kind: 'selfHarm', since: at })
    expect(deskCrisis(s)).toEqual({ kind: 'selfHarm', level: 'high', since: at })
    s = run(s, { type: 'risk', level: 'critical' })
    expect(deskCrisis(s)?.level).toBe('critical')
    s = run(s, { type: 'risk', level: 'medium' })
    expect(deskCrisis(s)).toBeNull()
    s = run(s, { type: 'risk', level: 'high' })
    expect(deskCrisis(s)?.kind).toBe('selfHarm')
  })

  it('a crisis confirmed while the level is low does not switch the lines', () => {
    const s = run(initialDeskState(interview), { type: 'crisisConfirmed', kind: 'violence', since: at })
    expect(deskCrisis(s)).toBeNull()
  })
})

describe('checks', () => {
  it('ticking records the time; unticking removes it; the same tick twice changes nothing', () => {
    let s = initialDeskState(interview)
    s = run(s, { type: 'check', checkId: 'consent', checked: true, at })
    expect(s.checks.get('consent')).toBe(at)
    const again = deskReducer(s, { type: 'check', checkId: 'consent', checked: true, at: '2026-12-05T10:00:00.000Z' })
    expect(again).toBe(s)
    s = run(s, { type: 'check', checkId: 'introduced', checked: false, at })
    expect([...s.checks.keys()]).toEqual(['consent'])
  })

  it('never changes the map an earlier render holds', () => {
    const s = initialDeskState(interview)
    run(s, { type: 'check', checkId: 'consent', checked: true, at })
    expect(s.checks.has('consent')).toBe(false)
  })
})

describe('dialogs', () => {
  it('F1 toggles the help, Esc closes it; crisis and read-back open and close on their own', () => {
    let s = initialDeskState(interview)
    s = run(s, { type: 'toggleHelp' })
    expect(s.open.help).toBe(true)
    s = run(s, { type: 'toggleHelp' })
    expect(s.open.help).toBe(false)
    s = run(s, { type: 'open', dialog: 'crisis' }, { type: 'open', dialog: 'readBack' })
    expect(s.open).toEqual({ crisis: true, help: false, readBack: true })
    s = run(s, { type: 'close', dialog: 'crisis' })
    expect(s.open).toEqual({ crisis: false, help: false, readBack: true })
  })
})

describe('the rest of the hour', () => {
  it('the gauge keeps every reading; the latest is the last one', () => {
    let s = initialDeskState({ ...interview, emotions: [] })
    expect(latestEmotion(s)).toBeNull()
    s = run(s, { type: 'emotion', level: 'agitated', at }, { type: 'emotion', level: 'calm', at: '2026-12-05T09:11:00.000Z' })
    expect(s.emotions.map((e) => e.level)).toEqual(['agitated', 'calm'])
    expect(latestEmotion(s)?.level).toBe('calm')
  })

  it('Alt+L switches between 普通话 and 粵語', () => {
    expect(otherLang('zh-CN')).toBe('yue-HK')
    expect(otherLang('yue-HK')).toBe('zh-CN')
    expect(run(initialDeskState(interview), { type: 'lang', lang: 'yue-HK' }).lang).toBe('yue-HK')
  })

  it('capture fields change one at a time and keep the others', () => {
    const s = run(
      initialDeskState(interview),
      { type: 'capture', patch: { route: 'petition' } },
      { type: 'capture', patch: { followUpDate: '2026-12-20', accepted: ['listen', 'info'] } }
    )
    expect(s.route).toBe('petition')
    expect(s.followUpDate).toBe('2026-12-20')
    expect(s.accepted).toEqual(['listen', 'info'])
    expect(s.matter).toBe('wages')
    expect(s.workForm).toBe('faceToFace')
  })

  it('ending the contact records when and keeps what was on the desk', () => {
    const before = run(initialDeskState(interview), { type: 'stage', stage: 'closing' }, { type: 'check', checkId: 'consent', checked: true, at })
    const s = run(before, { type: 'ended', endedAt: '2026-12-05T10:00:00.000Z' })
    expect(s.endedAt).toBe('2026-12-05T10:00:00.000Z')
    expect(s.stage).toBe('closing')
    expect(s.checks).toBe(before.checks)
  })

  it('the save badge and the hall contacts come in as they arrive', () => {
    const contacts = { orgName: '接待大厅', orgPhone: '020-1', orgAddress: '', dutyPhone: '020-2', siteContacts: [] }
    const s = run(initialDeskState(interview), { type: 'saved', state: 'saved', at }, { type: 'contacts', contacts })
    expect(s.save).toEqual({ state: 'saved', at })
    expect(s.contacts.dutyPhone).toBe('020-2')
  })
})
