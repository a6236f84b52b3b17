/// <reference types="vite/client" />
import { afterAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type Database from 'better-sqlite3'
import { MIGRATIONS } from './migrations'
import { migrate, schemaVersion } from './migrate'
import { openRaw } from './open'
import type { MigrationCheck } from './migration-check'

/**
 * Every migration in MIGRATIONS, one by one, on a real encrypted file: migrate to N−1, insert
 * rows, migrate to N, check the rows. Generic part: every row of every table at N−1 survives with
 * the same values in the columns it had. Feature checks: `migrations/000N_*.check.ts` files.
 */
const found = import.meta.glob<{ check: MigrationCheck }>('./migrations/*.check.ts', { eager: true })
const CHECKS = new Map<number, MigrationCheck[]>()
for (const mod of Object.values(found)) {
  const list = CHECKS.get(mod.check.version) ?? []
  list.push(mod.check)
  CHECKS.set(mod.check.version, list)
}

/** The foundation's own check: what version 1 creates, and rows every later step must keep. */
const foundation: MigrationCheck = {
  version: 1,
  after(db) {
    const tables = names(db)
    for (const t of ['users', 'key_slots', 'settings', 'audit_events', 'cases']) expect(tables, t).toContain(t)
  },
  seed(db) {
    const at = '2026-01-05T09:00:00.000Z'
    db.prepare(`INSERT INTO users (id, login_name, display_name, role, created_at, updated_at) VALUES (1, 'chen', '陈督导', 'supervisor', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO users (id, login_name, display_name, role, locale, created_at, updated_at) VALUES (2, 'li', '李社工', 'worker', 'yue-HK', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO key_slots (id, kind, user_id, created_at) VALUES ('slot-1', 'user', 1, ?)`).run(at)
    db.prepare(`INSERT INTO settings (key, value, updated_at, updated_by) VALUES ('idleMinutes', '7', ?, 1)`).run(at)
    db.prepare(
      `INSERT INTO audit_events (at, actor_id, action, details, prev_hash, hash) VALUES (?, 1, 'desk.setup', '{}', ?, ?)`
    ).run(at, '0'.repeat(64), 'a'.repeat(64))
    for (let i = 1; i <= 3; i++) {
      db.prepare(
        `INSERT INTO cases (id, case_no, status, risk_level, assigned_worker_id, created_by, created_at, updated_at) VALUES (?, ?, 'intake', 'low', 2, 1, ?, ?)`
      ).run(i, `2026-00000${i}`, at, at)
    }
  }
}
CHECKS.set(1, [foundation, ...(CHECKS.get(1) ?? [])])

const root = mkdtempSync(join(tmpdir(), 'desk-migrations-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let n = 0
function freshDb(): Database.Database {
  const db = openRaw(join(root, `m${n++}.db`), randomBytes(32), { create: true })
  db.pragma('foreign_keys = ON')
  db.pragma('temp_store = MEMORY')
  return db
}

function names(db: Database.Database): string[] {
  return (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
}

/** Ordinary tables, without SQLite's own, virtual tables and their shadow tables (derived data). */
function dataTables(db: Database.Database): string[] {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`).all() as { name: string; sql: string }[]
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name)
  return rows
    .map((r) => r.name)
    .filter((t) => !t.startsWith('sqlite_') && !virtual.includes(t) && !virtual.some((v) => t.startsWith(`${v}_`)))
    .sort()
}

interface Snapshot {
  [table: string]: { columns: string[]; rows: string[] }
}

function snapshot(db: Database.Database): Snapshot {
  const out: Snapshot = {}
  for (const t of dataTables(db)) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(t) as { name: string }[]).map((c) => c.name)
    out[t] = { columns, rows: rowsOf(db, t, columns) }
  }
  return out
}

function rowsOf(db: Database.Database, table: string, columns: string[]): string[] {
  const list = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')
  return (db.prepare(`SELECT ${list} FROM "${table}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()
}

function runSeeds(db: Database.Database, upTo: number): void {
  // Bring a file to `upTo` the way real files got there: each version's seed right after its step.
  for (const m of MIGRATIONS.filter((x) => x.version <= upTo)) {
    migrate(db, m.version)
    for (const c of CHECKS.get(m.version) ?? []) c.seed?.(db)
  }
}

describe('migrations', () => {
  // Numbers are assigned per branch by the lead, so a higher one may land before a lower one: the
  // order must still only rise (never a repeat or a step back), starting at 1.
  it('are numbered in rising order from 1 with no repeat, each named', () => {
    const v = MIGRATIONS.map((m) => m.version)
    expect(v[0]).toBe(1)
    for (let i = 1; i < v.length; i++) expect(v[i]).toBeGreaterThan(v[i - 1])
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z0-9_-]+$/)
  })

  for (const m of MIGRATIONS) {
    it(`${String(m.version).padStart(4, '0')}_${m.name}: rows written at version ${m.version - 1} are all there at ${m.version}`, () => {
      const db = freshDb()
      try {
        runSeeds(db, m.version - 1)
        const checks = CHECKS.get(m.version) ?? []
        for (const c of checks) c.before?.(db)
        const before = snapshot(db)
        expect(migrate(db, m.version)).toBe(m.version)
        expect(schemaVersion(db)).toBe(m.version)
        const rewrites = new Set(checks.flatMap((c) => c.rewrites ?? []))
        const after = names(db)
        for (const [table, snap] of Object.entries(before)) {
          if (rewrites.has(table)) continue
          expect(after, `table ${table} was dropped by migration ${m.version}`).toContain(table)
          expect(rowsOf(db, table, snap.columns), `rows of ${table} changed in migration ${m.version}`).toEqual(snap.rows)
        }
        for (const c of checks) c.after?.(db)
        // The feature's own seed must fit the new schema (later steps are tested carrying it).
        for (const c of checks) c.seed?.(db)
        expect(db.pragma('foreign_key_check')).toEqual([])
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      } finally {
        db.close()
      }
    })
  }

  it('one step at a time and all at once give the same schema', () => {
    const stepwise = freshDb()
    const direct = freshDb()
    try {
      for (const m of MIGRATIONS) migrate(stepwise, m.version)
      migrate(direct)
      const schemaOf = (db: Database.Database) =>
        db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all()
      expect(schemaOf(stepwise)).toEqual(schemaOf(direct))
    } finally {
      stepwise.close()
      direct.close()
    }
  })

  it('a step that fails rolls every pending step back: the file keeps its old version and rows', () => {
    const db = freshDb()
    try {
      runSeeds(db, 1)
      const before = snapshot(db)
      const broken = [
        ...MIGRATIONS,
        { version: MIGRATIONS[MIGRATIONS.length - 1].version + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half_done (x); SELECT * FROM no_such_table') }
      ]
      expect(() => migrate(db, undefined, broken)).toThrow(/no such table: no_such_table/)
      expect(schemaVersion(db)).toBe(1)
      expect(names(db)).not.toContain('half_done')
      expect(snapshot(db)).toEqual(before)
    } finally {
      db.close()
    }
  })

  it('a file from a newer app is refused with DB_TOO_NEW and left as it is', () => {
    const db = freshDb()
    try {
      migrate(db)
      const newer = MIGRATIONS[MIGRATIONS.length - 1].version + 1
      db.pragma(`user_version = ${newer}`)
      expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW' }))
      expect(schemaVersion(db)).toBe(newer)
    } finally {
      db.close()
    }
  })
})
