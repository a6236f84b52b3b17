import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/** Migration 0002 (cases): foundation case rows survive with their new columns defaulted. */
export const check: MigrationCheck = {
  version: 2,
  after(db) {
    const rows = db.prepare('SELECT case_no, party_kind, name, needs, version FROM cases ORDER BY id').all() as Record<string, unknown>[]
    for (const r of rows) expect(r).toMatchObject({ party_kind: 'person', name: '', needs: '[]', version: 1 })
  },
  seed(db) {
    const at = '2026-02-01T09:00:00.000Z'
    db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, party_kind, name, phone, contact_date, needs, headcount)
       VALUES (100, '2026-000100', 'intake', 'none', ?, ?, 'collective', '某小区业主𠮶', '13812345678', '2026-02-01', '["legalAdvice"]', 8)`
    ).run(at, at)
    db.prepare(`INSERT INTO case_representatives (case_id, name, added_at) VALUES (100, '代表一', ?)`).run(at)
    db.prepare(`INSERT INTO case_follow_ups (case_id, due_date, kind, created_at) VALUES (100, '2026-02-04', 'short', ?)`).run(at)
    db.prepare(`INSERT INTO case_search (rowid, names, phones, places, matter) VALUES (100, '某小 小区', '13 38', '', '')`).run()
  }
}
