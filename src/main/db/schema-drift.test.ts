import { afterEach, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { openRaw } from './open'
import { migrate, LATEST_SCHEMA } from './migrate'
import * as schema from './schema'
import { VIRTUAL_TABLES } from './schema'
import { describeDatabase, describeDrizzle, diffShapes, normaliseSql, tablesOf, type SchemaShape } from './schema-shape.test-support'
import { tempDir } from '../../../tests/support/desk'

/**
 * drizzle's schema (src/main/db/schema) is the one description of the database that queries are
 * typed by; the SQL migrations are what really builds it. This test migrates an empty encrypted
 * database to the latest version and compares the two: tables, columns (type, nullability, default),
 * primary keys, foreign keys (with their actions), unique constraints, indexes (terms, uniqueness,
 * partial WHERE) and CHECK constraints. A migration that changes the database without the schema, or
 * the reverse, fails here with one line per difference.
 */
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function migratedDatabase(): Database.Database {
  const { dir, cleanup } = tempDir('desk-drift-')
  const db = openRaw(join(dir, 'desk.db'), randomBytes(32), { create: true })
  cleanups.push(() => {
    db.close()
    cleanup()
  })
  migrate(db)
  return db
}

const schemaShape = (): SchemaShape => describeDrizzle(tablesOf(schema), VIRTUAL_TABLES)

/** Recreate one (empty) table from an edited copy of its CREATE statement, keeping its indexes. */
function editTable(db: Database.Database, table: string, edit: (createSql: string) => string): void {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }
  const indexes = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { sql: string }[]).map(
    (r) => r.sql
  )
  const edited = edit(sql)
  expect(edited, 'the edit changed nothing').not.toBe(sql)
  db.pragma('foreign_keys = OFF')
  db.exec(`DROP TABLE ${table}`)
  db.exec(edited)
  for (const ix of indexes) db.exec(ix)
}

describe('the drizzle schema matches the migrated database', () => {
  it(`at version ${LATEST_SCHEMA}: every table, column, key, index and CHECK`, () => {
    expect(diffShapes(describeDatabase(migratedDatabase()), schemaShape())).toEqual([])
  })
})

describe('the drift check notices a one-sided change', () => {
  const drift = (db: Database.Database) => diffShapes(describeDatabase(db), schemaShape())

  it('a column a migration adds that the schema lacks', () => {
    const db = migratedDatabase()
    db.exec("ALTER TABLE notices ADD COLUMN note TEXT NOT NULL DEFAULT ''")
    expect(drift(db)).toEqual(['notices.note: in the database, missing from the schema'])
  })

  it('a column a migration drops that the schema keeps', () => {
    const db = migratedDatabase()
    db.exec('ALTER TABLE case_goals DROP COLUMN note')
    expect(drift(db)).toEqual(['case_goals.note: in the schema, not in the database'])
  })

  it("a column's type, nullability or default", () => {
    const db = migratedDatabase()
    editTable(db, 'backup_log', (s) => s.replace('bytes INTEGER NOT NULL DEFAULT 0', "bytes TEXT NOT NULL DEFAULT '0'"))
    editTable(db, 'settings', (s) => s.replace('value TEXT NOT NULL', 'value TEXT'))
    expect(drift(db)).toEqual([
      'backup_log.bytes: type "TEXT" in the database, "INTEGER" in the schema',
      `backup_log.bytes: default "'0'" in the database, "0" in the schema`,
      'settings.value: notNull false in the database, true in the schema'
    ])
  })

  it("a column's foreign key, its ON DELETE, or a CHECK", () => {
    const db = migratedDatabase()
    editTable(db, 'case_goals', (s) => s.replace('REFERENCES cases(id) ON DELETE CASCADE', 'REFERENCES cases(id)'))
    editTable(db, 'case_keys', (s) => s.replace("'organisation'", "'organisation', 'email'"))
    editTable(db, 'legal_holds', (s) => s.replace('set_by INTEGER REFERENCES users(id)', 'set_by INTEGER'))
    expect(drift(db)).toEqual([
      'case_goals: foreign key (case_id) → cases(id) on delete NO ACTION on update NO ACTION in the database, missing from the schema',
      'case_goals: foreign key (case_id) → cases(id) on delete CASCADE on update NO ACTION in the schema, not in the database',
      "case_keys: check kind in('name','phone','address','organisation','email') in the database, missing from the schema",
      "case_keys: check kind in('name','phone','address','organisation') in the schema, not in the database",
      'legal_holds: foreign key (set_by) → users(id) on delete NO ACTION on update NO ACTION in the schema, not in the database'
    ])
  })

  it('a primary key, a unique constraint or an index', () => {
    const db = migratedDatabase()
    editTable(db, 'interview_checks', (s) => s.replace(/,\s*PRIMARY KEY \(interview_id, check_id\)/, ''))
    db.exec('DROP INDEX case_follow_ups_open; CREATE INDEX case_follow_ups_open ON case_follow_ups(assigned_worker_id, due_date)')
    db.exec('CREATE INDEX users_role ON users(role)')
    expect(drift(db)).toEqual([
      'case_follow_ups: index case_follow_ups_open is {"unique":false,"terms":["assigned_worker_id","due_date"],"where":null} in the database, {"unique":false,"terms":["assigned_worker_id","due_date"],"where":"done_at is null"} in the schema',
      'interview_checks: primary key () in the database, (interview_id, check_id) in the schema',
      'users: index users_role in the database, missing from the schema'
    ])
  })

  it('a table the schema defines differently (the schema side changed, the migrations did not)', () => {
    // A copy of legal_holds whose reason became optional.
    const changed = sqliteTable('legal_holds', {
      caseId: integer('case_id').primaryKey(),
      reason: text('reason'),
      setBy: integer('set_by').references(() => schema.users.id),
      setAt: text('set_at').notNull()
    })
    const tables = tablesOf(schema).map((t) => (t === schema.legalHolds ? changed : t))
    const db = migratedDatabase()
    expect(diffShapes(describeDatabase(db), describeDrizzle(tables, VIRTUAL_TABLES))).toEqual([
      'legal_holds.reason: notNull true in the database, false in the schema'
    ])
  })

  it('a table or a virtual table on one side only', () => {
    const db = migratedDatabase()
    db.exec('CREATE TABLE scratch (id INTEGER PRIMARY KEY)')
    db.exec("CREATE VIRTUAL TABLE notes_search USING fts5(body, content = '')")
    expect(drift(db)).toEqual([
      'virtual table notes_search: created by the migrations, not declared in the schema',
      'table scratch: created by the migrations, missing from the schema'
    ])
  })
})

describe('normaliseSql', () => {
  it('ignores quoting, table prefixes, case and spacing outside string literals, and keeps literals as written', () => {
    expect(normaliseSql(`"users"."role" IN ('worker','supervisor')`)).toBe(normaliseSql(`role in ( 'worker', 'supervisor' )`))
    expect(normaliseSql(`kind IN ('A b')`)).not.toBe(normaliseSql(`kind IN ('a B')`))
    expect(normaliseSql(`((x <> ''))`)).toBe(`x <> ''`)
  })
})
