import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
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
    acknowledgedAt: text('acknowledged_at')
  },
  (t) => [
    index('notices_open').on(t.acknowledgedAt, t.raisedAt)
  ]
)
