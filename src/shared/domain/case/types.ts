import type {
  CaseSource,
  CaseStatus,
  ClosingCategory,
  ClosingType,
  ConsentKind,
  ConsentMethod,
  EducationCode,
  Flow,
  FollowUpKind,
  Gender,
  LanguageCode,
  LivingCode,
  MaritalCode,
  NeedCode,
  PartyKind,
  RepeatMark,
  ResourceKind,
  ResourceResult,
  RiskLevel,
  TransferReason
} from './options'
import type { DiversionRoute, InadmissibleKind, ScreeningAnswer, ScreeningItem } from '../screening/rules'

/**
 * The editable record of a case: 7.1.1 registration plus every typed field of Form A.
 * Empty text is '' (never null) so forms and history compare simply; codes are null when not chosen.
 */
export interface CaseFields {
  // 7.1.1 接触登记
  partyKind: PartyKind
  /** 姓名（名称）: a person's name or an organisation's name; any character (𠮶, 䶮, ·, é). */
  name: string
  /** For an organisation or a group: the person speaking for it. */
  contactPerson: string
  /** 住址 / 联系地址. */
  address: string
  /** 问题属地: where it happened, or the authority with power to handle it. */
  locality: string
  /** 诉求概况: the short summary that goes into the petition information system. */
  summary: string
  /** 集体上访: how many people came (3.7: 5 or more with the same matter). Null: not counted. */
  headcount: number | null

  // Form A 接案记录
  /** 初次接触日期 (YYYY-MM-DD): also the date 年龄 is computed on. */
  contactDate: string
  source: CaseSource | null
  sourceText: string
  /** 信访诉求及要求 */
  demands: string
  /** 信访经历 */
  petitionHistory: string
  /** 人格特征描述 */
  personality: string
  /** 转介单位资料: 转介单位 · 联系人及联系方式 */
  referralOrg: string
  referralContact: string

  // Form A 案主基本情况
  gender: Gender | null
  phone: string
  /** 出生年月: YYYY-MM or YYYY-MM-DD. */
  birth: string
  occupation: string
  economicStatus: string
  /** 语言 (可多选): every language the petitioner speaks, in the order recorded (the first the desk can speak sets the interview's lines). */
  language: LanguageCode[]
  languageOther: string
  marital: MaritalCode | null
  maritalOther: string
  education: EducationCode | null
  /** 居住状况 (可多选): a person may live with a spouse, adult children and a parent. */
  living: LivingCode[]
  livingOther: string
  needs: NeedCode[]
  needsOther: string
  /** 个案背景（个案家庭图及生态系统图） */
  background: string
  /** 社工的预估及分析 */
  assessment: string
  /** 服务对象需求分析（理论架构） */
  needsAnalysis: string
  // 服务计划
  serviceGoals: string
  serviceStrategy: string
  evaluationMethods: string
  /** 社工签名及日期: the date the worker signed Form A. */
  workerSignedDate: string

  /** Worker's judgement (3.3); counts against the 1:5–10 ratio (8.1 c). Set explicitly. */
  irrational: boolean

  // Petition-procedure dates the desk tracks (条例 第三十四至三十六条); only if the petitioner tells us.
  /** The matter was accepted (受理) for handling under 第三十一条第六项: the 60-day clock applies. */
  inPetitionProcedure: boolean
  acceptedDate: string
  /** 第三十四条: extended by at most 30 days, the petitioner told the reason. */
  extended: boolean
  /** The written 处理意见 reached the petitioner: 复查 may be asked within 30 days (第三十五条). */
  opinionReceivedDate: string
  /** The written 复查意见 reached the petitioner: 复核 within 30 days (第三十六条第一款). */
  reviewReceivedDate: string
  /** Deadlines that run against the petitioner, once the worker records their start (statute.md §4). */
  /** The petitioner knew of the administrative act: 行政复议 within 60 days (《行政复议法》第二十条). */
  knewOfActDate: string
  /** The petitioner knew the right was infringed (or the job ended): labour arbitration within 1 year. */
  infringementDate: string
}

export type CaseFieldName = keyof CaseFields

export interface UserRef {
  id: number
  displayName: string
}

export interface Representative {
  id: number
  name: string
  phone: string
  note: string
  addedAt: string
}

export interface ScreeningEntry {
  item: ScreeningItem
  answer: ScreeningAnswer
  /** Item l: which rule the worker thinks applies. */
  detail: InadmissibleKind | null
  note: string
  updatedAt: string
  updatedBy: UserRef | null
}

export interface DiversionDecision {
  /** What the rules recommended when the worker decided. */
  recommended: DiversionRoute[]
  /** What the worker chose. */
  chosen: DiversionRoute
  overridden: boolean
  overrideReason: string
  /** 第三十条第三款: the reporter's identity is never disclosed to the reported. */
  reporterConfidential: boolean
  note: string
  decidedBy: UserRef | null
  decidedAt: string
}

export interface FlowAction {
  id: number
  flow: Flow
  step: string
  note: string
  at: string
  by: UserRef | null
}

export interface ResourceLink {
  id: number
  kind: ResourceKind
  kindOther: string
  department: string
  result: ResourceResult
  note: string
  at: string
  by: UserRef | null
}

export interface Consent {
  id: number
  kind: ConsentKind
  granted: boolean
  method: ConsentMethod
  /** Version of the consent text shown (CONSENT_TEXT_VERSION at the time). */
  textVersion: string
  /** For disclosure: to whom and what for. */
  note: string
  at: string
  by: UserRef | null
}

export interface FollowUp {
  id: number
  caseId: number
  dueDate: string
  kind: FollowUpKind
  note: string
  interviewId: number | null
  doneAt: string | null
  doneNote: string
  createdAt: string
  createdBy: UserRef | null
}

export interface RiskChange {
  level: RiskLevel
  reason: string
  at: string
  by: UserRef | null
}

export interface RepeatDecision {
  mark: RepeatMark
  /** Earlier cases the worker judged to be the same person and matter. */
  ofCaseIds: number[]
  note: string
  at: string
  by: UserRef | null
}

/** Form A 服务立案: 是否接案 — 是，个案委派予 / 否，说明. */
export interface IntakeDecision {
  accepted: boolean
  assignedTo: UserRef | null
  note: string
  at: string
  by: UserRef | null
}

export interface GoalRow {
  /** 序号 */
  seq: number
  /** 阶段性目标 */
  goal: string
  /** 目标达成情况 */
  achievement: string
  /** 备注 */
  note: string
}

/** Form C data, as typed (服务机构的评估 and the supervisor's signature are the supervisor sign-off, kind 'C'). */
export interface ClosingData {
  category: ClosingCategory
  /** 开案/转入日期 — defaults to the contact date. */
  openedDate: string
  /** 结案/转出日期 */
  closedDate: string
  transferReason: TransferReason | null
  transferReasonOther: string
  closingType: ClosingType | null
  closingTypeOther: string
  /** 资源链接情况: 链接的资源 · 联络的相关部门 */
  linkedResources: string
  contactedDepartments: string
  goals: GoalRow[]
  /** 社工反思及建议 */
  reflection: string
  /** 社工签字 · 签字日期 */
  workerSignedDate: string
  /** Transfer: to which organisation or department. */
  transferTo: string
}

export interface CaseVersion {
  version: number
  changedFields: string[]
  /** What the record said before this change. */
  before: Partial<CaseFields>
  at: string
  by: UserRef | null
  /**
   * Which action the change came from: null = typed by `by`; an interview proposal = the app
   * proposed it from that contact (第 workCount 次) and `by` accepted it.
   */
  source: { kind: 'interviewProposal'; interviewId: number; workCount: number } | null
}

/** Everything a screen or Form A / Form C needs about one case. */
export interface CaseRecord {
  id: number
  caseNo: string
  status: CaseStatus
  riskLevel: RiskLevel
  risk: RiskChange | null
  assignedWorker: UserRef | null
  createdBy: UserRef | null
  createdAt: string
  updatedAt: string
  version: number
  fields: CaseFields
  /** Derived from fields.birth and fields.contactDate; never typed. */
  age: number | null
  representatives: Representative[]
  screening: ScreeningEntry[]
  /** The worker's judgement that a collective visit is large-scale (7.2.1 b); never from a headcount. */
  largeScaleJudged: boolean
  diversion: DiversionDecision | null
  flowActions: FlowAction[]
  resources: ResourceLink[]
  consents: Consent[]
  followUps: FollowUp[]
  riskHistory: RiskChange[]
  repeat: RepeatDecision | null
  intake: IntakeDecision | null
  closing: ClosingData | null
}

/** One row in a list: enough to recognise the case, with its risk always visible. */
export interface CaseSummary {
  id: number
  caseNo: string
  name: string
  partyKind: PartyKind
  status: CaseStatus
  riskLevel: RiskLevel
  assignedWorker: UserRef | null
  contactDate: string
  summary: string
  updatedAt: string
  headcount: number | null
  repeat: RepeatMark | null
  /** A report about an official (检举控告): shown with 保密个案. */
  confidential?: boolean
  /** This person may not open it: the line holds its number only (name, summary and dates are blank). */
  masked?: boolean
}

export interface RepeatCandidate extends CaseSummary {
  /** Which registration details matched (normalised: script, width and spacing ignored). */
  matched: ('name' | 'phone' | 'address' | 'organisation')[]
  phone: string
  address: string
  locality: string
}

export interface CaseloadRow {
  worker: UserRef
  open: number
  rational: number
  irrational: number
  /** 8.1 c: rational 1:65–70, irrational 1:5–10. */
  rationalState: 'under' | 'within' | 'over'
  irrationalState: 'under' | 'within' | 'over'
}
