import { and, desc, eq, inArray } from 'drizzle-orm'
import { matchQuery, normalise } from '@shared/domain/search/normalise'
import { phoneKey } from '@shared/domain/case/phone'
import type { CaseSummary, RepeatCandidate } from '@shared/domain/case/types'
import type { Desk } from '../desk/desk'
import { caseKeys, cases, users } from '../db/schema'
import type { Viewer } from '@shared/domain/case/confidential'
import { summaryColumns, toSummary } from './listing'
import { currentViewer, searchVisibility } from './confidential'
import { casesByNumberPrefix, casesMatching } from './search.sql'

/** A list row plus what a repeat candidate shows to tell two people apart. */
const candidateColumns = { ...summaryColumns, phone: cases.phone, address: cases.address, locality: cases.locality }

/**
 * Search by a case number, or any 2+ characters of a name, phone digits, address or matter text. The query is
 * normalised like the index (Simplified, half-width, no spaces) and becomes an FTS5 phrase of
 * bigrams; newest cases first, so a common word returns at once.
 *
 * Confidential reports the viewer (by default whoever is signed in) may not open are left out of the
 * text matches by the query itself, before the limit: the page is as full as the cases they may
 * see allow. Typing a case number still finds its line (masked by the guard in confidential.ts).
 */
export function searchCases(desk: Desk, query: string, limit = 30, viewer: Viewer | null = currentViewer(desk)): CaseSummary[] {
  const max = Math.min(Math.max(limit, 1), 200)
  const orm = desk.db().orm
  const out: CaseSummary[] = []
  const seen = new Set<number>()
  // A case number (or its start, "2026-0001") is looked up on its unique index first.
  const no = /^\s*(\d{4}-\d{0,6})\s*$/.exec(query.normalize('NFKC'))
  if (no) {
    for (const r of casesByNumberPrefix(orm, no[1], max)) {
      seen.add(r.id)
      out.push(toSummary(r))
    }
  }
  const match = matchQuery(query)
  if (match) {
    const v = searchVisibility(viewer)
    for (const r of casesMatching(orm, match, max, v, viewer?.userId ?? null)) {
      if (out.length >= max) break
      if (!seen.has(r.id)) out.push(toSummary(r))
    }
  }
  // Case-number hits first, then the newest text matches.
  return out
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
  const db = desk.db().orm
  const casesWithKey = (kind: RepeatCandidate['matched'][number], key: string) =>
    db
      .select({ caseId: caseKeys.caseId })
      .from(caseKeys)
      .where(and(eq(caseKeys.kind, kind), eq(caseKeys.key, key)))
      .orderBy(desc(caseKeys.caseId))
      .limit(200)
      .all()
  const hits = new Map<number, Set<RepeatCandidate['matched'][number]>>()
  for (const [kind, key] of probes) {
    for (const { caseId: case_id } of casesWithKey(kind, key)) {
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
    .select(candidateColumns)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedWorkerId))
    .where(
      inArray(
        cases.id,
        ranked.map(([id]) => id)
      )
    )
    .all()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ranked.flatMap(([id, matched]) => {
    const r = byId.get(id)
    return r ? [{ ...toSummary(r), matched: [...matched], phone: r.phone, address: r.address, locality: r.locality }] : []
  })
}
