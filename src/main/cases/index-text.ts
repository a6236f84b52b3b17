import type Database from 'better-sqlite3'
import { asc, eq, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { caseAltContacts } from '../db/schema/confidential'
import { caseKeys, caseRepresentatives, cases } from '../db/schema/cases'
import { indexText, normalise } from '@shared/domain/search/normalise'
import { phoneKey } from '@shared/domain/case/phone'
import { preparedInsert, preparedSql } from '../db/prepared-insert'

/** The case text that search and repeat detection read. */
export interface IndexedCase {
  partyKind: string
  name: string
  contactPerson: string
  phone: string
  address: string
  locality: string
  summary: string
  demands: string
}
export interface IndexedRep {
  name: string
  phone: string
}
/** An alternative contact (daughter, neighbour…): found by search, never a repeat key (not the petitioner). */
export type IndexedAlt = IndexedRep

type KeyKind = (typeof caseKeys.$inferInsert)['kind']

/**
 * What a case puts in the search index (bigrams per column) and in the repeat-detection keys: one
 * pure function, used by the service and by the demo generator alike. A key shorter than its
 * minimum (a phone under 6 digits, an address under 4 characters, an empty name) is not kept.
 */
export function caseIndexEntries(c: IndexedCase, reps: readonly IndexedRep[], alts: readonly IndexedAlt[] = []) {
  const search = {
    names: indexText([c.name, c.contactPerson, ...reps.map((r) => r.name), ...alts.map((a) => a.name)]),
    phones: indexText([c.phone, ...reps.map((r) => r.phone), ...alts.map((a) => a.phone)]),
    places: indexText([c.address, c.locality]),
    matter: indexText([c.summary, c.demands])
  }
  const keys = new Map<string, { kind: KeyKind; key: string }>()
  const add = (kind: KeyKind, key: string, min: number) => {
    if (Array.from(key).length >= min) keys.set(`${kind}\u0000${key}`, { kind, key })
  }
  add(c.partyKind === 'organisation' ? 'organisation' : 'name', normalise(c.name), 1)
  add('name', normalise(c.contactPerson), 1)
  for (const r of reps) add('name', normalise(r.name), 1)
  for (const p of [c.phone, ...reps.map((r) => r.phone)]) if (p.trim()) add('phone', phoneKey(p), 6)
  add('address', normalise(c.address), 4)
  return { search, keys: [...keys.values()] }
}

/** The two inserts of an index entry, prepared once per connection (the demo generator writes 100 000). */
const inserts = new WeakMap<Database.Database, ReturnType<typeof prepareInserts>>()
const p = sql.placeholder
const prepareInserts = (db: Database.Database) => ({
  key: preparedInsert(orm(db), caseKeys, ['caseId', 'kind', 'key']),
  // FTS5 (which drizzle cannot describe): the `sql` template.
  search: preparedSql<{ rowid: number; names: string; phones: string; places: string; matter: string }>(
    orm(db),
    sql`INSERT INTO case_search (rowid, names, phones, places, matter) VALUES (${p('rowid')}, ${p('names')}, ${p('phones')}, ${p('places')}, ${p('matter')})`
  )
})

/** Add a case's index rows (for a case that has none yet: a new one, or after reindexCase's delete). */
export function writeCaseIndex(db: Database.Database, caseId: number, c: IndexedCase, reps: readonly IndexedRep[], alts: readonly IndexedAlt[] = []): void {
  let ins = inserts.get(db)
  if (!ins) inserts.set(db, (ins = prepareInserts(db)))
  const { search, keys } = caseIndexEntries(c, reps, alts)
  ins.search.run({ rowid: caseId, ...search })
  for (const k of keys) ins.key.runInOrder(caseId, k.kind, k.key)
}

/** Remove a case's index rows (the case is being destroyed: retention). */
export function dropCaseIndex(db: Database.Database, caseId: number): void {
  // FTS5 (which drizzle cannot describe): the `sql` template.
  orm(db).run(sql`DELETE FROM case_search WHERE rowid = ${caseId}`)
  orm(db).delete(caseKeys).where(eq(caseKeys.caseId, caseId)).run()
}

/**
 * Keeps the search index and the repeat-detection keys in step with a case. Called inside the
 * same transaction as every write that touches names, phones, places or the matter.
 */
export function reindexCase(db: Database.Database, caseId: number): void {
  const c = orm(db)
    .select({
      partyKind: cases.partyKind,
      name: cases.name,
      contactPerson: cases.contactPerson,
      phone: cases.phone,
      address: cases.address,
      locality: cases.locality,
      summary: cases.summary,
      demands: cases.demands
    })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get()
  dropCaseIndex(db, caseId)
  if (!c) return
  const reps = orm(db)
    .select({ name: caseRepresentatives.name, phone: caseRepresentatives.phone })
    .from(caseRepresentatives)
    .where(eq(caseRepresentatives.caseId, caseId))
    .orderBy(asc(caseRepresentatives.id))
    .all()
  const alts = orm(db)
    .select({ name: caseAltContacts.name, phone: caseAltContacts.phone })
    .from(caseAltContacts)
    .where(eq(caseAltContacts.caseId, caseId))
    .orderBy(asc(caseAltContacts.id))
    .all()
  writeCaseIndex(db, caseId, c, reps, alts)
}

const orms = new WeakMap<Database.Database, ReturnType<typeof drizzle>>()
function orm(db: Database.Database) {
  let o = orms.get(db)
  if (!o) orms.set(db, (o = drizzle(db)))
  return o
}
