import { expect } from 'vitest'
import type { MigrationCheck } from '../migration-check'

/**
 * Migration 0017: the directory ships with the national hotlines only (no local office, no address),
 * and the ledger's tables refuse what the app never writes (an unknown method, level or relay). Its
 * seed leaves a referral with its chain, an event and a 督办 note, so later steps are tested carrying them.
 */
export const check: MigrationCheck = {
  version: 17,
  after(db) {
    const rows = db.prepare('SELECT builtin, level, category, name, address, phone FROM directory_entries ORDER BY id').all() as {
      builtin: string
      level: string
      name: string
      address: string
      phone: string
    }[]
    expect(rows.map((r) => r.phone)).toEqual(['12345', '12348', '12356', '12333', '12388', '110', '120'])
    expect(rows.every((r) => r.level === 'national' && r.builtin.startsWith('hotline.') && r.name === '' && r.address === '')).toBe(true)
    const at = '2026-11-23T02:00:00.000Z'
    expect(() => db.prepare(`INSERT INTO directory_entries (level, category, updated_at) VALUES ('province', 'court', ?)`).run(at)).toThrow(/CHECK constraint failed/)
    expect(() => db.prepare(`INSERT INTO directory_entries (builtin, level, category, updated_at) VALUES ('hotline.12345', 'national', 'hotline', ?)`).run(at)).toThrow(
      /UNIQUE constraint failed/
    )
  },
  seed(db) {
    const at = '2026-11-23T02:00:00.000Z'
    db.prepare(
      `INSERT INTO cases (id, case_no, status, risk_level, created_at, updated_at, party_kind, name, contact_date) VALUES (1700, '2026-001700', 'intervention', 'none', ?, ?, 'person', '钟𠮶妹', '2026-11-23')`
    ).run(at, at)
    db.prepare(
      `INSERT INTO directory_entries (id, level, locality, category, name, address, phone, updated_at) VALUES (1701, 'district', '白云区', 'humanResources', '白云区人社局', '白云大道1号', '020-1234', ?)`
    ).run(at)
    db.prepare(
      `INSERT INTO case_referrals (id, case_id, route, method, directory_id, to_name, to_address, to_phone, sent_date, sent_what, due_basis, due_deadline, reply_due, reply_date, reply_summary, created_at, updated_at)
       VALUES (1702, 1700, 'thisLevel', 'transfer', 1701, '白云区人社局', '白云大道1号', '020-1234', '2026-11-23', '来访登记表', 'statute', 'D3', '2026-12-08', '2026-12-01', '已受理', ?, ?)`
    ).run(at, at)
    db.prepare(`INSERT INTO referral_events (referral_id, case_id, kind, at) VALUES (1702, 1700, 'sent', ?)`).run(at)
    db.prepare(`INSERT INTO referral_supervision_notes (referral_id, case_id, note, written_at) VALUES (1702, 1700, '请催办', ?)`).run(at)
  }
}
