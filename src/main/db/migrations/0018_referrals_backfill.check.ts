import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/** Migration 0018: open cases diverted before the ledger get their planned referral; others are left alone. */
export const check: MigrationCheck = {
  version: 18,
  // Rows are added to these two; the ones already there are checked below (1700 keeps its one referral).
  rewrites: ['case_referrals', 'referral_events'],
  before(db) {
    const at = '2026-10-01T02:00:00.000Z'
    const ins = db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, party_kind, name, contact_date) VALUES (?, ?, ?, 'none', ?, ?, 'person', ?, '2026-10-01')`
    )
    const div = db.prepare(`INSERT INTO case_diversions (case_id, recommended, chosen, decided_at) VALUES (?, '[]', ?, ?)`)
    ins.run(1800, '2026-001800', 'intervention', at, at, '本级转送')
    div.run(1800, 'thisLevel', at)
    ins.run(1801, '2026-001801', 'assessment', at, at, '涉诉')
    div.run(1801, 'politicalLegal', at)
    ins.run(1802, '2026-001802', 'intervention', at, at, '不再受理')
    div.run(1802, 'noLongerAccepted', at)
    ins.run(1803, '2026-001803', 'closed', at, at, '已结案')
    div.run(1803, 'thisLevel', at)
  },
  after(db) {
    const rows = db.prepare(`SELECT case_id, route, method, sent_date, created_at FROM case_referrals WHERE case_id BETWEEN 1800 AND 1803 ORDER BY case_id`).all()
    expect(rows).toEqual([
      { case_id: 1800, route: 'thisLevel', method: 'transfer', sent_date: '', created_at: '2026-10-01T02:00:00.000Z' },
      { case_id: 1801, route: 'politicalLegal', method: 'inform', sent_date: '', created_at: '2026-10-01T02:00:00.000Z' }
    ])
    const events = db.prepare(`SELECT kind FROM referral_events WHERE case_id BETWEEN 1800 AND 1803`).all()
    expect(events).toEqual([{ kind: 'created' }, { kind: 'created' }])
    // A case that already had its referral (0017's seed) gets no second one.
    const seeded = db.prepare(`SELECT id, reply_date, reply_summary FROM case_referrals WHERE case_id = 1700`).all()
    expect(seeded).toEqual([{ id: 1702, reply_date: '2026-12-01', reply_summary: '已受理' }])
    expect(db.prepare(`SELECT kind FROM referral_events WHERE referral_id = 1702`).all()).toEqual([{ kind: 'sent' }])
  }
}
