import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import type {
  CaseSource,
  CaseStatus,
  ClosingType,
  EducationCode,
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
} from '@shared/domain/case/options'
import type { CaseFieldName, CaseFields } from '@shared/domain/case/types'
import type { DiversionRoute, InadmissibleKind, ScreeningAnswer } from '@shared/domain/screening/rules'
import { users } from './foundation'

/**
 * The cases feature's tables (migration 0002 and later steps). The migrations build the database;
 * these definitions describe it column for column — src/main/db/schema-drift.test.ts fails when the
 * two disagree — and type the queries: code columns carry their domain type ($type), JSON columns are
 * read and written as values (mode 'json').
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey(),
    caseNo: text('case_no').notNull().unique(),
    status: text('status').$type<CaseStatus>().notNull().default('intake'),
    riskLevel: text('risk_level').$type<RiskLevel>().notNull().default('none'),
    assignedWorkerId: integer('assigned_worker_id').references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    partyKind: text('party_kind').$type<PartyKind>().notNull().default('person'),
    name: text('name').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    address: text('address').notNull().default(''),
    locality: text('locality').notNull().default(''),
    summary: text('summary').notNull().default(''),
    headcount: integer('headcount'),
    contactDate: text('contact_date').notNull().default(''),
    /** Migration 0007: '' = typed by `by`; 'interview:<id>' = accepted from that contact's proposal. */
    source: text('source').$type<CaseSource>(),
    sourceText: text('source_text').notNull().default(''),
    demands: text('demands').notNull().default(''),
    petitionHistory: text('petition_history').notNull().default(''),
    personality: text('personality').notNull().default(''),
    referralOrg: text('referral_org').notNull().default(''),
    referralContact: text('referral_contact').notNull().default(''),
    gender: text('gender').$type<Gender>(),
    phone: text('phone').notNull().default(''),
    birth: text('birth').notNull().default(''),
    occupation: text('occupation').notNull().default(''),
    economicStatus: text('economic_status').notNull().default(''),
    /** Migration 0015: 语言 ticks, a JSON array of codes in the order recorded. */
    language: text('language_codes', { mode: 'json' }).$type<LanguageCode[]>().notNull().default([]),
    languageOther: text('language_other').notNull().default(''),
    marital: text('marital').$type<MaritalCode>(),
    maritalOther: text('marital_other').notNull().default(''),
    education: text('education').$type<EducationCode>(),
    /** Migration 0015: 居住状况 ticks, a JSON array of codes. */
    living: text('living_codes', { mode: 'json' }).$type<LivingCode[]>().notNull().default([]),
    livingOther: text('living_other').notNull().default(''),
    needs: text('needs', { mode: 'json' }).$type<NeedCode[]>().notNull().default([]),
    needsOther: text('needs_other').notNull().default(''),
    background: text('background').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    needsAnalysis: text('needs_analysis').notNull().default(''),
    serviceGoals: text('service_goals').notNull().default(''),
    serviceStrategy: text('service_strategy').notNull().default(''),
    evaluationMethods: text('evaluation_methods').notNull().default(''),
    workerSignedDate: text('worker_signed_date').notNull().default(''),
    irrational: integer('irrational', { mode: 'boolean' }).notNull().default(false),
    inPetitionProcedure: integer('in_petition_procedure', { mode: 'boolean' }).notNull().default(false),
    acceptedDate: text('accepted_date').notNull().default(''),
    extended: integer('extended', { mode: 'boolean' }).notNull().default(false),
    opinionReceivedDate: text('opinion_received_date').notNull().default(''),
    reviewReceivedDate: text('review_received_date').notNull().default(''),
    version: integer('version').notNull().default(1),
    largeScaleJudged: integer('large_scale_judged', { mode: 'boolean' }).notNull().default(false),
    riskReason: text('risk_reason').notNull().default(''),
    riskSetAt: text('risk_set_at'),
    riskSetBy: integer('risk_set_by').references(() => users.id),
    repeatMark: text('repeat_mark').$type<RepeatMark>(),
    repeatOf: text('repeat_of', { mode: 'json' }).$type<number[]>().notNull().default([]),
    repeatNote: text('repeat_note').notNull().default(''),
    repeatAt: text('repeat_at'),
    repeatBy: integer('repeat_by').references(() => users.id),
    intakeAccepted: integer('intake_accepted', { mode: 'boolean' }),
    intakeAssignedTo: integer('intake_assigned_to').references(() => users.id),
    intakeNote: text('intake_note').notNull().default(''),
    intakeAt: text('intake_at'),
    intakeBy: integer('intake_by').references(() => users.id),
    knewOfActDate: text('knew_of_act_date').notNull().default(''),
    infringementDate: text('infringement_date').notNull().default('')
  },
  (t) => [
    index('cases_worker_status').on(t.assignedWorkerId, t.status),
    index('cases_status').on(t.status),
    index('cases_risk').on(t.riskLevel).where(sql`${t.riskLevel} IN ('high', 'critical')`),
    index('cases_updated').on(t.updatedAt),
    index('cases_worker_updated').on(t.assignedWorkerId, t.updatedAt),
    index('cases_waiting_a').on(sql`(CASE WHEN ${t.workerSignedDate} <> '' THEN ${t.workerSignedDate} ELSE ${t.updatedAt} END)`, t.id).where(sql`${t.workerSignedDate} <> '' OR ${t.status} IN ('planning', 'intervention', 'evaluation', 'closed', 'transferred')`),
    index('cases_caseload').on(t.assignedWorkerId, t.status, t.irrational, t.repeatMark),
    index('cases_open_risk').on(t.status, t.riskLevel),
    index('cases_contact_figures').on(t.contactDate, t.status, t.repeatMark, t.partyKind, t.irrational, t.locality, t.needs),
    index('cases_worker_case_no').on(t.assignedWorkerId, t.caseNo),
    index('cases_worker_dates').on(t.assignedWorkerId, t.status, t.contactDate, t.acceptedDate, t.opinionReceivedDate, t.reviewReceivedDate, t.inPetitionProcedure, t.extended, t.knewOfActDate, t.infringementDate)
  ]
)

export const caseRepresentatives = sqliteTable(
  'case_representatives',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id)
  },
  (t) => [
    index('case_representatives_case').on(t.caseId)
  ]
)

export const caseScreening = sqliteTable(
  'case_screening',
  {
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    item: text('item', { enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'] }).notNull(),
    answer: text('answer').$type<ScreeningAnswer>(),
    detail: text('detail').$type<InadmissibleKind>(),
    note: text('note').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id)
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.item] }),
    check('case_screening_item', sql`${t.item} IN ('a','b','c','d','e','f','g','h','i','j','k','l')`)
  ]
)

export const caseDiversions = sqliteTable('case_diversions', {
  caseId: integer('case_id').primaryKey().references(() => cases.id, { onDelete: 'cascade' }),
  recommended: text('recommended', { mode: 'json' }).$type<DiversionRoute[]>().notNull().default([]),
  chosen: text('chosen').$type<DiversionRoute>().notNull(),
  overridden: integer('overridden', { mode: 'boolean' }).notNull().default(false),
  overrideReason: text('override_reason').notNull().default(''),
  reporterConfidential: integer('reporter_confidential', { mode: 'boolean' }).notNull().default(false),
  note: text('note').notNull().default(''),
  decidedAt: text('decided_at').notNull(),
  decidedBy: integer('decided_by').references(() => users.id)
})

export const caseFlowActions = sqliteTable(
  'case_flow_actions',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    flow: text('flow', { enum: ['collective', 'irrational', 'hardship', 'crisis'] }).notNull(),
    step: text('step').notNull(),
    note: text('note').notNull().default(''),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    check('case_flow_actions_flow', sql`${t.flow} IN ('collective', 'irrational', 'hardship', 'crisis')`),
    index('case_flow_actions_case').on(t.caseId)
  ]
)

export const caseResources = sqliteTable(
  'case_resources',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ResourceKind>().notNull(),
    kindOther: text('kind_other').notNull().default(''),
    department: text('department').notNull().default(''),
    result: text('result').$type<ResourceResult>().notNull().default('pending'),
    note: text('note').notNull().default(''),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    index('case_resources_case').on(t.caseId)
  ]
)

export const caseConsents = sqliteTable(
  'case_consents',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['record', 'sensitive', 'disclosure'] }).notNull(),
    granted: integer('granted', { mode: 'boolean' }).notNull(),
    method: text('method', { enum: ['oral', 'written'] }).notNull(),
    textVersion: text('text_version').notNull(),
    note: text('note').notNull().default(''),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    check('case_consents_kind', sql`${t.kind} IN ('record', 'sensitive', 'disclosure')`),
    check('case_consents_method', sql`${t.method} IN ('oral', 'written')`),
    index('case_consents_case').on(t.caseId)
  ]
)

export const caseFollowUps = sqliteTable(
  'case_follow_ups',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    dueDate: text('due_date').notNull(),
    kind: text('kind', { enum: ['short', 'mid'] }).notNull(),
    note: text('note').notNull().default(''),
    interviewId: integer('interview_id'),
    assignedWorkerId: integer('assigned_worker_id').references(() => users.id),
    doneAt: text('done_at'),
    doneNote: text('done_note').notNull().default(''),
    doneBy: integer('done_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id)
  },
  (t) => [
    check('case_follow_ups_kind', sql`${t.kind} IN ('short', 'mid')`),
    index('case_follow_ups_case').on(t.caseId),
    index('case_follow_ups_open').on(t.assignedWorkerId, t.dueDate).where(sql`${t.doneAt} IS NULL`),
    index('case_follow_ups_due').on(t.dueDate, t.doneAt)
  ]
)

export const caseRiskHistory = sqliteTable(
  'case_risk_history',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['none', 'low', 'medium', 'high', 'critical'] }).notNull(),
    reason: text('reason').notNull().default(''),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    check('case_risk_history_level', sql`${t.level} IN ('none', 'low', 'medium', 'high', 'critical')`),
    index('case_risk_history_case').on(t.caseId)
  ]
)

export const caseVersions = sqliteTable(
  'case_versions',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    changedFields: text('changed_fields', { mode: 'json' }).$type<CaseFieldName[]>().notNull(),
    before: text('before', { mode: 'json' }).$type<Partial<CaseFields>>().notNull(),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
    /** Migration 0007: '' = typed by `by`; 'interview:<id>' = accepted from that contact's proposal. */
    source: text('source').notNull().default('')
  },
  (t) => [
    unique().on(t.caseId, t.version)
  ]
)

export const caseClosings = sqliteTable(
  'case_closings',
  {
    caseId: integer('case_id').primaryKey().references(() => cases.id, { onDelete: 'cascade' }),
    category: text('category', { enum: ['transfer', 'end'] }).notNull(),
    openedDate: text('opened_date').notNull().default(''),
    closedDate: text('closed_date').notNull(),
    transferReason: text('transfer_reason').$type<TransferReason>(),
    transferReasonOther: text('transfer_reason_other').notNull().default(''),
    closingType: text('closing_type').$type<ClosingType>(),
    closingTypeOther: text('closing_type_other').notNull().default(''),
    linkedResources: text('linked_resources').notNull().default(''),
    contactedDepartments: text('contacted_departments').notNull().default(''),
    reflection: text('reflection').notNull().default(''),
    workerSignedDate: text('worker_signed_date').notNull().default(''),
    transferTo: text('transfer_to').notNull().default(''),
    savedAt: text('saved_at').notNull(),
    savedBy: integer('saved_by').references(() => users.id)
  },
  (t) => [
    check('case_closings_category', sql`${t.category} IN ('transfer', 'end')`),
    index('case_closings_saved').on(t.savedAt, t.caseId),
    index('case_closings_closed').on(t.closedDate, t.caseId)
  ]
)

export const caseGoals = sqliteTable(
  'case_goals',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    goal: text('goal').notNull().default(''),
    achievement: text('achievement').notNull().default(''),
    note: text('note').notNull().default('')
  },
  (t) => [
    index('case_goals_case').on(t.caseId, t.seq)
  ]
)

export const caseKeys = sqliteTable(
  'case_keys',
  {
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['name', 'phone', 'address', 'organisation'] }).notNull(),
    key: text('key').notNull()
  },
  (t) => [
    check('case_keys_kind', sql`${t.kind} IN ('name', 'phone', 'address', 'organisation')`),
    index('case_keys_lookup').on(t.kind, t.key),
    index('case_keys_case').on(t.caseId)
  ]
)
