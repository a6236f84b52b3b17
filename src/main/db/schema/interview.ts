import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { cases } from './cases'
import { users } from './foundation'

/** Owned by the interview feature (migration 0003); the drift test keeps it equal to what the migrations build. */
export const interviews = sqliteTable(
  'interviews',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id),
    workerId: integer('worker_id').references(() => users.id),
    outputLang: text('output_lang', { enum: ['zh-CN', 'yue-HK'] }).notNull().default('zh-CN'),
    workForm: text('work_form', { enum: ['faceToFace', 'phone', 'accompany', 'qqWechat', 'other'] }).notNull().default('faceToFace'),
    location: text('location', { enum: ['clientHome', 'other'] }).notNull().default('other'),
    stage: text('stage', { enum: ['rapport', 'emotion', 'policy', 'closing'] }).notNull().default('rapport'),
    matterType: text('matter_type').notNull().default(''),
    route: text('route').notNull().default('unknown'),
    startedAt: text('started_at').notNull(),
    endedAt: text('ended_at'),
    followUpDate: text('follow_up_date'),
    followUpMidDate: text('follow_up_mid_date'),
    acceptedNeeds: text('accepted_needs').notNull().default('[]'),
    ruleDates: text('rule_dates').notNull().default('{}'),
    subject: text('subject').notNull().default(''),
    contact: text('contact').notNull().default(''),
    relation: text('relation').notNull().default(''),
    locationText: text('location_text').notNull().default(''),
    workFormText: text('work_form_text').notNull().default(''),
    purpose: text('purpose').notNull().default(''),
    notes: text('notes').notNull().default(''),
    assessment: text('assessment').notNull().default(''),
    followUpPlan: text('follow_up_plan').notNull().default(''),
    summary: text('summary').notNull().default(''),
    wWhen: text('w_when').notNull().default(''),
    wWhere: text('w_where').notNull().default(''),
    wWho: text('w_who').notNull().default(''),
    wWhat: text('w_what').notNull().default(''),
    wWhy: text('w_why').notNull().default(''),
    wHow: text('w_how').notNull().default(''),
    surfaceDemand: text('surface_demand').notNull().default(''),
    deeperNeeds: text('deeper_needs').notNull().default(''),
    experience: text('experience').notNull().default(''),
    personality: text('personality').notNull().default(''),
    petitionerName: text('petitioner_name').notNull().default(''),
    /** Migration 0014 (people): the matter in the petitioner's own words. */
    ownWords: text('own_words').notNull().default(''),
    revisions: text('revisions').notNull().default('{}'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    check('interviews_output_lang', sql`${t.outputLang} IN ('zh-CN', 'yue-HK')`),
    check('interviews_work_form', sql`${t.workForm} IN ('faceToFace', 'phone', 'accompany', 'qqWechat', 'other')`),
    check('interviews_location', sql`${t.location} IN ('clientHome', 'other')`),
    check('interviews_stage', sql`${t.stage} IN ('rapport', 'emotion', 'policy', 'closing')`),
    index('interviews_case').on(t.caseId, t.startedAt, t.id),
    index('interviews_follow_up').on(t.followUpDate),
    index('interviews_ended').on(t.endedAt, t.id).where(sql`${t.endedAt} IS NOT NULL`)
  ]
)

export const interviewStageTimes = sqliteTable(
  'interview_stage_times',
  {
    id: integer('id').primaryKey(),
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    stage: text('stage').notNull(),
    enteredAt: text('entered_at').notNull(),
    leftAt: text('left_at')
  },
  (t) => [
    index('interview_stage_times_iv').on(t.interviewId, t.id)
  ]
)

export const interviewEmotions = sqliteTable(
  'interview_emotions',
  {
    id: integer('id').primaryKey(),
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['calm', 'anxious', 'agitated', 'crying', 'accusing', 'threatening'] }).notNull(),
    at: text('at').notNull()
  },
  (t) => [
    check('interview_emotions_level', sql`${t.level} IN ('calm', 'anxious', 'agitated', 'crying', 'accusing', 'threatening')`),
    index('interview_emotions_iv').on(t.interviewId, t.id)
  ]
)

export const interviewChecks = sqliteTable(
  'interview_checks',
  {
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    checkId: text('check_id').notNull(),
    checked: integer('checked', { mode: 'boolean' }).notNull().default(true),
    at: text('at').notNull()
  },
  (t) => [
    primaryKey({ columns: [t.interviewId, t.checkId] })
  ]
)

export const interviewEvents = sqliteTable(
  'interview_events',
  {
    id: integer('id').primaryKey(),
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    detail: text('detail').notNull().default(''),
    at: text('at').notNull()
  },
  (t) => [
    index('interview_events_iv').on(t.interviewId, t.id)
  ]
)

/** Migration 0007: corrections of an ended contact (what it said before, why, who, after sign-off or not). */
export const interviewCorrections = sqliteTable(
  'interview_corrections',
  {
    id: integer('id').primaryKey(),
    interviewId: integer('interview_id').notNull().references(() => interviews.id, { onDelete: 'cascade' }),
    changedFields: text('changed_fields').notNull(),
    before: text('before').notNull(),
    reason: text('reason').notNull(),
    afterSignoff: integer('after_signoff', { mode: 'boolean' }).notNull().default(false),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    index('interview_corrections_iv').on(t.interviewId, t.id)
  ]
)
