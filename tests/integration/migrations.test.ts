import { afterAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { applyPragmas, openDatabase, openRaw } from '../../src/main/db/open'
import { LATEST_SCHEMA, migrate } from '../../src/main/db/migrate'
import { tempDir } from '../support/desk'
import { killed, readLines, ROOT, spawnTs } from './children/spawn'

/**
 * A process killed in the middle of a migration (SIGKILL: no cleanup, no rollback code runs)
 * leaves the file at its previous schema with every row intact; the next start migrates it.
 */
const t = tempDir('desk-migkill-')
afterAll(() => t.cleanup())

describe('killed mid-migration', () => {
  it('leaves the previous schema and rows intact, and the next open migrates cleanly', async () => {
    const key = randomBytes(32)
    const file = join(t.dir, 'desk.db')
    const db = openRaw(file, key, { create: true })
    applyPragmas(db)
    migrate(db, 1)
    const at = '2026-03-01T00:00:00.000Z'
    db.prepare(`INSERT INTO users (id, login_name, display_name, role, created_at, updated_at) VALUES (1, 'chen', '陈督导', 'supervisor', ?, ?)`).run(at, at)
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('idleMinutes', '9', ?)`).run(at)
    for (let i = 1; i <= 50; i++) db.prepare(`INSERT INTO cases (case_no, created_at, updated_at) VALUES (?, ?, ?)`).run(`2026-${String(i).padStart(6, '0')}`, at, at)
    const schemaBefore = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()
    db.close()

    const child = spawnTs(join(ROOT, 'tests/integration/children/slow-migration.ts'), [file, key.toString('hex')])
    try {
      await readLines(child, (l) => l === 'inside')
    } finally {
      await killed(child)
    }
    expect(child.signalCode).toBe('SIGKILL')

    const after = openRaw(file, key)
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(1)
      expect(after.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore)
      expect(after.prepare(`SELECT count(*) AS n FROM cases WHERE status = 'intake'`).get()).toEqual({ n: 50 })
      expect(after.prepare(`SELECT value FROM settings WHERE key = 'idleMinutes'`).get()).toEqual({ value: '9' })
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      after.close()
    }

    // The next start applies the real migrations to the intact old file.
    const conn = openDatabase(t.dir, key)
    try {
      expect(conn.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA)
      expect(conn.sqlite.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 50 })
    } finally {
      conn.sqlite.close()
    }
  })
})
