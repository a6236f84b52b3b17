import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './foundation'
import { cases } from './cases'

/**
 * Issue 12 §4 (migration 0013): confidential reports, the reasons given to open them, alternative
 * contacts and earlier visits to other agencies. Four triggers of that migration (not expressible
 * here) insert into case_confidential when case_diversions records reporter_confidential or an
 * interview's route becomes 'disciplineReport'.
 */
export const caseConfidential = sqliteTable(
  'case_confidential',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    since: text('since').notNull(),
    source: text('source', { enum: ['diversion', 'interview'] }).notNull()
  },
  (t) => [check('case_confidential_source', sql`${t.source} IN ('diversion', 'interview')`)]
)

export const caseAccessGrants = sqliteTable(
  'case_access_grants',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    grantedAt: text('granted_at').notNull(),
    expiresAt: text('expires_at').notNull()
  },
  (t) => [index('case_access_grants_case_user').on(t.caseId, t.userId)]
)

export const caseAltContacts = sqliteTable(
  'case_alt_contacts',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    relation: text('relation').notNull().default(''),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id)
  },
  (t) => [index('case_alt_contacts_case').on(t.caseId)]
)

export const caseOtherVisits = sqliteTable(
  'case_other_visits',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    agency: text('agency').notNull(),
    firstDate: text('first_date').notNull().default(''),
    lastDate: text('last_date').notNull().default(''),
    times: integer('times'),
    note: text('note').notNull().default(''),
    addedAt: text('added_at').notNull(),
    addedBy: integer('added_by').references(() => users.id)
  },
  (t) => [index('case_other_visits_case').on(t.caseId)]
)
