import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Owned by the supervisor feature (migration 0004). */
export const signoffs = sqliteTable('signoffs', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['A', 'B', 'C'] }).notNull(),
  subjectId: integer('subject_id').notNull(),
  opinion: text('opinion').notNull(),
  signedBy: integer('signed_by').notNull(),
  signerName: text('signer_name').notNull(),
  signedAt: text('signed_at').notNull()
})

export const backupLog = sqliteTable('backup_log', {
  id: integer('id').primaryKey(),
  at: text('at').notNull(),
  kind: text('kind', { enum: ['export', 'safety', 'verify', 'restore'] }).notNull(),
  fileName: text('file_name').notNull(),
  bytes: integer('bytes').notNull(),
  outcome: text('outcome').notNull(),
  userId: integer('user_id')
})

export const legalHolds = sqliteTable('legal_holds', {
  caseId: integer('case_id').primaryKey(),
  reason: text('reason').notNull(),
  setBy: integer('set_by'),
  setAt: text('set_at').notNull()
})

export const destructionRegister = sqliteTable('destruction_register', {
  id: integer('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  openedAt: text('opened_at'),
  closedAt: text('closed_at'),
  destroyedAt: text('destroyed_at').notNull(),
  destroyedBy: integer('destroyed_by'),
  destroyedByName: text('destroyed_by_name').notNull(),
  reason: text('reason').notNull()
})
