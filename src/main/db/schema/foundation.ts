import { sql } from 'drizzle-orm'
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    loginName: text('login_name').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** Migration 0016 adds 'clerk' (档案管理). */
    role: text('role', { enum: ['worker', 'supervisor', 'clerk'] }).notNull(),
    locale: text('locale', { enum: ['zh-CN', 'yue-HK'] }).notNull().default('zh-CN'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull()
  },
  (t) => [
    check('users_role', sql`${t.role} IN ('worker', 'supervisor', 'clerk')`),
    check('users_locale', sql`${t.locale} IN ('zh-CN', 'yue-HK')`)
  ]
)

export const keySlots = sqliteTable(
  'key_slots',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['user', 'recovery'] }).notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull()
  },
  (t) => [
    check('key_slots_kind', sql`${t.kind} IN ('user', 'recovery')`)
  ]
)

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by').references(() => users.id)
})

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    details: text('details').notNull().default('{}'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull()
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_subject').on(t.subjectType, t.subjectId)
  ]
)
