import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  loginName: text('login_name').notNull(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['worker', 'supervisor'] }).notNull(),
  locale: text('locale', { enum: ['zh-CN', 'yue-HK'] }).notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull()
})

export const keySlots = sqliteTable('key_slots', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['user', 'recovery'] }).notNull(),
  userId: integer('user_id'),
  createdAt: text('created_at').notNull()
})

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by')
})

export const auditEvents = sqliteTable('audit_events', {
  id: integer('id').primaryKey(),
  at: text('at').notNull(),
  actorId: integer('actor_id'),
  action: text('action').notNull(),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull()
})
