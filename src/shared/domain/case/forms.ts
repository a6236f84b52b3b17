import type {
  ClosingCategory,
  ClosingType,
  TransferReason
} from './options'
import type { CaseFields, CaseRecord, GoalRow, UserRef } from './types'

/**
 * Form A (表 A.1 信访社会工作服务接案表) exactly as printed: one property per cell, in order.
 * Option lists print every option with the chosen one ticked; labels come from cases.json
 * `options.*` (the standard's wording). Text is printed exactly as typed.
 *
 * The cells Form A prints straight from the case's fields, in print order (接案记录, then 案主基本情况).
 */
export type FormACaseField =
  | 'contactDate'
  | 'source'
  | 'sourceText'
  | 'demands'
  | 'petitionHistory'
  | 'personality'
  | 'referralOrg'
  | 'referralContact'
  | 'gender'
  | 'phone'
  | 'address'
  | 'birth'
  | 'occupation'
  | 'economicStatus'
  | 'language'
  | 'languageOther'
  | 'marital'
  | 'maritalOther'
  | 'education'
  | 'living'
  | 'livingOther'
  | 'needs'
  | 'needsOther'
  | 'background'
  | 'assessment'
  | 'needsAnalysis'
  | 'serviceGoals'
  | 'serviceStrategy'
  | 'evaluationMethods'
  | 'workerSignedDate'

export interface FormAData extends Pick<CaseFields, FormACaseField> {
  caseNo: string
  /** 负责社工 */
  worker: UserRef | null
  /** 案主姓名 */
  clientName: string
  /** Derived from birth and contactDate (everyday counting). */
  age: number | null
  // 服务立案: 是否接案 (null: not decided yet)
  intakeAccepted: boolean | null
  intakeAssignedTo: UserRef | null
  intakeNote: string
  // 项目负责人签批: the supervisor sign-off of kind 'A' (supervisor feature).
}

export function toFormA(c: CaseRecord): FormAData {
  const f = c.fields
  return {
    caseNo: c.caseNo,
    contactDate: f.contactDate,
    worker: c.assignedWorker,
    source: f.source,
    sourceText: f.sourceText,
    demands: f.demands,
    petitionHistory: f.petitionHistory,
    personality: f.personality,
    referralOrg: f.referralOrg,
    referralContact: f.referralContact,
    clientName: f.name,
    gender: f.gender,
    phone: f.phone,
    address: f.address,
    birth: f.birth,
    age: c.age,
    occupation: f.occupation,
    economicStatus: f.economicStatus,
    language: f.language,
    languageOther: f.languageOther,
    marital: f.marital,
    maritalOther: f.maritalOther,
    education: f.education,
    living: f.living,
    livingOther: f.livingOther,
    needs: f.needs,
    needsOther: f.needsOther,
    background: f.background,
    assessment: f.assessment,
    needsAnalysis: f.needsAnalysis,
    serviceGoals: f.serviceGoals,
    serviceStrategy: f.serviceStrategy,
    evaluationMethods: f.evaluationMethods,
    workerSignedDate: f.workerSignedDate,
    intakeAccepted: c.intake ? c.intake.accepted : null,
    intakeAssignedTo: c.intake?.assignedTo ?? null,
    intakeNote: c.intake?.note ?? ''
  }
}

/** Form C (表 C.1 信访社会工作服务结案表); 服务机构的评估 + 项目负责人签字 are the supervisor sign-off 'C'. */
export interface FormCData {
  caseNo: string
  category: ClosingCategory | null
  clientName: string
  worker: UserRef | null
  openedDate: string
  closedDate: string
  transferReason: TransferReason | null
  transferReasonOther: string
  closingType: ClosingType | null
  closingTypeOther: string
  linkedResources: string
  contactedDepartments: string
  goals: GoalRow[]
  reflection: string
  workerSignedDate: string
}

export function toFormC(c: CaseRecord): FormCData {
  const x = c.closing
  return {
    caseNo: c.caseNo,
    category: x?.category ?? null,
    clientName: c.fields.name,
    worker: c.assignedWorker,
    openedDate: x?.openedDate || c.fields.contactDate,
    closedDate: x?.closedDate ?? '',
    transferReason: x?.transferReason ?? null,
    transferReasonOther: x?.transferReasonOther ?? '',
    closingType: x?.closingType ?? null,
    closingTypeOther: x?.closingTypeOther ?? '',
    linkedResources: x?.linkedResources ?? '',
    contactedDepartments: x?.contactedDepartments ?? '',
    goals: x?.goals ?? [],
    reflection: x?.reflection ?? '',
    workerSignedDate: x?.workerSignedDate ?? ''
  }
}
