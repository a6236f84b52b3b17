import { afterEach, describe, expect, it } from 'vitest'
import { setupDesk, type TestDesk } from '../../../tests/support/desk'
import { generateDemo } from './generate'
import { getCase, listCases } from '../cases/api'
import { searchCases } from '../cases/search'
import { verifyChain } from '../audit/chain'
import { reindexCase } from '../cases/index-text'
import { referralsForCase } from '../referrals/ledger'
import { supervisionList } from '../referrals/supervision'
import { isReplyOverdue, isUnrelayed } from '@shared/domain/referrals/rules'

const desks: TestDesk[] = []
afterEach(() => desks.splice(0).forEach((d) => d.cleanup()))
const fresh = () => {
  const d = setupDesk({ now: () => new Date('2026-11-23T02:00:00Z') })
  desks.push(d)
  return d
}

describe('demo data', () => {
  it('is reproducible by seed, realistic, searchable, and keeps the audit chain', () => {
    const a = fresh()
    const b = fresh()
    const ra = generateDemo(a.desk, { cases: 600, seed: 9, batch: 250 })
    generateDemo(b.desk, { cases: 600, seed: 9, batch: 250 })
    const la = listCases(a.desk, { limit: 1000 })
    const lb = listCases(b.desk, { limit: 1000 })
    expect(la).toHaveLength(600)
    expect(la.map((c) => [c.caseNo, c.name, c.status, c.riskLevel])).toEqual(lb.map((c) => [c.caseNo, c.name, c.status, c.riskLevel]))
    expect(la[0].caseNo).toMatch(/^\d{4}-000001$/)
    // ~10 interviews per case on average, in the interview feature's table.
    expect(ra.interviews / ra.cases).toBeGreaterThan(8)
    expect(ra.interviews / ra.cases).toBeLessThan(12)
    const names = la.map((c) => c.name).join('|')
    expect(names).toMatch(/·/)
    expect(names).toMatch(/[陳黃張劉鄭羅馮鄧謝葉鍾區]/)
    expect(la.some((c) => c.partyKind === 'collective')).toBe(true)
    expect(la.some((c) => c.repeat === 'repeat')).toBe(true)
    // Records are complete enough for Form A / Form C.
    const closed = la.find((c) => c.status === 'closed')!
    const rec = getCase(a.desk, closed.id)
    expect(rec.closing?.goals.length).toBe(2)
    expect(rec.age).not.toBeNull()
    // Indexed for search (a Traditional query finds Simplified text).
    expect(searchCases(a.desk, '拖欠工資').length).toBeGreaterThan(0)
    expect(verifyChain(a.desk.db().sqlite).ok).toBe(true)
    // A second run continues the numbering.
    generateDemo(a.desk, { cases: 10, seed: 10 })
    expect(new Set(listCases(a.desk, { limit: 1000 }).map((c) => c.caseNo)).size).toBe(610)
  })

  it('is indexed exactly as the service indexes a case (same search rows and repeat keys, same minimum key lengths)', () => {
    const d = fresh()
    generateDemo(d.desk, { cases: 200, seed: 3, batch: 100 })
    const db = d.desk.db().sqlite
    const keys = () => db.prepare('SELECT case_id, kind, key FROM case_keys ORDER BY case_id, kind, key').all()
    // The index is contentless (it stores no text to read back): compare which rows a query finds.
    const search = () => ['陈大', '1380', '广州', '工资', '街道'].map((q) => searchCases(d.desk, q, 200).map((c) => c.id))
    const before = { keys: keys(), search: search() }
    db.transaction(() => {
      for (const { id } of db.prepare('SELECT id FROM cases').all() as { id: number }[]) reindexCase(db, id)
    })()
    expect(keys()).toEqual(before.keys)
    expect(search()).toEqual(before.search)
  })
})

describe('demo referrals', () => {
  it('gives the recent diversions referrals in every state, written by the referral service, the same for a seed', () => {
    const a = fresh()
    const b = fresh()
    const ra = generateDemo(a.desk, { cases: 1500, seed: 5, batch: 500 })
    generateDemo(b.desk, { cases: 1500, seed: 5, batch: 500 })
    expect(ra.referrals).toBeGreaterThan(20)
    const today = '2026-11-23'
    const all = (d: TestDesk) => {
      const ids = d.desk.db().sqlite.prepare('SELECT DISTINCT case_id AS id FROM case_referrals ORDER BY case_id').all() as { id: number }[]
      return ids.flatMap(({ id }) => referralsForCase(d.desk, id).referrals)
    }
    const refs = all(a)
    expect(refs).toHaveLength(ra.referrals)
    const sent = refs.filter((r) => r.sentDate)
    const onTime = sent.filter((r) => r.replyDate && r.replyDate <= r.replyDue)
    const overdue = refs.filter((r) => isReplyOverdue(r, today))
    const relayed = refs.filter((r) => r.stage === 'relayed')
    const unrelayed = refs.filter((r) => isUnrelayed(r))
    expect(refs.some((r) => r.stage === 'planned')).toBe(true)
    expect(onTime.length).toBeGreaterThan(0)
    expect(overdue.length).toBeGreaterThan(0)
    expect(relayed.length).toBeGreaterThan(0)
    expect(unrelayed.length).toBeGreaterThan(0)
    // Sent to a named destination, with a reply date by the statute or agreed; the chain in date order.
    for (const r of sent) {
      expect(r.toName).not.toBe('')
      expect(r.replyDue).not.toBe('')
      if (r.replyDate) expect(r.replyDate >= r.sentDate).toBe(true)
      if (r.relayedDate) expect(r.relayedDate >= r.replyDate).toBe(true)
    }
    // The supervisor's 督办 list shows the overdue and the unrelayed, across workers.
    const list = supervisionList(a.desk)
    expect(list.some((i) => i.kind === 'replyOverdue')).toBe(true)
    expect(list.some((i) => i.kind === 'unrelayed')).toBe(true)
    // Deterministic for a seed; each step is in the audit trail and the chain holds.
    const shape = (d: TestDesk) => all(d).map((r) => [r.caseNo, r.stage, r.method, r.sentDate, r.replyDue, r.replyDate, r.relayedDate, r.toName])
    expect(shape(b)).toEqual(shape(a))
    expect(verifyChain(a.desk.db().sqlite).ok).toBe(true)
    const created = a.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'referrals.create'`).get() as { n: number }
    expect(created.n).toBe(ra.referrals)
  })
})
