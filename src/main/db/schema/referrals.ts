import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { cases } from './cases'
import { users } from './foundation'

/** Owned by the referrals feature (migration 0017): the directory, the referral ledger, its events and 督办 notes. */
export const directoryEntries = sqliteTable(
  'directory_entries',
  {
    id: integer('id').primaryKey(),
    builtin: text('builtin').unique(),
    level: text('level', { enum: ['national', 'city', 'district', 'street'] }).notNull(),
    locality: text('locality').notNull().default(''),
    category: text('category').notNull(),
    name: text('name').notNull().default(''),
    address: text('address').notNull().default(''),
    phone: text('phone').notNull().default(''),
    hours: text('hours').notNull().default(''),
    handles: text('handles').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id)
  },
  (t) => [
    check('directory_entries_level', sql`${t.level} IN ('national', 'city', 'district', 'street')`),
    index('directory_entries_category').on(t.category, t.level)
  ]
)

export const caseReferrals = sqliteTable(
  'case_referrals',
  {
    id: integer('id').primaryKey(),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    route: text('route').notNull(),
    method: text('method', { enum: ['transfer', 'assign', 'refer', 'inform'] }),
    directoryId: integer('directory_id').references(() => directoryEntries.id, { onDelete: 'set null' }),
    toName: text('to_name').notNull().default(''),
    toAddress: text('to_address').notNull().default(''),
    toPhone: text('to_phone').notNull().default(''),
    sentDate: text('sent_date').notNull().default(''),
    sentWhat: text('sent_what').notNull().default(''),
    dueBasis: text('due_basis', { enum: ['', 'statute', 'agreed'] }).notNull().default(''),
    dueDeadline: text('due_deadline').notNull().default(''),
    replyDue: text('reply_due').notNull().default(''),
    replyDate: text('reply_date').notNull().default(''),
    replySummary: text('reply_summary').notNull().default(''),
    relayedDate: text('relayed_date').notNull().default(''),
    relayedHow: text('relayed_how', { enum: ['inPerson', 'phone', 'letter', 'message'] }),
    relayedNote: text('relayed_note').notNull().default(''),
    withdrawnAt: text('withdrawn_at'),
    withdrawnReason: text('withdrawn_reason').notNull().default(''),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id),
    version: integer('version').notNull().default(1)
  },
  (t) => [
    check('case_referrals_method', sql`${t.method} IN ('transfer', 'assign', 'refer', 'inform')`),
    check('case_referrals_due_basis', sql`${t.dueBasis} IN ('', 'statute', 'agreed')`),
    check('case_referrals_relayed_how', sql`${t.relayedHow} IN ('inPerson', 'phone', 'letter', 'message')`),
    index('case_referrals_case').on(t.caseId),
    index('case_referrals_open').on(t.replyDue, t.id).where(sql`${t.withdrawnAt} IS NULL AND ${t.relayedDate} = ''`),
    // Migration 0020: the 督办 list and Today, and the referral figures, read from these alone.
    index('case_referrals_attention')
      .on(t.caseId, t.replyDate, t.replyDue, t.sentDate, t.directoryId, t.toName, t.withdrawnAt, t.relayedDate)
      .where(sql`${t.withdrawnAt} IS NULL AND ${t.relayedDate} = ''`),
    index('case_referrals_sent').on(t.sentDate, t.withdrawnAt, t.method, t.replyDate, t.relayedDate),
    index('case_referrals_relayed').on(t.relayedDate, t.caseId, t.withdrawnAt).where(sql`${t.withdrawnAt} IS NULL AND ${t.relayedDate} <> ''`),
    index('case_referrals_case_relayed').on(t.caseId, t.relayedDate, t.withdrawnAt).where(sql`${t.withdrawnAt} IS NULL AND ${t.relayedDate} <> ''`)
  ]
)

export const referralEvents = sqliteTable(
  'referral_events',
  {
    id: integer('id').primaryKey(),
    referralId: integer('referral_id').notNull().references(() => caseReferrals.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['created', 'sent', 'reply', 'relayed', 'edited', 'withdrawn', 'supervised', 'acknowledged'] }).notNull(),
    changedFields: text('changed_fields').notNull().default('[]'),
    before: text('before').notNull().default('{}'),
    at: text('at').notNull(),
    by: integer('by').references(() => users.id)
  },
  (t) => [
    check('referral_events_kind', sql`${t.kind} IN ('created', 'sent', 'reply', 'relayed', 'edited', 'withdrawn', 'supervised', 'acknowledged')`),
    index('referral_events_case').on(t.caseId, t.at)
  ]
)

export const referralSupervisionNotes = sqliteTable(
  'referral_supervision_notes',
  {
    id: integer('id').primaryKey(),
    referralId: integer('referral_id').notNull().references(() => caseReferrals.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
    workerId: integer('worker_id').references(() => users.id),
    note: text('note').notNull(),
    writtenAt: text('written_at').notNull(),
    writtenBy: integer('written_by').references(() => users.id),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by').references(() => users.id)
  },
  (t) => [
    index('referral_supervision_notes_referral').on(t.referralId),
    index('referral_supervision_notes_open').on(t.workerId, t.writtenAt).where(sql`${t.acknowledgedAt} IS NULL`)
  ]
)
