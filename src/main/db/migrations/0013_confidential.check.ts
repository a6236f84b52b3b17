import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/**
 * Migration 0013: reports already diverted to the discipline commission (or routed so in an interview)
 * become confidential; a later change of route keeps them so.
 */
export const check: MigrationCheck = {
  version: 13,
  before(db) {
    const at = '2026-03-01T09:00:00.000Z'
    const ins = db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, party_kind, name, contact_date) VALUES (?, ?, 'intake', 'none', ?, ?, 'person', ?, '2026-03-01')`
    )
    ins.run(1300, '2026-001300', at, at, '举报人甲')
    ins.run(1301, '2026-001301', at, at, '举报人乙')
    ins.run(1302, '2026-001302', at, at, '普通来访')
    db.prepare(`INSERT INTO case_diversions (case_id, recommended, chosen, reporter_confidential, decided_at) VALUES (1300, '["discipline"]', 'discipline', 1, ?)`).run(at)
    db.prepare(`INSERT INTO interviews (case_id, route, started_at, created_at, updated_at) VALUES (1301, 'disciplineReport', ?, ?, ?)`).run(at, at, at)
    db.prepare(`INSERT INTO case_diversions (case_id, recommended, chosen, reporter_confidential, decided_at) VALUES (1302, '["thisLevel"]', 'thisLevel', 0, ?)`).run(at)
  },
  after(db) {
    const rows = db.prepare('SELECT case_id, source FROM case_confidential WHERE case_id >= 1300 ORDER BY case_id').all()
    expect(rows).toEqual([
      { case_id: 1300, source: 'diversion' },
      { case_id: 1301, source: 'interview' }
    ])
    // Sticky: choosing another route later does not lift it.
    db.prepare(`UPDATE case_diversions SET chosen = 'thisLevel', reporter_confidential = 0 WHERE case_id = 1300`).run()
    expect(db.prepare('SELECT count(*) AS n FROM case_confidential WHERE case_id = 1300').get()).toEqual({ n: 1 })
    db.prepare(`UPDATE case_diversions SET chosen = 'discipline', reporter_confidential = 1 WHERE case_id = 1302`).run()
    expect(db.prepare('SELECT source FROM case_confidential WHERE case_id = 1302').get()).toEqual({ source: 'diversion' })
  },
  seed(db) {
    const at = '2026-03-02T09:00:00.000Z'
    db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, party_kind, name, contact_date) VALUES (1310, '2026-001310', 'intake', 'none', ?, ?, 'person', '陈伯', '2026-03-02')`
    ).run(at, at)
    db.prepare(`INSERT INTO case_diversions (case_id, recommended, chosen, reporter_confidential, decided_at) VALUES (1310, '["discipline"]', 'discipline', 1, ?)`).run(at)
    db.prepare(`INSERT INTO case_alt_contacts (case_id, name, relation, phone, added_at) VALUES (1310, '陈美𠮶', '女儿', '13812345678', ?)`).run(at)
    db.prepare(`INSERT INTO case_other_visits (case_id, agency, first_date, last_date, times, added_at) VALUES (1310, '区人社局', '2026-01-05', '2026-02-10', 3, ?)`).run(at)
  }
}
