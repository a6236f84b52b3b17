import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/**
 * Migration 0015: every 语言 and 居住状况 recorded as one code is kept as the first (only) tick,
 * an empty one becomes no tick; history snapshots keep their value in the new shape.
 */
export const check: MigrationCheck = {
  version: 15,
  rewrites: ['cases', 'case_versions'],
  before(db) {
    const at = '2026-03-02T08:00:00.000Z'
    const ins = db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, name, language, language_other, living, living_other)
       VALUES (?, ?, 'intake', 'none', ?, ?, ?, ?, ?, ?, ?)`
    )
    ins.run(1501, '2026-001501', at, at, '陈𠮶', 'cantonese', '', 'withSpouse', '')
    ins.run(1502, '2026-001502', at, at, 'Nguyễn Thị Hoa', 'other', '越南语', 'other', '与工友合租宿舍')
    ins.run(1503, '2026-001503', at, at, '李四', null, '', null, '')
    ins.run(1504, '2026-001504', at, at, '王五', 'hakka', '', 'alone', '')
    const v = db.prepare(`INSERT INTO case_versions (case_id, version, changed_fields, before, at) VALUES (?, ?, ?, ?, ?)`)
    v.run(1501, 1, '["language","living"]', JSON.stringify({ language: 'putonghua', living: null }), at)
    v.run(1504, 1, '["name"]', JSON.stringify({ name: '王伍' }), at)
  },
  after(db) {
    const rows = db.prepare('SELECT * FROM cases WHERE id BETWEEN 1501 AND 1504 ORDER BY id').all() as Record<string, unknown>[]
    expect(rows.map((r) => [r.name, JSON.parse(r.language_codes as string), r.language_other, JSON.parse(r.living_codes as string), r.living_other])).toEqual([
      ['陈𠮶', ['cantonese'], '', ['withSpouse'], ''],
      ['Nguyễn Thị Hoa', ['other'], '越南语', ['other'], '与工友合租宿舍'],
      ['李四', [], '', [], ''],
      ['王五', ['hakka'], '', ['alone'], '']
    ])
    for (const r of rows) expect(r).not.toHaveProperty('language')
    // Every other case keeps its value in the new shape (the harness's own rows included).
    const all = db.prepare('SELECT language_codes, living_codes FROM cases').all() as { language_codes: string; living_codes: string }[]
    for (const r of all) {
      expect(Array.isArray(JSON.parse(r.language_codes))).toBe(true)
      expect(Array.isArray(JSON.parse(r.living_codes))).toBe(true)
    }
    const versions = db.prepare('SELECT case_id, before FROM case_versions WHERE case_id IN (1501, 1504) ORDER BY case_id').all() as { before: string }[]
    expect(versions.map((v) => JSON.parse(v.before))).toEqual([{ language: ['putonghua'], living: [] }, { name: '王伍' }])
  }
}
