import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The cases feature's tables (migration 0002). The service uses prepared SQL for its hot paths;
 * these definitions give other features typed read access (Form A/C, figures, demo).
 */
export const cases = sqliteTable('cases', {
  id: integer('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  status: text('status').notNull(),
  riskLevel: text('risk_level').notNull(),
  assignedWorkerId: integer('assigned_worker_id'),
  createdBy: integer('created_by'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  partyKind: text('party_kind').notNull(),
  name: text('name').notNull(),
  contactPerson: text('contact_person').notNull(),
  address: text('address').notNull(),
  locality: text('locality').notNull(),
  summary: text('summary').notNull(),
  headcount: integer('headcount'),
  contactDate: text('contact_date').notNull(),
  source: text('source'),
  sourceText: text('source_text').notNull(),
  demands: text('demands').notNull(),
  petitionHistory: text('petition_history').notNull(),
  personality: text('personality').notNull(),
  referralOrg: text('referral_org').notNull(),
  referralContact: text('referral_contact').notNull(),
  gender: text('gender'),
  phone: text('phone').notNull(),
  birth: text('birth').notNull(),
  occupation: text('occupation').notNull(),
  economicStatus: text('economic_status').notNull(),
  language: text('language'),
  languageOther: text('language_other').notNull(),
  marital: text('marital'),
  maritalOther: text('marital_other').notNull(),
  education: text('education'),
  living: text('living'),
  livingOther: text('living_other').notNull(),
  needs: text('needs').notNull(),
  needsOther: text('needs_other').notNull(),
  background: text('background').notNull(),
  assessment: text('assessment').notNull(),
  needsAnalysis: text('needs_analysis').notNull(),
  serviceGoals: text('service_goals').notNull(),
  serviceStrategy: text('service_strategy').notNull(),
  evaluationMethods: text('evaluation_methods').notNull(),
  workerSignedDate: text('worker_signed_date').notNull(),
  irrational: integer('irrational', { mode: 'boolean' }).notNull(),
  inPetitionProcedure: integer('in_petition_procedure', { mode: 'boolean' }).notNull(),
  acceptedDate: text('accepted_date').notNull(),
  extended: integer('extended', { mode: 'boolean' }).notNull(),
  opinionReceivedDate: text('opinion_received_date').notNull(),
  reviewReceivedDate: text('review_received_date').notNull(),
  knewOfActDate: text('knew_of_act_date').notNull(),
  infringementDate: text('infringement_date').notNull(),
  version: integer('version').notNull(),
  largeScaleJudged: integer('large_scale_judged', { mode: 'boolean' }).notNull(),
  riskReason: text('risk_reason').notNull(),
  riskSetAt: text('risk_set_at'),
  riskSetBy: integer('risk_set_by'),
  repeatMark: text('repeat_mark'),
  repeatOf: text('repeat_of').notNull(),
  repeatNote: text('repeat_note').notNull(),
  repeatAt: text('repeat_at'),
  repeatBy: integer('repeat_by'),
  intakeAccepted: integer('intake_accepted', { mode: 'boolean' }),
  intakeAssignedTo: integer('intake_assigned_to'),
  intakeNote: text('intake_note').notNull(),
  intakeAt: text('intake_at'),
  intakeBy: integer('intake_by')
})

export const caseRepresentatives = sqliteTable('case_representatives', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  note: text('note').notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: integer('added_by')
})

export const caseScreening = sqliteTable(
  'case_screening',
  {
    caseId: integer('case_id').notNull(),
    item: text('item').notNull(),
    answer: text('answer'),
    detail: text('detail'),
    note: text('note').notNull(),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by')
  },
  (t) => [primaryKey({ columns: [t.caseId, t.item] })]
)

export const caseDiversions = sqliteTable('case_diversions', {
  caseId: integer('case_id').primaryKey(),
  recommended: text('recommended').notNull(),
  chosen: text('chosen').notNull(),
  overridden: integer('overridden', { mode: 'boolean' }).notNull(),
  overrideReason: text('override_reason').notNull(),
  reporterConfidential: integer('reporter_confidential', { mode: 'boolean' }).notNull(),
  note: text('note').notNull(),
  decidedAt: text('decided_at').notNull(),
  decidedBy: integer('decided_by')
})

export const caseFlowActions = sqliteTable('case_flow_actions', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  flow: text('flow').notNull(),
  step: text('step').notNull(),
  note: text('note').notNull(),
  at: text('at').notNull(),
  by: integer('by')
})

export const caseResources = sqliteTable('case_resources', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  kind: text('kind').notNull(),
  kindOther: text('kind_other').notNull(),
  department: text('department').notNull(),
  result: text('result').notNull(),
  note: text('note').notNull(),
  at: text('at').notNull(),
  by: integer('by')
})

export const caseConsents = sqliteTable('case_consents', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  kind: text('kind').notNull(),
  granted: integer('granted', { mode: 'boolean' }).notNull(),
  method: text('method').notNull(),
  textVersion: text('text_version').notNull(),
  note: text('note').notNull(),
  at: text('at').notNull(),
  by: integer('by')
})

export const caseFollowUps = sqliteTable('case_follow_ups', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  dueDate: text('due_date').notNull(),
  kind: text('kind').notNull(),
  note: text('note').notNull(),
  interviewId: integer('interview_id'),
  assignedWorkerId: integer('assigned_worker_id'),
  doneAt: text('done_at'),
  doneNote: text('done_note').notNull(),
  doneBy: integer('done_by'),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
})

export const caseRiskHistory = sqliteTable('case_risk_history', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  level: text('level').notNull(),
  reason: text('reason').notNull(),
  at: text('at').notNull(),
  by: integer('by')
})

export const caseVersions = sqliteTable('case_versions', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  version: integer('version').notNull(),
  changedFields: text('changed_fields').notNull(),
  before: text('before').notNull(),
  at: text('at').notNull(),
  by: integer('by'),
  /** Migration 0007: '' = typed by `by`; 'interview:<id>' = accepted from that contact's proposal. */
  source: text('source').notNull().default('')
})

export const caseClosings = sqliteTable('case_closings', {
  caseId: integer('case_id').primaryKey(),
  category: text('category').notNull(),
  openedDate: text('opened_date').notNull(),
  closedDate: text('closed_date').notNull(),
  transferReason: text('transfer_reason'),
  transferReasonOther: text('transfer_reason_other').notNull(),
  closingType: text('closing_type'),
  closingTypeOther: text('closing_type_other').notNull(),
  linkedResources: text('linked_resources').notNull(),
  contactedDepartments: text('contacted_departments').notNull(),
  reflection: text('reflection').notNull(),
  workerSignedDate: text('worker_signed_date').notNull(),
  transferTo: text('transfer_to').notNull(),
  savedAt: text('saved_at').notNull(),
  savedBy: integer('saved_by')
})

export const caseGoals = sqliteTable('case_goals', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  seq: integer('seq').notNull(),
  goal: text('goal').notNull(),
  achievement: text('achievement').notNull(),
  note: text('note').notNull()
})

export const caseKeys = sqliteTable('case_keys', {
  caseId: integer('case_id').notNull(),
  kind: text('kind').notNull(),
  key: text('key').notNull()
})
