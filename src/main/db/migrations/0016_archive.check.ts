import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/**
 * Migration 0016: the role CHECK takes 'clerk' and still refuses anything else; every account, key
 * slot and row that refers to one is untouched (the generic harness compares them), the file passes
 * integrity_check and foreign_key_check; the archive tables exist and refer to their case.
 */
export const check: MigrationCheck = {
  version: 16,
  after(db) {
    const at = '2026-12-01T08:00:00.000Z'
    db.prepare(`INSERT INTO users (login_name, display_name, role, created_at, updated_at) VALUES ('wang', '王档案', 'clerk', ?, ?)`).run(at, at)
    expect(() => db.prepare(`INSERT INTO users (login_name, display_name, role, created_at, updated_at) VALUES ('x', 'x', 'admin', ?, ?)`).run(at, at)).toThrow(/CHECK constraint failed/)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.prepare(`DELETE FROM users WHERE login_name = 'wang'`).run()
    const caseId = (db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id
    if (caseId == null) return
    const item = db.prepare(`INSERT INTO archive_items (case_id, kind, subject_id, first_printed_at, last_printed_at) VALUES (?, 'A', ?, ?, ?)`).run(caseId, caseId, at, at)
    db.prepare(`INSERT INTO archive_prints (item_id, at, lang) VALUES (?, ?, 'zh-CN')`).run(item.lastInsertRowid, at)
    db.prepare(`INSERT INTO archive_loans (case_id, borrower, lent_at, due_date) VALUES (?, '区信访局 张科长', ?, '2026-12-15')`).run(caseId, at)
    expect(() => db.prepare(`INSERT INTO archive_loans (case_id, borrower, lent_at, due_date) VALUES (999999, 'x', ?, '2026-12-15')`).run(at)).toThrow(/FOREIGN KEY/)
  }
}
