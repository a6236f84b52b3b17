import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Owned by the cases feature; the foundation only sketches the columns every feature relies on. */
export const cases = sqliteTable('cases', {
  id: integer('id').primaryKey(),
  caseNo: text('case_no').notNull(),
  status: text('status').notNull(),
  riskLevel: text('risk_level').notNull(),
  assignedWorkerId: integer('assigned_worker_id'),
  createdBy: integer('created_by'),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})
