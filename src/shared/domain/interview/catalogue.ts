import type { CrisisKind, Emotion, StageId } from './types'
import { EMOTIONS, STAGES } from './types'

/**
 * The guide (practice guide, service.md): four stages on a running clock. The clock only suggests;
 * the worker moves freely. Minutes are from the start of the interview; the closing stage is the
 * last 5 minutes of the planned hour, and stays suggested once the hour is over.
 */
export const PLANNED_MINUTES = 60
export const STAGE_PLAN: Record<StageId, { from: number; to: number }> = {
  rapport: { from: 0, to: 15 },
  emotion: { from: 15, to: 45 },
  policy: { from: 45, to: PLANNED_MINUTES - 5 },
  closing: { from: PLANNED_MINUTES - 5, to: PLANNED_MINUTES }
}

export function suggestedStage(elapsedMs: number): StageId {
  const min = elapsedMs / 60_000
  for (const s of STAGES) if (min < STAGE_PLAN[s].to) return s
  return 'closing'
}

/** Lines to say (script namespace) and checks to tick (interview namespace), per stage, in order. */
export const STAGE_LINES: Record<StageId, readonly string[]> = {
  rapport: ['greet', 'water', 'slowly', 'confirm', 'privacy'],
  emotion: ['feel', 'tellMore', 'impact', 'tried', 'reflect'],
  policy: ['plain', 'together', 'noPromise', 'materials'],
  closing: ['summary', 'callBack', 'phone', 'readBack', 'thanks']
}
export const STAGE_CHECKS: Record<StageId, readonly string[]> = {
  rapport: ['introduced', 'offeredWater', 'observedEmotion', 'confirmedName', 'explainedPrivacy'],
  emotion: ['empathised', 'fiveW', 'askedTried', 'separatedNeeds', 'askedLiving'],
  policy: ['explainedProcess', 'gaveDates', 'exploredOptions', 'noPromise', 'checkedUnderstanding'],
  closing: ['summarised', 'agreedFollowUp', 'gaveOrgPhone', 'readBack', 'handout']
}
export const ALL_CHECKS: readonly string[] = [...STAGES.flatMap((s) => STAGE_CHECKS[s]), 'phoneTimeOk']

export const lineKey = (stage: StageId, line: string) => `script:stages.${stage}.${line}`

/**
 * Moments outside the four stages that still need words (script:moments.<moment>.<line>): the
 * follow-up calls (3–7 days, 1–3 months: who you are, what changed, what's next), saying the worker
 * is not an official or a lawyer, why the organisation's phone, how long without promising, a group
 * visit (where the others wait, how they hear), closing when the petitioner is dissatisfied.
 */
export const MOMENTS = ['followUpShort', 'followUpMid', 'role', 'orgPhone', 'howLong', 'group', 'dissatisfied'] as const
export type Moment = (typeof MOMENTS)[number]
export const MOMENT_LINES: Record<Moment, readonly string[]> = {
  followUpShort: ['who', 'changed', 'next'],
  followUpMid: ['who', 'changed', 'next'],
  role: ['notOfficial', 'notLawyer', 'what'],
  orgPhone: ['why', 'number'],
  howLong: ['depends', 'statutory', 'weWill'],
  group: ['welcome', 'representatives', 'wait', 'hear'],
  dissatisfied: ['acknowledge', 'options', 'door']
}
export const momentLineKey = (m: Moment, line: string) => `script:moments.${m}.${line}`

/**
 * The moments in the order the worker is likely to need them where they are: a phone contact
 * starts with the follow-up calls; the first minutes with who the worker is; the policy talk with
 * how long and who decides; the close with the phone and a dissatisfied petitioner. `open` is the
 * one shown unfolded (none when nothing stands out).
 */
export function suggestedMoments(stage: StageId, workForm: string): { order: Moment[]; open: Moment | null } {
  const first: Moment[] =
    workForm === 'phone'
      ? ['followUpShort', 'followUpMid']
      : stage === 'rapport'
        ? ['role', 'group']
        : stage === 'policy'
          ? ['howLong', 'role']
          : stage === 'closing'
            ? ['dissatisfied', 'orgPhone', 'howLong']
            : ['role', 'howLong']
  const order = [...first, ...MOMENTS.filter((m) => !first.includes(m))]
  return { order, open: workForm === 'phone' ? 'followUpShort' : null }
}
export const checkKey = (check: string) => `interview:checks.${check}`

/** De-escalation. Emotions at or above `agitated` bring the empathic lines and the pause timer. */
export const emotionRank = (e: Emotion) => EMOTIONS.indexOf(e)
export const isHighEmotion = (e: Emotion) => emotionRank(e) >= emotionRank('agitated')
/** Crying or shouting: the guide pauses 1–2 minutes (tissues, silence). */
export const suggestsPause = (e: Emotion) => e === 'crying' || e === 'accusing' || e === 'agitated'
/** A threat points the worker to the crisis protocol. */
export const suggestsCrisis = (e: Emotion) => e === 'threatening'
export const PAUSE_SECONDS = [60, 120] as const

export const EMPATHY_LINES = ['heavy', 'wronged', 'pause', 'listening', 'sitDown'] as const
/**
 * 不要说 on the de-escalation panel: every category of the guard (guard-lexicon.ts), in the order a
 * worker facing strong emotion needs them. The example is `script:avoid.<id>`, what to say instead
 * `script:guard.<id>` — the same better line the guard offers when it flags typed text.
 */
export const AVOID_PHRASES = ['dismissive', 'blame', 'police', 'brushOff', 'groupRefusal', 'outcome', 'timeline', 'special', 'privateContact', 'legal', 'confidentiality'] as const
/** How many of them the panel shows before "more". */
export const AVOID_SHOWN = 3

/** Crisis protocol (5.8, 6.3.3; 条例 第二十条第三款, 第四十七条): steps per kind, in order. */
export const CRISIS_STEPS: Record<CrisisKind, readonly string[]> = {
  selfHarm: ['stayWith', 'removeMeans', 'askDirectly', 'callHelp', 'notifySupervisor'],
  violence: ['keepDistance', 'callColleague', 'dissuade', 'callPolice', 'notifySupervisor'],
  // A threat to someone else: stay calm, dissuade first (第四十七条), ask who and how, protect the
  // third party (their life comes before confidentiality, SZ A.1), police/120 when danger is real.
  harmOthers: ['stayCalm', 'dissuade', 'askWho', 'protectThird', 'callPolice', 'notifySupervisor'],
  medical: ['call120', 'firstAid', 'notifyFamily', 'notifySupervisor'],
  group: ['calmGroup', 'representatives', 'separateRoom', 'reportUpward', 'notifySupervisor']
}
export const CRISIS_DEFAULT_RISK: Record<CrisisKind, 'medium' | 'high' | 'critical'> = {
  selfHarm: 'critical',
  violence: 'high',
  harmOthers: 'high',
  medical: 'high',
  group: 'medium'
}
/** Public numbers always offered (statute.md §5: 110/120 ✅, 12356 🟡). Site contacts come from settings. */
export const CRISIS_NUMBERS: Record<CrisisKind, readonly string[]> = {
  selfHarm: ['120', '110', '12356'],
  violence: ['110'],
  harmOthers: ['110', '120'],
  medical: ['120'],
  group: ['110']
}
/** How a crisis step is recorded in the case's special-flow actions (cases feature's step codes). */
export const CRISIS_FLOW: Record<CrisisKind, { flow: 'crisis' | 'collective'; step: Record<string, string> }> = {
  selfHarm: {
    flow: 'crisis',
    step: { stayWith: 'supportSteps', removeMeans: 'emergencyProcedure', askDirectly: 'gradedWarning', callHelp: 'reportDepartments', notifySupervisor: 'supervisorTold' }
  },
  violence: {
    flow: 'crisis',
    step: { keepDistance: 'emergencyProcedure', callColleague: 'emergencyProcedure', dissuade: 'supportSteps', callPolice: 'reportDepartments', notifySupervisor: 'supervisorTold' }
  },
  harmOthers: {
    flow: 'crisis',
    step: { stayCalm: 'supportSteps', dissuade: 'supportSteps', askWho: 'gradedWarning', protectThird: 'emergencyProcedure', callPolice: 'reportDepartments', notifySupervisor: 'supervisorTold' }
  },
  medical: {
    flow: 'crisis',
    step: { call120: 'reportDepartments', firstAid: 'emergencyProcedure', notifyFamily: 'supportSteps', notifySupervisor: 'supervisorTold' }
  },
  group: {
    flow: 'collective',
    step: { calmGroup: 'calm', representatives: 'representatives', separateRoom: 'fixDemands', reportUpward: 'reportUpward', notifySupervisor: 'reportUpward' }
  }
}

/** Surface demand → deeper needs, per matter type (the worker accepts or ignores each). */
export const MATTER_TYPES = [
  'wageArrears',
  'demolition',
  'labourInjury',
  'medical',
  'property',
  'neighbour',
  'socialSecurity',
  'litigation',
  'family',
  'other'
] as const
export type MatterType = (typeof MATTER_TYPES)[number]

export const DEEPER_NEEDS: Record<MatterType, readonly string[]> = {
  wageArrears: ['livingAssistance', 'medicalCosts', 'schooling', 'legalAid', 'evidence'],
  demolition: ['housing', 'livingAssistance', 'evidence', 'emotional'],
  labourInjury: ['medicalCosts', 'livingAssistance', 'legalAid', 'employment'],
  medical: ['medicalCosts', 'legalAid', 'emotional'],
  property: ['mediation', 'housing', 'evidence'],
  neighbour: ['mediation', 'emotional'],
  socialSecurity: ['livingAssistance', 'medicalCosts', 'schooling'],
  litigation: ['legalAid', 'evidence', 'emotional'],
  family: ['familySupport', 'emotional', 'livingAssistance'],
  other: ['emotional', 'livingAssistance']
}
export const ALL_NEEDS: readonly string[] = [...new Set(Object.values(DEEPER_NEEDS).flat())]

/** The route a matter type usually takes; the worker confirms it (screening decides). */
export function defaultRoute(matter: string): import('../dates/deadlines').MatterRoute {
  return matter === 'litigation' ? 'litigation' : 'unknown'
}

export const FIVE_W = ['wWhen', 'wWhere', 'wWho', 'wWhat', 'wWhy', 'wHow'] as const
