import { sql } from 'drizzle-orm'
import { check, index, integer, primaryKey, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { cases } from './cases'
import { users } from './foundation'

/** Owned by the aftercare feature (migration 0019): what happens after the first visit. */

/** A worker has read a supervisor's opinion on one of their cases (a sign-off, a supervision record). */
export const opinionAcks = sqliteTable(
  'opinion_acks',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['signoff', 'supervision'] }).notNull(),
    refId: integer('ref_id').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull().default(''),
    at: text('at').notNull()
  },
  (t) => [unique().on(t.kind, t.refId, t.caseId, t.userId), check('opinion_acks_kind', sql`${t.kind} IN ('signoff', 'supervision')`)]
)

/** Supervision sessions and case conferences (8.3 c, 8.5 b). */
export const supervisionRecords = sqliteTable(
  'supervision_records',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['supervision', 'conference'] }).notNull(),
    heldOn: text('held_on').notNull(),
    participants: text('participants').notNull().default(''),
    topic: text('topic').notNull().default(''),
    opinions: text('opinions').notNull().default(''),
    decisions: text('decisions').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id)
  },
  (t) => [check('supervision_records_kind', sql`${t.kind} IN ('supervision', 'conference')`), index('supervision_records_held').on(t.heldOn, t.id)]
)

/** The cases a supervision record discussed, each with the opinion on it that its worker sees. */
export const supervisionRecordCases = sqliteTable(
  'supervision_record_cases',
  {
    recordId: integer('record_id')
      .notNull()
      .references(() => supervisionRecords.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    opinion: text('opinion').notNull().default('')
  },
  (t) => [primaryKey({ columns: [t.recordId, t.caseId] }), index('supervision_record_cases_case').on(t.caseId)]
)

/** The return visit a closing or transfer schedules (7.1.5), and what the worker recorded of it. */
export const returnVisits = sqliteTable(
  'return_visits',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: ['closed', 'transferred'] }).notNull(),
    closedDate: text('closed_date').notNull(),
    dueDate: text('due_date').notNull(),
    workerId: integer('worker_id').references(() => users.id),
    scheduledAt: text('scheduled_at').notNull(),
    recordedAt: text('recorded_at'),
    recordedBy: integer('recorded_by').references(() => users.id),
    visitDate: text('visit_date').notNull().default(''),
    happened: integer('happened', { mode: 'boolean' }),
    method: text('method', { enum: ['phone', 'visit', 'other'] }),
    outcome: text('outcome').notNull().default(''),
    petitionedAgain: text('petitioned_again', { enum: ['no', 'same', 'other', 'unknown'] }),
    /** JSON: question id → answer 1–4, or absent when not asked / declined. */
    satisfaction: text('satisfaction').notNull().default('{}'),
    note: text('note').notNull().default('')
  },
  (t) => [
    check('return_visits_reason', sql`${t.reason} IN ('closed', 'transferred')`),
    check('return_visits_method', sql`${t.method} IS NULL OR ${t.method} IN ('phone', 'visit', 'other')`),
    check('return_visits_petitioned_again', sql`${t.petitionedAgain} IS NULL OR ${t.petitionedAgain} IN ('no', 'same', 'other', 'unknown')`),
    index('return_visits_case').on(t.caseId),
    index('return_visits_worker_due').on(t.workerId, t.recordedAt, t.dueDate),
    index('return_visits_closed').on(t.closedDate)
  ]
)

/** The employer, estate, village or project a case is about (for the early warning, 5.1 f). */
export const caseSubjects = sqliteTable(
  'case_subjects',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['employer', 'estate', 'village', 'project'] }).notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id)
  },
  (t) => [
    unique().on(t.caseId, t.kind, t.nameKey),
    check('case_subjects_kind', sql`${t.kind} IN ('employer', 'estate', 'village', 'project')`),
    index('case_subjects_key').on(t.kind, t.nameKey)
  ]
)
