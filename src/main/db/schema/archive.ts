import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text, unique } from 'drizzle-orm/sqlite-core'
import { users } from './foundation'
import { cases } from './cases'

/** The records clerk's archive (migration 0016): printed and filed forms, every print, the lending register. */
export const archiveItems = sqliteTable(
  'archive_items',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    /** A and C: subject = the case; B: subject = the contact (interview). */
    kind: text('kind', { enum: ['A', 'B', 'C'] }).notNull(),
    subjectId: integer('subject_id').notNull(),
    firstPrintedAt: text('first_printed_at').notNull(),
    firstPrintedBy: integer('first_printed_by').references(() => users.id),
    lastPrintedAt: text('last_printed_at').notNull(),
    prints: integer('prints').notNull().default(1),
    filedAt: text('filed_at'),
    filedBy: integer('filed_by').references(() => users.id),
    archiveNo: text('archive_no').notNull().default(''),
    box: text('box').notNull().default(''),
    shelf: text('shelf').notNull().default('')
  },
  (t) => [
    unique().on(t.kind, t.subjectId),
    index('archive_items_case').on(t.caseId),
    check('archive_items_kind', sql`${t.kind} IN ('A', 'B', 'C')`)
  ]
)

export const archivePrints = sqliteTable(
  'archive_prints',
  {
    id: integer('id').primaryKey(),
    itemId: integer('item_id').notNull().references(() => archiveItems.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id),
    lang: text('lang').notNull(),
    reprint: integer('reprint', { mode: 'boolean' }).notNull().default(false)
  },
  (t) => [index('archive_prints_item').on(t.itemId)]
)

export const archiveLoans = sqliteTable(
  'archive_loans',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    borrower: text('borrower').notNull(),
    purpose: text('purpose').notNull().default(''),
    lentAt: text('lent_at').notNull(),
    lentBy: integer('lent_by').references(() => users.id),
    /** YYYY-MM-DD: overdue from the day after. */
    dueDate: text('due_date').notNull(),
    returnedAt: text('returned_at'),
    returnedBy: integer('returned_by').references(() => users.id)
  },
  (t) => [
    index('archive_loans_case').on(t.caseId),
    index('archive_loans_open').on(t.dueDate).where(sql`${t.returnedAt} IS NULL`)
  ]
)
