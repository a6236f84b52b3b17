import { matchQuery, normalise } from '@shared/domain/search/normalise'
import { phoneKey } from '@shared/domain/case/phone'
import type { CaseSummary, RepeatCandidate } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { toSummary } from './listing'

const SUMMARY_COLS = `c.id, c.case_no, c.name, c.party_kind, c.status, c.risk_level, c.assigned_worker_id, c.contact_date,
  c.summary, c.updated_at, c.headcount, c.repeat_mark, c.phone, c.address, c.locality, u.display_name AS worker_name`

/**
 * Search by a case number, or any 2+ characters of a name, phone digits, address or matter text. The query is
 * normalised like the index (Simplified, half-width, no spaces) and becomes an FTS5 phrase of
 * bigrams; newest cases first, so a common word returns at once.
 */
export function searchCases(desk: Desk, query: string, limit = 30): CaseSummary[] {
  const max = Math.min(Math.max(limit, 1), 200)
  const db = desk.db().sqlite
  const ids: { id: number }[] = []
  // A case number (or its start, "2026-0001") is looked up on its unique index first.
  const no = /^\s*(\d{4}-\d{0,6})\s*$/.exec(query.normalize('NFKC'))
  if (no) {
    ids.push(...(db.prepare('SELECT id FROM cases WHERE case_no >= ? AND case_no < ? ORDER BY case_no DESC LIMIT ?').all(no[1], `${no[1]}~`, max) as { id: number }[]))
  }
  const match = matchQuery(query)
  if (match) {
    const seen = new Set(ids.map((r) => r.id))
    for (const r of db.prepare('SELECT rowid AS id FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT ?').all(match, max) as { id: number }[]) {
      if (!seen.has(r.id) && ids.length < max) ids.push(r)
    }
  }
  if (ids.length === 0) return []
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLS} FROM cases c LEFT JOIN users u ON u.id = c.assigned_worker_id
       WHERE c.id IN (${ids.map(() => '?').join(',')})`
    )
    .all(...ids.map((r) => r.id)) as Record<string, unknown>[]
  const byId = new Map(rows.map((r) => [r.id as number, r]))
  // Case-number hits first, then the newest text matches.
  return ids.map((r) => byId.get(r.id)).filter((r): r is Record<string, unknown> => !!r).map(toSummary)
}

/**
 * Earlier cases that may be the same petitioner: same name, phone, address or organisation after
 * normalisation (script, width, spaces and punctuation ignored). The worker decides; nothing is marked.
 */
export function findRepeats(
  desk: Desk,
  who: { name?: string; contactPerson?: string; phone?: string; address?: string; partyKind?: string; representatives?: { name: string; phone?: string }[]; excludeCaseId?: number },
  limit = 20
): RepeatCandidate[] {
  const probes: [kind: RepeatCandidate['matched'][number], key: string][] = []
  const nameKind = who.partyKind === 'organisation' ? 'organisation' : 'name'
  const n = normalise(who.name ?? '')
  if (n) probes.push([nameKind, n])
  // An organisation's name may have been registered as a person's or the other way round.
  if (n && nameKind === 'organisation') probes.push(['name', n])
  const cp = normalise(who.contactPerson ?? '')
  if (cp) probes.push(['name', cp])
  for (const r of who.representatives ?? []) {
    const rn = normalise(r.name)
    if (rn) probes.push(['name', rn])
    if (r.phone && r.phone.trim()) probes.push(['phone', phoneKey(r.phone)])
  }
  if (who.phone && who.phone.trim()) {
    const k = phoneKey(who.phone)
    if (k.length >= 6) probes.push(['phone', k])
  }
  const addr = normalise(who.address ?? '')
  if (Array.from(addr).length >= 4) probes.push(['address', addr])
  if (probes.length === 0) return []
  const db = desk.db().sqlite
  const stmt = db.prepare('SELECT case_id FROM case_keys WHERE kind = ? AND key = ? ORDER BY case_id DESC LIMIT 200')
  const hits = new Map<number, Set<RepeatCandidate['matched'][number]>>()
  for (const [kind, key] of probes) {
    for (const { case_id } of stmt.all(kind, key) as { case_id: number }[]) {
      if (case_id === who.excludeCaseId) continue
      const label = kind === 'name' && nameKind === 'organisation' && key === n ? 'organisation' : kind
      let set = hits.get(case_id)
      if (!set) hits.set(case_id, (set = new Set()))
      set.add(label)
    }
  }
  if (hits.size === 0) return []
  const ranked = [...hits.entries()].sort((a, b) => b[1].size - a[1].size || b[0] - a[0]).slice(0, limit)
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLS} FROM cases c LEFT JOIN users u ON u.id = c.assigned_worker_id WHERE c.id IN (${ranked.map(() => '?').join(',')})`
    )
    .all(...ranked.map(([id]) => id)) as Record<string, unknown>[]
  const byId = new Map(rows.map((r) => [r.id as number, r]))
  return ranked
    .filter(([id]) => byId.has(id))
    .map(([id, matched]) => {
      const r = byId.get(id)!
      return { ...toSummary(r), matched: [...matched], phone: r.phone as string, address: r.address as string, locality: r.locality as string }
    })
}
