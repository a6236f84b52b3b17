/** The interview (one contact = one Form B) as the worker and the petitioner see it. */
import type { DiversionRoute } from '../screening/rules'
import type { RouteEvents } from './route-promises'
import type { CrisisState } from './crisis'
import type { InterviewPeople } from './people'

/** The case facts that decide what may be promised (route-promises.ts). */
export interface CaseRouteFacts {
  diversion: DiversionRoute | null
  inPetitionProcedure: boolean
  contactDate: string
  /** 5 or more people, or a collective party. */
  collective: boolean
  events: RouteEvents
}

/** The language lines are said in; independent of the worker's UI language. */
export const OUTPUT_LANGS = ['zh-CN', 'yue-HK'] as const
export type OutputLang = (typeof OUTPUT_LANGS)[number]

/** Form B 工作形式: 面谈 电话 陪同 QQ/微信 其他(请说明). */
export const WORK_FORMS = ['faceToFace', 'phone', 'accompany', 'qqWechat', 'other'] as const
export type WorkForm = (typeof WORK_FORMS)[number]

/** Form B 地点: 案主家中 / 其他 (text). */
export const LOCATIONS = ['clientHome', 'other'] as const
export type InterviewLocation = (typeof LOCATIONS)[number]

/**
 * Every free text typed during an interview, autosaved one field at a time (last write wins per
 * field, by revision). Column names are the snake_case of these.
 */
export const TEXT_FIELDS = [
  'subject', // 会谈对象
  'contact', // 联系方式
  'relation', // 与案主的关系
  'locationText', // 地点 其他 text
  'workFormText', // 工作形式 其他 text
  'purpose', // 会谈目的
  'notes', // 会谈记录 (the guide's running notes)
  'assessment', // 本次服务情况总体评估及分析
  'followUpPlan', // 跟进计划
  'summary', // the drafted closing summary, in the output language
  'wWhen',
  'wWhere',
  'wWho',
  'wWhat',
  'wWhy',
  'wHow',
  'surfaceDemand', // 表面诉求 → Form A 信访诉求及要求
  'deeperNeeds', // 深层需求 (free text beside accepted suggestions)
  'experience', // → Form A 信访经历
  'personality', // → Form A 人格特征描述
  'petitionerName', // a walk-in's name as told (→ the new case)
  'ownWords' // the matter in the petitioner's own words (said back in the spoken lines)
] as const
export type TextField = (typeof TEXT_FIELDS)[number]

export const FIELD_MAX: Record<TextField, number> = {
  subject: 200,
  contact: 200,
  relation: 200,
  locationText: 200,
  workFormText: 200,
  petitionerName: 200,
  ownWords: 200,
  purpose: 2000,
  notes: 100_000,
  assessment: 20_000,
  followUpPlan: 20_000,
  summary: 20_000,
  wWhen: 2000,
  wWhere: 2000,
  wWho: 2000,
  wWhat: 20_000,
  wWhy: 20_000,
  wHow: 20_000,
  surfaceDemand: 20_000,
  deeperNeeds: 20_000,
  experience: 20_000,
  personality: 20_000
}

export const toColumn = (f: TextField): string => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export const STAGES = ['rapport', 'emotion', 'policy', 'closing'] as const
export type StageId = (typeof STAGES)[number]

/** 平静 / 焦虑 / 激动 / 哭泣 / 大声指责 / 威胁, in rising order. */
export const EMOTIONS = ['calm', 'anxious', 'agitated', 'crying', 'accusing', 'threatening'] as const
export type Emotion = (typeof EMOTIONS)[number]

/**
 * selfHarm: self-harm or suicide; violence: threats or violence against staff here; harmOthers: a
 * threat to harm someone else (a family member, a neighbour, an official) — a third party's safety;
 * medical: a medical emergency; group: a group at the door.
 */
export const CRISIS_KINDS = ['selfHarm', 'violence', 'harmOthers', 'medical', 'group'] as const
export type CrisisKind = (typeof CRISIS_KINDS)[number]

export type RiskLevel = 'none' | 'low' | 'medium' | 'high' | 'critical'

export interface StageTime {
  stage: StageId
  enteredAt: string
  leftAt: string | null
}
export interface EmotionReading {
  level: Emotion
  at: string
}
export interface CheckTick {
  checkId: string
  checked: boolean
  at: string
}
export interface InterviewEvent {
  kind: string
  detail: string
  at: string
}

export interface InterviewState {
  id: number
  caseId: number
  caseNo: string
  workerId: number | null
  workerName: string
  outputLang: OutputLang
  workForm: WorkForm
  location: InterviewLocation
  matterType: string
  route: string
  stage: StageId
  startedAt: string
  endedAt: string | null
  followUpDate: string | null
  followUpMidDate: string | null
  acceptedNeeds: string[]
  /** Recorded date the worker chose for rule dates (acceptance, answer received…), by rule id. */
  ruleDates: Record<string, string>
  workCount: number
  texts: Record<TextField, string>
  revisions: Record<TextField, number>
  stages: StageTime[]
  emotions: EmotionReading[]
  checks: CheckTick[]
  events: InterviewEvent[]
  riskLevel: RiskLevel
  /** The case's screening decision and recorded dates (the route may also be chosen here: `route`). */
  caseRoute: CaseRouteFacts
  /** The case is in crisis mode (a confirmed risk, level still high or critical), or null. */
  crisis: CrisisState | null
  /** Corrections made after the contact ended (newest last): what changed, why, who, and what it said before. */
  corrections: InterviewCorrection[]
  /** The person in front of the worker: group size, age, reading, hearing, language, 户籍 (people.ts). */
  people: InterviewPeople
}

/** A deliberate correction of an ended contact: the earlier text is kept here. */
export interface InterviewCorrection {
  id: number
  changedFields: TextField[]
  before: Partial<Record<TextField, string>>
  reason: string
  at: string
  byName: string
  /** Made after a supervisor had signed off the Form B: the printed form says so. */
  afterSignoff: boolean
}

/** Form A fields the app may propose from a contact (never written without the worker's say). */
export const PROPOSAL_FIELDS = ['demands', 'summary', 'petitionHistory', 'personality', 'language', 'needs'] as const
export type ProposalField = (typeof PROPOSAL_FIELDS)[number]
export interface ProposalItem {
  field: ProposalField
  /** Text for the text fields; a language code for language; Form A need codes for needs. */
  value: string | string[]
}
/**
 * After a contact ends: what the app proposes to put into Form A from it — only fields the case
 * has nothing in yet, and needs it does not have. The worker accepts (possibly edited) or declines.
 */
export interface FormAProposal {
  interviewId: number
  workCount: number
  items: ProposalItem[]
  decided: 'accepted' | 'declined' | null
}

export interface InterviewListItem {
  id: number
  caseId: number
  startedAt: string
  endedAt: string | null
  workCount: number
  workForm: WorkForm
  outputLang: OutputLang
  purpose: string
}

/** A contact its worker started and did not end: offered for resumption on 会谈 (e.g. after a restart). */
export interface UnfinishedInterview extends InterviewListItem {
  caseNo: string
  name: string
  /** A confidential report this viewer may not open: number only (name and purpose blank). */
  masked?: true
}

/** 信访社会工作服务会谈表 (Appendix B), as data for the printed form. */
export interface FormBData {
  interviewId: number
  caseId: number
  caseNo: string
  /** 会谈对象 */
  subject: string
  /** 联系方式 */
  contact: string
  /** 与案主的关系 */
  relation: string
  /** 地点: 案主家中 / 其他 + text */
  location: InterviewLocation
  locationText: string
  /** 日期 YYYY-MM-DD (the hall's wall calendar) */
  date: string
  /** 时间 HH:MM–HH:MM (end empty while running) */
  time: string
  startedAt: string
  endedAt: string | null
  /** 工作次数: 第 N 次, counted per case in start order */
  workCount: number
  /** 会谈目的 */
  purpose: string
  /** 工作形式 */
  workForm: WorkForm
  workFormText: string
  /** 会谈记录 */
  record: string
  /** 本次服务情况总体评估及分析 */
  assessment: string
  /** 跟进计划 (text incl. the agreed date) */
  followUpPlan: string
  followUpDate: string | null
  followUpMidDate: string | null
  /** 负责社工 */
  workerName: string
  outputLang: OutputLang
  /** Corrections made after a supervisor signed this form off: the printed form says so. */
  changedAfterSignoff: { at: string; byName: string; reason: string; fields: TextField[] }[]
  /**
   * The petitioner's confirmation, printed when it matters: someone who cannot read has the form
   * read aloud and signs, thumbprints or has someone sign on their behalf; an interpreted contact
   * names who interpreted.
   */
  petitioner?: { readAloud: boolean; interpreter: { name: string; relation: string; language: string } | null }
}
