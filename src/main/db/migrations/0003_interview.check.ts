import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/**
 * Migration 0003 (interview): cases carried across untouched; a minimal interview row (only the
 * NOT NULL columns without defaults — what the demo inserts) takes every default.
 */
export const check: MigrationCheck = {
  version: 3,
  after(db) {
    const at = '2026-11-23T02:00:00.000Z'
    const caseId = (db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id
    if (caseId == null) return
    const r = db.prepare('INSERT INTO interviews (case_id, started_at, created_at, updated_at) VALUES (?, ?, ?, ?)').run(caseId, at, at, at)
    const row = db.prepare('SELECT * FROM interviews WHERE id = ?').get(r.lastInsertRowid) as Record<string, unknown>
    expect(row).toMatchObject({ output_lang: 'zh-CN', work_form: 'faceToFace', location: 'other', stage: 'rapport', notes: '', revisions: '{}', accepted_needs: '[]' })
    db.prepare('DELETE FROM interviews WHERE id = ?').run(r.lastInsertRowid)
  },
  seed(db) {
    const at = '2026-11-23T02:00:00.000Z'
    const caseId = (db.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id
    if (caseId == null) return
    const r = db
      .prepare(
        `INSERT INTO interviews (case_id, output_lang, started_at, notes, surface_demand, revisions, created_at, updated_at)
         VALUES (?, 'yue-HK', ?, '信訪人講述欠薪經過𠮶', '要求補發人工', '{"notes":3}', ?, ?)`
      )
      .run(caseId, at, at, at)
    const iv = Number(r.lastInsertRowid)
    db.prepare('INSERT INTO interview_stage_times (interview_id, stage, entered_at) VALUES (?, ?, ?)').run(iv, 'rapport', at)
    db.prepare('INSERT INTO interview_emotions (interview_id, level, at) VALUES (?, ?, ?)').run(iv, 'crying', at)
    db.prepare('INSERT INTO interview_checks (interview_id, check_id, checked, at) VALUES (?, ?, 1, ?)').run(iv, 'introduced', at)
    db.prepare('INSERT INTO interview_events (interview_id, kind, detail, at) VALUES (?, ?, ?, ?)').run(iv, 'crisis.open', 'selfHarm:critical', at)
  }
}
