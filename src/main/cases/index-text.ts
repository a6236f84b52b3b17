import type Database from 'better-sqlite3'
import { indexText, normalise } from '@shared/domain/search/normalise'
import { phoneKey } from '@shared/domain/case/phone'

/**
 * Keeps the search index and the repeat-detection keys in step with a case. Called inside the
 * same transaction as every write that touches names, phones, places or the matter.
 */
export function reindexCase(db: Database.Database, caseId: number): void {
  const c = db
    .prepare('SELECT party_kind, name, contact_person, phone, address, locality, summary, demands FROM cases WHERE id = ?')
    .get(caseId) as
    | { party_kind: string; name: string; contact_person: string; phone: string; address: string; locality: string; summary: string; demands: string }
    | undefined
  db.prepare('DELETE FROM case_search WHERE rowid = ?').run(caseId)
  db.prepare('DELETE FROM case_keys WHERE case_id = ?').run(caseId)
  if (!c) return
  const reps = db.prepare('SELECT name, phone FROM case_representatives WHERE case_id = ? ORDER BY id').all(caseId) as { name: string; phone: string }[]
  db.prepare('INSERT INTO case_search (rowid, names, phones, places, matter) VALUES (?, ?, ?, ?, ?)').run(
    caseId,
    indexText([c.name, c.contact_person, ...reps.map((r) => r.name)]),
    indexText([c.phone, ...reps.map((r) => r.phone)]),
    indexText([c.address, c.locality]),
    indexText([c.summary, c.demands])
  )
  const keys = new Set<string>()
  const add = (kind: string, key: string, min: number) => {
    if (Array.from(key).length >= min) keys.add(`${kind}\u0000${key}`)
  }
  add(c.party_kind === 'organisation' ? 'organisation' : 'name', normalise(c.name), 1)
  add('name', normalise(c.contact_person), 1)
  for (const r of reps) add('name', normalise(r.name), 1)
  for (const p of [c.phone, ...reps.map((r) => r.phone)]) if (p.trim()) add('phone', phoneKey(p), 6)
  add('address', normalise(c.address), 4)
  const ins = db.prepare('INSERT INTO case_keys (case_id, kind, key) VALUES (?, ?, ?)')
  for (const k of keys) {
    const [kind, key] = k.split('\u0000')
    ins.run(caseId, kind, key)
  }
}
