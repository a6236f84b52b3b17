import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { migrate, schemaVersion } from '../db/migrate'
import { getTableConfig } from 'drizzle-orm/sqlite-core'
import { cases } from '../db/schema'
import { FIELD_COLUMNS } from './columns'

describe('migration 0002 (cases)', () => {
  it('keeps a case written under version 1 and gives it the new columns', () => {
    const db = new Database(':memory:')
    migrate(db, 1)
    db.prepare("INSERT INTO users (login_name, display_name, role, created_at, updated_at) VALUES ('a', 'A', 'worker', 'x', 'x')").run()
    db.prepare(
      "INSERT INTO cases (case_no, status, risk_level, assigned_worker_id, created_at, updated_at) VALUES ('2026-000001', 'intake', 'high', 1, 't', 't')"
    ).run()
    migrate(db, 2)
    expect(schemaVersion(db)).toBe(2)
    const row = db.prepare('SELECT * FROM cases').get() as Record<string, unknown>
    expect(row).toMatchObject({ case_no: '2026-000001', risk_level: 'high', assigned_worker_id: 1, party_kind: 'person', name: '', needs: '[]', version: 1 })
    // The search index and satellites exist and accept rows.
    db.prepare("INSERT INTO case_search (rowid, names, phones, places, matter) VALUES (1, 'ab', '', '', '')").run()
    db.prepare('DELETE FROM case_search WHERE rowid = 1').run()
    db.close()
  })

  it('has a column for every CaseFields field (the drift test keeps the schema equal to the migrations)', () => {
    const cols = new Set(getTableConfig(cases).columns.map((c) => c.name))
    for (const [col] of Object.values(FIELD_COLUMNS)) expect(cols.has(col), col).toBe(true)
  })

  it('rolls back every step if one fails (nothing half-migrated)', () => {
    const db = new Database(':memory:')
    migrate(db, 1)
    db.exec('CREATE TABLE case_goals (x)') // collides with a table 0002 creates
    expect(() => migrate(db, 2)).toThrow(/table case_goals already exists/)
    expect(schemaVersion(db)).toBe(1)
    expect((db.prepare("SELECT count(*) AS n FROM pragma_table_info('cases') WHERE name = 'party_kind'").get() as { n: number }).n).toBe(0)
    db.close()
  })
})
