import type Database from 'better-sqlite3'
import { userVersion } from './pragmas'

/**
 * What a database file holds, read from SQLite's own catalog whatever its schema version: the
 * tables, their row counts, and the audit trail's newest event. Backups count the rows of the file
 * they took (or restore), which may be an older schema than ./schema describes, and `desk verify`
 * lists every table the file has, described or not; neither is a query the schema can type.
 *
 * Plain SQL on a raw handle, on purpose: the backup worker (engine.ts) uses this module and loads
 * no ORM, so that an export starts as fast as before (drizzle's modules cost tens of milliseconds
 * to load in a fresh worker thread). These statements and those in ./pragmas are the only SQL
 * strings outside the migrations; everything else goes through drizzle.
 */

type Handle = Database.Database

interface CatalogEntry {
  type: string
  name: string
  sql: string | null
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

function catalog(db: Handle): CatalogEntry[] {
  return db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name`).all() as CatalogEntry[]
}

function rowsIn(db: Handle, table: string): number {
  return Number((db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n)
}

/**
 * Rows per table holding rows (virtual tables are skipped: their rows live in their shadow tables;
 * so are SQLite's statistics) and the schema version: cheap (count(*) walks the smallest b-tree),
 * for a backup's manifest and its check.
 */
export function countRows(db: Handle): { tables: Record<string, number>; schemaVersion: number } {
  const tables: Record<string, number> = {}
  for (const t of catalog(db)) {
    if (t.type !== 'table' || /^CREATE\s+VIRTUAL/i.test(t.sql ?? '') || t.name === 'sqlite_stat1' || t.name === 'sqlite_stat4') continue
    tables[t.name] = rowsIn(db, t.name)
  }
  return { tables, schemaVersion: userVersion(db) }
}

/** Every table the file has except SQLite's own (virtual ones included), by name, with its row count. */
export function tableCounts(db: Handle): Record<string, number> {
  const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  const counts: Record<string, number> = {}
  for (const { name } of names) counts[name] = rowsIn(db, name)
  return counts
}

function hasAuditTrail(db: Handle): boolean {
  return !!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_events'`).get()
}

/** The audit chain's newest event and the number of events, or null when there is no trail. */
export function auditHeadOf(db: Handle): { id: number; hash: string; count: number } | null {
  if (!hasAuditTrail(db)) return null
  const row = db.prepare('SELECT id, hash, (SELECT count(*) FROM audit_events) AS count FROM audit_events ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string; count: number } | undefined
  return row ? { id: Number(row.id), hash: row.hash, count: Number(row.count) } : null
}

/** Whether the trail still holds the anchored event, with the same hash, and at least as many events. */
export function reachesHead(db: Handle, head: { id: number; hash: string; count: number }): boolean {
  if (!hasAuditTrail(db)) return false
  const row = db.prepare('SELECT hash, (SELECT count(*) FROM audit_events WHERE id <= ?) AS count FROM audit_events WHERE id = ?').get(head.id, head.id) as { hash: string; count: number } | undefined
  return !!row && row.hash === head.hash && Number(row.count) >= head.count
}
