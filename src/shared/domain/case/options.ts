/**
 * The option lists of Form A and Form C (DB4401/T 321-2025, Appendix A and C) as stable codes.
 * Codes are stored; labels live in cases.json under `options.<list>.<code>` (普通话 labels are the
 * standard's own wording, character for character). Order is the printed order.
 * Lists with an `other` code carry a free text "（请注明）" stored beside the code.
 */
export const PARTY_KINDS = ['person', 'organisation', 'collective'] as const
export type PartyKind = (typeof PARTY_KINDS)[number]

/** 个案来源: 案主主动咨询 / 社工探访/接访（请注明） / 转介人/单位（请注明）. */
export const CASE_SOURCES = ['self', 'outreach', 'referral'] as const
export type CaseSource = (typeof CASE_SOURCES)[number]
/** Sources whose "（请注明）" text is asked for. */
export const SOURCES_WITH_TEXT: readonly CaseSource[] = ['outreach', 'referral']

export const GENDERS = ['male', 'female'] as const
export type Gender = (typeof GENDERS)[number]

/** 语言: 普通话 广东话 客家话 其他请注明. */
export const LANGUAGES = ['putonghua', 'cantonese', 'hakka', 'other'] as const
export type LanguageCode = (typeof LANGUAGES)[number]

/** 婚姻状况: 未婚 已婚 离异 丧偶 再婚 其它（请注明）. */
export const MARITAL = ['single', 'married', 'divorced', 'widowed', 'remarried', 'other'] as const
export type MaritalCode = (typeof MARITAL)[number]

/** 教育程度: 文盲 略懂文字 小学 初中 高中/中专 大专 本科及以上 (no "other" on the form). */
export const EDUCATION = ['illiterate', 'semiLiterate', 'primary', 'juniorHigh', 'seniorHigh', 'college', 'bachelor'] as const
export type EducationCode = (typeof EDUCATION)[number]

/** 居住状况: 独居 与伴侣同住 与配偶同住 与成年子女同住 与未成年子女同住 其他（请注明）. */
export const LIVING = ['alone', 'withPartner', 'withSpouse', 'withAdultChildren', 'withMinorChildren', 'other'] as const
export type LivingCode = (typeof LIVING)[number]

/** 问题/需要（可多选）: 法律咨询 政策引导 情绪疏导 家庭关系调适 危机介入 邻里纠纷 诉求解决 链接资源 其他（请注明）. */
export const NEEDS = [
  'legalAdvice',
  'policyGuidance',
  'emotionalSupport',
  'familyRelations',
  'crisisIntervention',
  'neighbourDispute',
  'demandResolution',
  'resourceLinking',
  'other'
] as const
export type NeedCode = (typeof NEEDS)[number]

/** 7.1 lifecycle: 接案 → 预估 → 计划 → 介入 → 评估 → 结案 / 转介. Guided, not forced. */
export const CASE_STATUSES = ['intake', 'assessment', 'planning', 'intervention', 'evaluation', 'closed', 'transferred'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const OPEN_STATUSES: readonly CaseStatus[] = ['intake', 'assessment', 'planning', 'intervention', 'evaluation']
export const isOpenStatus = (s: CaseStatus) => OPEN_STATUSES.includes(s)

/** 无 / 低 / 中 / 高 / 危急. High levels show in every list. */
export const RISK_LEVELS = ['none', 'low', 'medium', 'high', 'critical'] as const
export type RiskLevel = (typeof RISK_LEVELS)[number]
export const riskRank = (r: RiskLevel) => RISK_LEVELS.indexOf(r)
export const isHighRisk = (r: RiskLevel) => riskRank(r) >= riskRank('high')

/** Form C 类别: 个案转介 / 个案结束. */
export const CLOSING_CATEGORIES = ['transfer', 'end'] as const
export type ClosingCategory = (typeof CLOSING_CATEGORIES)[number]

/** Form C 转介原因 (the standard's four reasons and 其他). */
export const TRANSFER_REASONS = ['beyondScope', 'outsideArea', 'workerChange', 'relationship', 'other'] as const
export type TransferReason = (typeof TRANSFER_REASONS)[number]

/** Form C 结案类型: 目标达成 转介 案主自决终止服务 远离服务区域 离世 其他. */
export const CLOSING_TYPES = ['goalsMet', 'referred', 'clientEnded', 'movedAway', 'deceased', 'other'] as const
export type ClosingType = (typeof CLOSING_TYPES)[number]

/** Special flows of 7.2 plus the crisis procedure (5.8, 6.3.3). */
export const FLOWS = ['collective', 'irrational', 'hardship', 'crisis'] as const
export type Flow = (typeof FLOWS)[number]

/** The checklist steps of each flow, in the standard's order (clause in the comment). */
export const FLOW_STEPS = {
  // 7.2.1 a–f
  collective: ['calm', 'representatives', 'fixDemands', 'reportUpward', 'notifyLocality', 'consultation', 'explainProcess', 'persuadeThenPolice'],
  // 7.2.2 a–f
  irrational: ['gradeRisk', 'warningPlan', 'lifeRisk', 'reportEvent', 'onSiteGuidance', 'ownSafety'],
  // 7.2.3 a–e
  hardship: ['homeVisit', 'connectDepartments', 'explainPolicy', 'relayResults', 'linkResources'],
  // 5.8 / 6.3.3, SZ A.1
  crisis: ['gradedWarning', 'emergencyProcedure', 'reportDepartments', 'supportSteps', 'supervisorTold']
} as const satisfies Record<Flow, readonly string[]>
export type FlowStep<F extends Flow = Flow> = (typeof FLOW_STEPS)[F][number]

/** Resources linked for 生活困难 (7.2.3 e; 条例 第三十七条第二款). */
export const RESOURCE_KINDS = [
  'dibao',
  'temporaryAssistance',
  'medicalAssistance',
  'judicialAssistance',
  'specialHardship',
  'housing',
  'employment',
  'education',
  'legalAid',
  'charity',
  'other'
] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]
export const RESOURCE_RESULTS = ['pending', 'granted', 'refused', 'withdrawn'] as const
export type ResourceResult = (typeof RESOURCE_RESULTS)[number]

/** PIPL consents (standard 4.5): recording, sensitive information (health, mental state), disclosure. */
export const CONSENT_KINDS = ['record', 'sensitive', 'disclosure'] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]
export const CONSENT_METHODS = ['oral', 'written'] as const
export type ConsentMethod = (typeof CONSENT_METHODS)[number]
/** The consent text shown to the petitioner; bump when its wording changes. */
export const CONSENT_TEXT_VERSION = '2026-2'

/** Follow-up kinds from the practice guide: short term 3–7 days, mid term 1–3 months (service targets). */
export const FOLLOW_UP_KINDS = ['short', 'mid'] as const
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number]

/** The worker's explicit repeat decision (3.4); never set from free text. */
export const REPEAT_MARKS = ['repeat', 'notRepeat'] as const
export type RepeatMark = (typeof REPEAT_MARKS)[number]

/** 7.2.1 a / 条例 第二十条第三款: no more than 5 representatives. */
export const MAX_REPRESENTATIVES = 5
/** 3.7: a collective visit is 5 or more people with the same matter. */
export const COLLECTIVE_MIN_PEOPLE = 5
