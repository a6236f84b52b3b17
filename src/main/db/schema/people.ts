import { sql } from 'drizzle-orm'
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { cases } from './cases'
import { interviews } from './interview'
import { users } from './foundation'

/**
 * Owned by the interview feature's people module (migration 0014): what Form A has no box for but
 * the guide needs (hearing, nationality, 户籍), and per contact the language and who interpreted.
 */
export const casePeople = sqliteTable(
  'case_people',
  {
    caseId: integer('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    hardOfHearing: integer('hard_of_hearing', { mode: 'boolean' }).notNull().default(false),
    foreignNational: integer('foreign_national', { mode: 'boolean' }).notNull().default(false),
    nationality: text('nationality').notNull().default(''),
    hukou: text('hukou', { enum: ['local', 'nonLocal'] }),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id)
  },
  (t) => [
    check('case_people_hard_of_hearing', sql`${t.hardOfHearing} IN (0, 1)`),
    check('case_people_foreign_national', sql`${t.foreignNational} IN (0, 1)`),
    check('case_people_hukou', sql`${t.hukou} IN ('local', 'nonLocal')`)
  ]
)

export const interviewLanguage = sqliteTable(
  'interview_language',
  {
    interviewId: integer('interview_id')
      .primaryKey()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    spoken: text('spoken', { enum: ['putonghua', 'cantonese', 'hakka', 'chaozhou', 'foreign', 'other'] }).notNull(),
    spokenText: text('spoken_text').notNull().default(''),
    interpreterName: text('interpreter_name').notNull().default(''),
    interpreterLanguage: text('interpreter_language').notNull().default(''),
    interpreterRelation: text('interpreter_relation', { enum: ['colleague', 'family', 'professional'] }),
    updatedAt: text('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => users.id)
  },
  (t) => [
    check('interview_language_spoken', sql`${t.spoken} IN ('putonghua', 'cantonese', 'hakka', 'chaozhou', 'foreign', 'other')`),
    check('interview_language_relation', sql`${t.interpreterRelation} IN ('colleague', 'family', 'professional')`)
  ]
)
