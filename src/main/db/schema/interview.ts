import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Owned by the interview feature; mirrors migration 0003 (the migration is the source of truth). */
export const interviews = sqliteTable('interviews', {
  id: integer('id').primaryKey(),
  caseId: integer('case_id').notNull(),
  workerId: integer('worker_id'),
  outputLang: text('output_lang').notNull(),
  workForm: text('work_form').notNull(),
  location: text('location').notNull(),
  stage: text('stage').notNull(),
  matterType: text('matter_type').notNull(),
  route: text('route').notNull(),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at'),
  followUpDate: text('follow_up_date'),
  followUpMidDate: text('follow_up_mid_date'),
  acceptedNeeds: text('accepted_needs').notNull(),
  ruleDates: text('rule_dates').notNull(),
  subject: text('subject').notNull(),
  contact: text('contact').notNull(),
  relation: text('relation').notNull(),
  locationText: text('location_text').notNull(),
  workFormText: text('work_form_text').notNull(),
  purpose: text('purpose').notNull(),
  notes: text('notes').notNull(),
  assessment: text('assessment').notNull(),
  followUpPlan: text('follow_up_plan').notNull(),
  summary: text('summary').notNull(),
  wWhen: text('w_when').notNull(),
  wWhere: text('w_where').notNull(),
  wWho: text('w_who').notNull(),
  wWhat: text('w_what').notNull(),
  wWhy: text('w_why').notNull(),
  wHow: text('w_how').notNull(),
  surfaceDemand: text('surface_demand').notNull(),
  deeperNeeds: text('deeper_needs').notNull(),
  experience: text('experience').notNull(),
  personality: text('personality').notNull(),
  petitionerName: text('petitioner_name').notNull(),
  revisions: text('revisions').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

export const interviewStageTimes = sqliteTable('interview_stage_times', {
  id: integer('id').primaryKey(),
  interviewId: integer('interview_id').notNull(),
  stage: text('stage').notNull(),
  enteredAt: text('entered_at').notNull(),
  leftAt: text('left_at')
})

export const interviewEmotions = sqliteTable('interview_emotions', {
  id: integer('id').primaryKey(),
  interviewId: integer('interview_id').notNull(),
  level: text('level').notNull(),
  at: text('at').notNull()
})

export const interviewChecks = sqliteTable('interview_checks', {
  interviewId: integer('interview_id').notNull(),
  checkId: text('check_id').notNull(),
  checked: integer('checked', { mode: 'boolean' }).notNull(),
  at: text('at').notNull()
})

export const interviewEvents = sqliteTable('interview_events', {
  id: integer('id').primaryKey(),
  interviewId: integer('interview_id').notNull(),
  kind: text('kind').notNull(),
  detail: text('detail').notNull(),
  at: text('at').notNull()
})

/** Migration 0007: corrections of an ended contact (what it said before, why, who, after sign-off or not). */
export const interviewCorrections = sqliteTable('interview_corrections', {
  id: integer('id').primaryKey(),
  interviewId: integer('interview_id').notNull(),
  changedFields: text('changed_fields').notNull(),
  before: text('before').notNull(),
  reason: text('reason').notNull(),
  afterSignoff: integer('after_signoff', { mode: 'boolean' }).notNull().default(false),
  at: text('at').notNull(),
  by: integer('by')
})
