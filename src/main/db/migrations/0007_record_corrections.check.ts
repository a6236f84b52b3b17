import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/** Migration 0007: earlier case versions read as typed by their author; corrections can be kept. */
export const check: MigrationCheck = {
  version: 7,
  after(db) {
    for (const r of db.prepare('SELECT source FROM case_versions').all() as { source: string }[]) expect(r.source).toBe('')
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'interview_corrections'").get()).toBeTruthy()
  },
  seed(db) {
    const iv = (db.prepare('SELECT id FROM interviews ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id
    if (iv == null) return
    db.prepare(
      `INSERT INTO interview_corrections (interview_id, changed_fields, before, reason, after_signoff, at) VALUES (?, '["notes"]', '{"notes":"原文𠮶"}', '记错了日期', 1, '2026-11-24T02:00:00.000Z')`
    ).run(iv)
  }
}
