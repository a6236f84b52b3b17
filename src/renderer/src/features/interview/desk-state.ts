import {
  STAGES,
  type CrisisKind,
  type Emotion,
  type EmotionReading,
  type InterviewState,
  type OutputLang,
  type RiskLevel,
  type StageId,
  type WorkForm
} from '@shared/domain/interview/types'
import type { MatterRoute } from '@shared/domain/dates'
import type { InterviewPeople } from '@shared/domain/interview/people'
import { crisisActive, type CrisisState } from '@shared/domain/interview/crisis'
import type { SaveState } from '@shared/domain/interview/autosave'

/**
 * What the interview desk shows and the worker changes during the hour, as one pure reducer: the
 * stage, the emotion gauge, the ticked checks, the capture tab, the dialogs, risk and crisis, the
 * capture fields the lines read (matter, route, needs, follow-up date, people, work form) and the
 * output language. The component dispatches and sends the write to the main process; nothing here
 * calls anything, so every transition is tested on its own (desk-state.test.ts).
 */

/** The hall's numbers the lines and the crisis card say (org phone, duty phone, site contacts). */
export interface Contacts {
  orgName: string
  orgPhone: string
  orgAddress: string
  dutyPhone: string
  siteContacts: { label: string; phone: string }[]
}

// 来访人 last, so F3 keeps its old order for the other tabs; its reminders sit beside the lines.
export const TABS = ['notes', 'fiveW', 'needs', 'rules', 'closing', 'people'] as const
export type Tab = (typeof TABS)[number]

export type Dialog = 'crisis' | 'help' | 'readBack'

/** The capture fields the desk keeps for the lines and the closing (their writes are the panels'). */
export interface Capture {
  accepted: string[]
  matter: string
  route: MatterRoute
  followUpDate: string | null
  people: InterviewPeople
  workForm: WorkForm
}

export interface DeskState extends Capture {
  lang: OutputLang
  stage: StageId
  /** The stage the clock suggests for the time spent (never moves the stage by itself). */
  suggested: StageId
  emotions: EmotionReading[]
  /** Ticked checks and when each was ticked. */
  checks: ReadonlyMap<string, string>
  tab: Tab
  open: Record<Dialog, boolean>
  riskLevel: RiskLevel
  /** The last confirmed crisis; crisis mode lasts while the risk level stays high or critical. */
  lastCrisis: { kind: CrisisKind; since: string } | null
  endedAt: string | null
  contacts: Contacts
  save: { state: SaveState; at: string | null }
}

export type DeskAction =
  | { type: 'stage'; stage: StageId }
  | { type: 'suggested'; stage: StageId }
  | { type: 'lang'; lang: OutputLang }
  | { type: 'emotion'; level: Emotion; at: string }
  | { type: 'check'; checkId: string; checked: boolean; at: string }
  | { type: 'tab'; tab: Tab }
  | { type: 'open'; dialog: Dialog }
  | { type: 'close'; dialog: Dialog }
  | { type: 'toggleHelp' }
  | { type: 'risk'; level: RiskLevel }
  | { type: 'crisisConfirmed'; kind: CrisisKind; since: string }
  | { type: 'ended'; endedAt: string | null }
  | { type: 'capture'; patch: Partial<Capture> }
  | { type: 'contacts'; contacts: Contacts }
  | { type: 'saved'; state: SaveState; at: string | null }

const NO_CONTACTS: Contacts = { orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] }

/** The desk as an interview opens (or reopens after a lock): everything the main process recorded. */
export function initialDeskState(initial: InterviewState): DeskState {
  return {
    lang: initial.outputLang,
    stage: initial.stage,
    suggested: 'rapport',
    emotions: initial.emotions,
    checks: new Map(initial.checks.filter((c) => c.checked).map((c) => [c.checkId, c.at])),
    tab: 'notes',
    open: { crisis: false, help: false, readBack: false },
    riskLevel: initial.riskLevel,
    lastCrisis: initial.crisis,
    endedAt: initial.endedAt,
    accepted: initial.acceptedNeeds,
    matter: initial.matterType,
    route: (initial.route as MatterRoute) || 'unknown',
    followUpDate: initial.followUpDate,
    people: initial.people,
    workForm: initial.workForm,
    contacts: NO_CONTACTS,
    save: { state: 'idle', at: null }
  }
}

/** F2 / Shift+F2: the next or previous stage, staying on the first or last one at the ends. */
export function steppedStage(stage: StageId, back: boolean): StageId {
  const i = STAGES.indexOf(stage)
  return STAGES[Math.max(0, Math.min(STAGES.length - 1, i + (back ? -1 : 1)))]
}

/** F3 / Shift+F3: the next or previous capture tab, round the end to the start. */
export function cycledTab(tab: Tab, back: boolean): Tab {
  const i = TABS.indexOf(tab)
  return TABS[(i + (back ? TABS.length - 1 : 1)) % TABS.length]
}

/** Alt+L without a choice: the other output language. */
export function otherLang(lang: OutputLang): OutputLang {
  return lang === 'zh-CN' ? 'yue-HK' : 'zh-CN'
}

/** Crisis mode: a confirmed risk while the case's level stays high or critical; null otherwise. */
export function deskCrisis(s: Pick<DeskState, 'lastCrisis' | 'riskLevel'>): CrisisState | null {
  return crisisActive(s.lastCrisis, s.riskLevel)
}

/** The gauge's last reading, or null before the first. */
export function latestEmotion(s: Pick<DeskState, 'emotions'>): EmotionReading | null {
  return s.emotions.length ? s.emotions[s.emotions.length - 1] : null
}

export function deskReducer(s: DeskState, a: DeskAction): DeskState {
  switch (a.type) {
    case 'stage':
      return s.stage === a.stage ? s : { ...s, stage: a.stage }
    case 'suggested':
      return s.suggested === a.stage ? s : { ...s, suggested: a.stage }
    case 'lang':
      return s.lang === a.lang ? s : { ...s, lang: a.lang }
    case 'emotion':
      return { ...s, emotions: [...s.emotions, { level: a.level, at: a.at }] }
    case 'check': {
      if (s.checks.has(a.checkId) === a.checked) return s
      const checks = new Map(s.checks)
      if (a.checked) checks.set(a.checkId, a.at)
      else checks.delete(a.checkId)
      return { ...s, checks }
    }
    case 'tab':
      return s.tab === a.tab ? s : { ...s, tab: a.tab }
    case 'open':
    case 'close': {
      const open = a.type === 'open'
      return s.open[a.dialog] === open ? s : { ...s, open: { ...s.open, [a.dialog]: open } }
    }
    case 'toggleHelp':
      return { ...s, open: { ...s.open, help: !s.open.help } }
    case 'risk':
      return s.riskLevel === a.level ? s : { ...s, riskLevel: a.level }
    case 'crisisConfirmed':
      return { ...s, lastCrisis: { kind: a.kind, since: a.since } }
    case 'ended':
      return { ...s, endedAt: a.endedAt }
    case 'capture':
      return { ...s, ...a.patch }
    case 'contacts':
      return { ...s, contacts: a.contacts }
    case 'saved':
      return { ...s, save: { state: a.state, at: a.at } }
  }
}
