import { sql } from 'drizzle-orm'
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { cases } from './cases'
import { users } from './foundation'

/** Owned by the notices feature (migration 0005): a crisis opened in an interview waits here for a supervisor. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer('id').primaryKey(),
    kind: text('kind').notNull(),
    caseId: integer('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    interviewId: integer('interview_id'),
    raisedBy: integer('raised_by').references(() => users.id),
    raisedAt: text('raised_at').notNull(),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id),
    acknowledgedAt: text('acknowledged_at'),
    /** Migration 0019: what it is about (a risk level; a deadline id and its date). Never personal text. */
    detail: text('detail').notNull().default(''),
    /** Migration 0019: a notice that must be raised only once (a missed deadline: `deadline:<case>:<id>:<due>`). */
    onceKey: text('once_key'),
    acknowledgeNote: text('acknowledge_note').notNull().default(''),
    /** Migration 0020: a notice for one worker (a referral reply overdue, to the case's worker); NULL: for the supervisors. */
    forUserId: integer('for_user_id').references(() => users.id)
  },
  (t) => [
    index('notices_open').on(t.acknowledgedAt, t.raisedAt),
    index('notices_for_user').on(t.forUserId, t.acknowledgedAt),
    uniqueIndex('notices_once').on(t.onceKey).where(sql`${t.onceKey} IS NOT NULL`)
  ]
)
