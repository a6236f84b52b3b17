import { addDays, type IsoDate } from '../dates'
import { shortFollowUpRange } from '../dates/deadlines'
import type { CrisisKind, RiskLevel, StageId } from './types'

/**
 * Crisis mode (5.8, 6.3.3; principle 4.3 生命至上; SZ A.1). Opening the protocol changes nothing;
 * once the worker confirms a risk, the case is in crisis mode while its risk stays high or critical:
 * the script gives way to crisis lines, the clock stops suggesting stages, Stage 3 is one sentence,
 * Stage 4 proposes who stays with the person and a next contact within 24 hours.
 */
export interface CrisisState {
  kind: CrisisKind
  level: RiskLevel
  /** When the worker confirmed the risk. */
  since: string
}

/** Kinds that are a risk to someone's life or safety (a group visit is handled by its own flow). */
export const RISK_KINDS: readonly CrisisKind[] = ['selfHarm', 'violence', 'harmOthers', 'medical']

export const isHighRisk = (level: RiskLevel): boolean => level === 'high' || level === 'critical'

/** The case is in crisis mode: a confirmed risk of a life-or-safety kind, and the level still high. */
export function crisisActive(last: { kind: CrisisKind; since: string } | null, level: RiskLevel): CrisisState | null {
  if (!last || !RISK_KINDS.includes(last.kind) || !isHighRisk(level)) return null
  return { kind: last.kind, level, since: last.since }
}

/**
 * What a trained worker says, in order (script namespace, `script:crisis.<kind>.<id>`). Self-harm:
 * ask directly and calmly (thoughts, plan, means, timing), what has kept them going, removing means
 * with family, who to call tonight, life before confidentiality. Threats: calm boundary lines come
 * before any mention of the police (条例 第四十七条: dissuade, criticise or educate first).
 */
export const CRISIS_LINES: Record<CrisisKind, readonly string[]> = {
  selfHarm: ['stay', 'askThoughts', 'askPlan', 'askMeans', 'askWhen', 'keptGoing', 'removeMeans', 'tonight', 'lifeFirst'],
  violence: ['calmName', 'boundary', 'choice', 'sitApart', 'consequence', 'police'],
  // Calm first, dissuade (第四十七条), ask who and how, the third party's safety over confidentiality,
  // and only then what happens when the police or 120 are called.
  harmOthers: ['calm', 'dissuade', 'askWho', 'askPlan', 'safetyFirst', 'police'],
  medical: ['stayStill', 'helpComing', 'family'],
  group: ['calmGroup', 'representatives', 'waitWhere']
}
export const crisisLineKey = (kind: CrisisKind, id: string) => `script:crisis.${kind}.${id}`

/** In crisis mode, each stage's lines: the crisis lines first; Stage 3 one sentence; Stage 4 safety. */
export function crisisStageLines(kind: CrisisKind, stage: StageId): string[] {
  if (stage === 'policy') return ['script:crisis.stage3']
  if (stage === 'closing') return ['script:crisis.stage4.whoStays', 'script:crisis.stage4.nextContact', 'script:crisis.stage4.tonight']
  return CRISIS_LINES[kind].map((id) => crisisLineKey(kind, id))
}

/**
 * The short-term follow-up an interview may book. Ordinarily 3–7 days (practice guide); for a high
 * or critical case a next contact within 24 hours is proposed and allowed (today or tomorrow), and the
 * ordinary window stays open too.
 */
export function followUpWindow(day: IsoDate, level: RiskLevel): { min: IsoDate; max: IsoDate; proposed: IsoDate; within24h: boolean } {
  const normal = shortFollowUpRange(day)
  if (isHighRisk(level)) return { min: day, max: normal.max, proposed: addDays(day, 1), within24h: true }
  return { ...normal, proposed: normal.min, within24h: false }
}
