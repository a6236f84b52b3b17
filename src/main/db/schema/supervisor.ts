import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { users } from './foundation'

/** Owned by the supervisor feature (migration 0004). */
export const signoffs = sqliteTable(
  'signoffs',
  {
    id: integer('id').primaryKey(),
    kind: text('kind', { enum: ['A', 'B', 'C'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    opinion: text('opinion').notNull().default(''),
    signedBy: integer('signed_by').notNull().references(() => users.id),
    signerName: text('signer_name').notNull(),
    signedAt: text('signed_at').notNull()
  },
  (t) => [
    unique().on(t.kind, t.subjectId),
    check('signoffs_kind', sql`${t.kind} IN ('A', 'B', 'C')`)
  ]
)

export const backupLog = sqliteTable(
  'backup_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    kind: text('kind', { enum: ['export', 'safety', 'verify', 'restore'] }).notNull(),
    fileName: text('file_name').notNull(),
    bytes: integer('bytes').notNull().default(0),
    outcome: text('outcome').notNull(),
    userId: integer('user_id').references(() => users.id)
  },
  (t) => [
    check('backup_log_kind', sql`${t.kind} IN ('export', 'safety', 'verify', 'restore')`)
  ]
)

export const legalHolds = sqliteTable('legal_holds', {
  caseId: integer('case_id').primaryKey(),
  reason: text('reason').notNull(),
  setBy: integer('set_by').references(() => users.id),
  setAt: text('set_at').notNull()
})

export const destructionRegister = sqliteTable('destruction_register', {
  id: integer('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  openedAt: text('opened_at'),
  closedAt: text('closed_at'),
  destroyedAt: text('destroyed_at').notNull(),
  destroyedBy: integer('destroyed_by').references(() => users.id),
  destroyedByName: text('destroyed_by_name').notNull(),
  reason: text('reason').notNull()
})
