import Database from 'better-sqlite3'
import { createHash, randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { keyHandle } from '../../src/main/db/open'
import { writeBackup } from '../../src/main/backup/engine'
import { newRecipient, newScryptSpec } from '../../src/main/backup/format'
import { SCRYPT_TEST } from '../../src/main/db/keyring'

export const BACKUP_PASS = 'harbour lantern quietly folding maps'

/** Every table's rows in rowid order, as one JSON string per table: the canonical dump compared after a restore. */
export function canonicalDump(dataDir: string, key: Buffer, opts: { skip?: (table: string, row: Record<string, unknown>) => boolean } = {}): Record<string, string[]> {
  const db = new Database(join(dataDir, 'desk.db'), { readonly: true })
  keyHandle(db, key)
  try {
    const out: Record<string, string[]> = {}
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string; sql: string }[]
    for (const t of tables) {
      if (/^CREATE VIRTUAL/i.test(t.sql)) continue
      const order = /WITHOUT ROWID/i.test(t.sql) ? '1' : 'rowid'
      const rows = db.prepare(`SELECT * FROM "${t.name}" ORDER BY ${order}`).safeIntegers(true).all() as Record<string, unknown>[]
      out[t.name] = rows
        .filter((r) => !opts.skip?.(t.name, r))
        .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? `${v}n` : Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : v)))
    }
    return out
  } finally {
    db.close()
  }
}

export function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex')
}

/** A few hundred rows across the foundation tables (and whatever the other features' tables accept). */
export function seed(db: Database.Database, n = 300, now = '2026-03-01T09:00:00.000Z'): void {
  const ins = db.prepare(`INSERT INTO cases (case_no, status, risk_level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
  db.transaction(() => {
    for (let i = 1; i <= n; i++) {
      ins.run(`2026-${String(i).padStart(6, '0')}`, i % 5 === 0 ? 'closed' : 'intake', ['none', 'low', 'medium', 'high', 'critical'][i % 5], now, now)
    }
  })()
  db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('orgName', ?, ?)`).run(JSON.stringify('广州市某社工服务中心 𠮶堃'), now)
}

/** A real backup of a database from a newer app (schema 99) in `dir`: what "too new" is about. */
export async function newerAppBackup(dir: string): Promise<string> {
  const key = randomBytes(32)
  const live = join(dir, 'newer.db')
  const db = new Database(live)
  keyHandle(db, key)
  db.exec('CREATE TABLE future(x); INSERT INTO future VALUES (1)')
  db.pragma('user_version = 99')
  db.close()
  const recipient = newRecipient(BACKUP_PASS, newScryptSpec(SCRYPT_TEST))
  const target = join(dir, 'newer.pdbackup')
  await writeBackup(
    { livePath: live, liveKey: Uint8Array.from(key), target, recipient, appVersion: '9.0.0', createdAt: new Date().toISOString(), keyring: { format: 1, lookupSalt: '00', slots: [] } },
    () => {}
  )
  return target
}
