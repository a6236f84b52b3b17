import { afterEach, describe, expect, it } from 'vitest'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, openSync, readdirSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { dbPath, integrityCheck, isDamageError, nativeBindingPath, openDatabase, openRaw, setMemorySecurity, useNativeBinding } from './open'
import { createRouter } from '../ipc/router'
import { LATEST_SCHEMA } from './migrate'
import * as session from '../session/service'
import { setupDesk, SUPERVISOR, tempDir, type TestDesk } from '../../../tests/support/desk'

/** Opening the database: the settings really in force, a newer file, a damaged file. */
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function fresh() {
  const t = tempDir('desk-open-')
  cleanups.push(t.cleanup)
  const key = randomBytes(32)
  return { dir: t.dir, key, conn: openDatabase(t.dir, key, { create: true }) }
}

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of readdirSync(dir)) {
    const p = join(dir, f)
    if (statSync(p).isFile()) out[f] = createHash('sha256').update(readFileSync(p)).digest('hex')
  }
  return out
}

describe('connection settings (queried back from SQLite, not assumed)', () => {
  it('WAL, foreign keys, full sync, temp_store=MEMORY and secure_delete are on', () => {
    const { conn } = fresh()
    try {
      const q = (p: string) => conn.sqlite.pragma(p, { simple: true })
      expect(q('journal_mode')).toBe('wal')
      expect(q('foreign_keys')).toBe(1)
      expect(q('synchronous')).toBe(2) // FULL
      expect(q('temp_store')).toBe(2) // MEMORY
      expect(q('secure_delete')).toBe(1)
      expect(q('user_version')).toBe(LATEST_SCHEMA)
      // Foreign keys are enforced, not just declared.
      expect(() => conn.sqlite.prepare(`INSERT INTO key_slots (id, kind, user_id, created_at) VALUES ('x', 'user', 999, 'now')`).run()).toThrow(/FOREIGN KEY/)
    } finally {
      conn.sqlite.close()
    }
  })

  it('the cipher is SQLCipher v4 (legacy=4) with a raw key', () => {
    const { conn } = fresh()
    try {
      expect(conn.sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher')
      expect(Number(conn.sqlite.pragma('legacy', { simple: true }))).toBe(4)
    } finally {
      conn.sqlite.close()
    }
  })

  // SQLite3 Multiple Ciphers' memory_security exists only when the library is compiled with
  // SQLITE3MC_SECURE_MEMORY; the npm build of better-sqlite3-multiple-ciphers 12.11 is not.
  // Where it is compiled in, it must really be 'fill'; where not, setMemorySecurity says so (null).
  it('memory_security is fill where this build of SQLite3 Multiple Ciphers has it', (ctx) => {
    const { conn } = fresh()
    try {
      const level = setMemorySecurity(conn.sqlite)
      const raw = conn.sqlite.pragma('memory_security', { simple: true })
      if (raw === undefined) {
        expect(level).toBeNull()
        ctx.annotate('memory_security is not compiled into this build (SQLITE3MC_SECURE_MEMORY=0): not available', 'notice')
      } else {
        expect(level).toBe('fill')
        expect(String(raw)).toBe('1')
      }
    } finally {
      conn.sqlite.close()
    }
  })
})

describe('the native SQLCipher module', () => {
  it('the path Electron sets is the one other connections (backups) read back', () => {
    try {
      useNativeBinding('/opt/desk/electron-native/better_sqlite3.node')
      expect(nativeBindingPath()).toBe('/opt/desk/electron-native/better_sqlite3.node')
    } finally {
      useNativeBinding(undefined)
    }
    expect(nativeBindingPath()).toBeUndefined()
  })
})

describe('a file the app cannot use is refused, and never deleted', () => {
  let d: TestDesk | null = null
  afterEach(() => {
    d?.cleanup()
    d = null
  })

  it('a file from a newer app version: DB_TOO_NEW, file untouched', () => {
    const { dir, key, conn } = fresh()
    conn.sqlite.pragma(`user_version = ${LATEST_SCHEMA + 1}`)
    conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    conn.sqlite.close()
    const before = readFileSync(dbPath(dir))
    expect(() => openDatabase(dir, key)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW', params: { version: LATEST_SCHEMA + 1 } }))
    expect(readFileSync(dbPath(dir)).equals(before)).toBe(true)
  })

  it('a wrong key on the first page: DB_DAMAGED, nothing on disk changes', () => {
    const { dir, conn } = fresh()
    conn.sqlite.close()
    const before = hashes(dir)
    expect(() => openDatabase(dir, randomBytes(32))).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }))
    expect(hashes(dir)).toEqual(before)
  })

  function flip(file: string, offset: number, n = 16): void {
    const fd = openSync(file, 'r+')
    try {
      const buf = readFileSync(file).subarray(offset, offset + n)
      writeSync(fd, Buffer.from(buf.map((b) => b ^ 0xa5)), 0, n, offset)
    } finally {
      closeSync(fd)
    }
  }

  it('flipped bytes in the first page: login says DB_DAMAGED, and the file is still there as it was', () => {
    d = setupDesk()
    session.logout(d.desk)
    const file = dbPath(d.dataDir)
    flip(file, 200) // inside page 1, past the salt: its HMAC no longer matches
    const before = hashes(d.dataDir)
    expect(() => session.login(d!.desk, SUPERVISOR)).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }))
    expect(existsSync(file)).toBe(true)
    expect(hashes(d.dataDir)).toEqual(before)
  })

  it('flipped bytes in a later page: the integrity check finds it, a call reading it gets DB_DAMAGED, nothing is deleted', async () => {
    d = setupDesk()
    // Enough rows for several pages; then close so everything is in the main file.
    const db = d.desk.db().sqlite
    const ins = db.prepare(`INSERT INTO cases (case_no, created_at, updated_at) VALUES (?, 'x', 'x')`)
    db.transaction(() => {
      for (let i = 0; i < 2000; i++) ins.run(`2026-${String(i).padStart(6, '0')}`)
    })()
    const key = Buffer.from(d.desk.dbKey())
    session.logout(d.desk)
    const file = dbPath(d.dataDir)
    const pages = statSync(file).size / 4096
    expect(pages).toBeGreaterThan(4)
    flip(file, 4096 * (pages - 2) + 1000)
    const before = hashes(d.dataDir)
    const verdict = integrityCheck(d.dataDir, key)
    expect(verdict).not.toEqual(['ok'])
    // The app opens (page 1 is fine) but every read of the damaged page is refused as damage.
    session.login(d.desk, SUPERVISOR)
    const raw = d.desk.db().sqlite
    const reads = ['SELECT * FROM cases', 'SELECT case_no FROM cases ORDER BY case_no', 'SELECT * FROM audit_events', 'SELECT * FROM users']
    const errors: unknown[] = []
    for (const q of reads) {
      try {
        raw.prepare(q).all()
      } catch (err) {
        errors.push(err)
      }
    }
    expect(errors.length).toBeGreaterThan(0)
    for (const e of errors) expect(isDamageError(e), String(e)).toBe(true)
    // Through the router, such a failure reaches the renderer as DB_DAMAGED (the restore screen), not INTERNAL.
    const failing = reads[reads.findIndex((q) => { try { raw.prepare(q).all(); return false } catch { return true } })]
    const router = createRouter(d.desk, [{ 'desk.status': () => (raw.prepare(failing).all(), null) as never }])
    expect(await router.invoke('desk.status', {})).toEqual({ ok: false, code: 'DB_DAMAGED', messageKey: 'errors:db.damaged' })
    expect(existsSync(file)).toBe(true)
    session.logout(d.desk)
    expect(existsSync(file)).toBe(true)
    expect(before['desk.db']).toBeDefined()
  })

  it('openRaw on a missing file never creates one', () => {
    const t = tempDir('desk-open-')
    cleanups.push(t.cleanup)
    expect(() => openRaw(join(t.dir, 'desk.db'), randomBytes(32))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
    expect(existsSync(join(t.dir, 'desk.db'))).toBe(false)
  })
})
