import type Database from 'better-sqlite3'

/**
 * SQLite and SQLCipher control, on a raw better-sqlite3 handle: the one module where such strings
 * live. Everything here is something drizzle cannot say, or must be said before drizzle has a
 * connection to speak on:
 *
 * - the key (`PRAGMA cipher/legacy/key`, `PRAGMA rekey`) and the read that makes SQLCipher check it:
 *   they come before any query, and the key is hex text only for the one call;
 * - connection settings (`journal_mode`, `synchronous`, `secure_delete`, `busy_timeout`, …),
 *   `integrity_check`, `user_version`, `wal_checkpoint`: PRAGMAs, which return rows or values of
 *   their own that better-sqlite3's `pragma()` reads;
 * - transaction control that spans `await`s (the backup's write gate and pinned read), which
 *   better-sqlite3's `transaction()` (synchronous) cannot hold;
 * - the data folder's lock file (a database of its own with no tables).
 *
 * It imports only better-sqlite3's types, so the backup worker and the CLI's folder lock load it
 * without the ORM. Ordinary reads and writes use drizzle's query builder (typed by `./schema`);
 * aggregates use drizzle's `sql` template in the modules that name them.
 */

type Handle = Database.Database

/** The hex of a raw key, for the one PRAGMA that takes it (never kept, never logged). */
function hexOf(key: Uint8Array | string): string {
  return typeof key === 'string' ? key : Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('hex')
}

/**
 * Apply the SQLCipher v4 settings and a raw 256-bit key to a fresh handle. Order matters: cipher
 * and legacy before the key. SQLCipher checks the key lazily: `probeKey` right after it.
 */
export function keyHandle(sqlite: Handle, key: Uint8Array | string): void {
  sqlite.pragma(`cipher='sqlcipher'`)
  sqlite.pragma('legacy=4')
  sqlite.pragma(`key="x'${hexOf(key)}'"`)
}

/** Re-encrypt the whole file under a new raw key (key rotation, on a staged copy). */
export function rekeyHandle(sqlite: Handle, key: Uint8Array): void {
  sqlite.pragma(`rekey="x'${hexOf(key)}'"`)
}

/** The first read after the key: throws when the key is wrong or the file is not a database. */
export function probeKey(sqlite: Handle): void {
  sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
}

/** The connection settings every handle on the database gets (the app's and the CLI's). */
export function applyPragmas(sqlite: Handle): void {
  // WAL keeps readers off the writer's back; synchronous=FULL so a power cut loses no committed row.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  // Sorts and temporary tables stay in memory: SQLite's temp files are not encrypted.
  sqlite.pragma('temp_store = MEMORY')
  // Freed pages are overwritten with zeros, so deleted records do not linger in the file.
  sqlite.pragma('secure_delete = ON')
  setMemorySecurity(sqlite)
}

/**
 * SQLite3 Multiple Ciphers' `PRAGMA memory_security` (none | fill | lock) wipes memory before it is
 * freed. It exists only when the library is compiled with SQLITE3MC_SECURE_MEMORY, which the npm
 * build of better-sqlite3-multiple-ciphers 12.11 is not: there the pragma is unknown and returns
 * nothing. Returns the level now in force ('fill'), or null when the build lacks the feature.
 * (A value like 'ON' is NOT accepted: it parses as 0 = none.)
 */
export function setMemorySecurity(sqlite: Handle): 'fill' | null {
  try {
    const set = sqlite.pragma('memory_security = fill', { simple: true })
    if (set === undefined) return null
    return String(sqlite.pragma('memory_security', { simple: true })) === '1' ? 'fill' : null
  } catch {
    return null
  }
}

/** Sorts and temporary tables in memory only (SQLite's temp files are not encrypted). */
export function tempInMemory(sqlite: Handle): void {
  sqlite.pragma('temp_store = MEMORY')
}

/** How long a statement waits for another connection's lock before SQLITE_BUSY (0: not at all). */
export function busyTimeout(sqlite: Handle, ms: number): void {
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.trunc(ms))}`)
}

/** Page cache size in KiB for this connection only (memory, never the file). */
export function cacheKiB(sqlite: Handle, kib: number): void {
  sqlite.pragma(`cache_size = -${Math.max(0, Math.trunc(kib))}`)
}

export function journalMode(sqlite: Handle, mode: 'WAL' | 'DELETE'): void {
  sqlite.pragma(`journal_mode = ${mode}`)
}

/** Fold the log into the main file and empty it (waits for readers unless busyTimeout is 0). */
export function checkpointTruncate(sqlite: Handle): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)')
}

/** `PRAGMA integrity_check`: ['ok'] or SQLite's list of problems. Every page is read (and authenticated). */
export function integrityRows(sqlite: Handle): string[] {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check)
}

/** The schema version the migrations keep in the file's header. */
export function userVersion(sqlite: Handle): number {
  return sqlite.pragma('user_version', { simple: true }) as number
}

/**
 * Transaction control that must outlive a synchronous call (the backup holds these across awaits):
 * `beginImmediate` holds writers off; `beginRead` pins one committed moment (BEGIN, then a read so
 * the snapshot is taken now, not at the first later read).
 */
export function beginImmediate(sqlite: Handle): void {
  sqlite.exec('BEGIN IMMEDIATE')
}

export function beginRead(sqlite: Handle): void {
  sqlite.exec('BEGIN')
  probeKey(sqlite)
}

export function commit(sqlite: Handle): void {
  sqlite.exec('COMMIT')
}

export function rollback(sqlite: Handle): void {
  sqlite.exec('ROLLBACK')
}

/**
 * The data folder's lock file (`desk.lock`, no tables): exclusive locking mode and a write, so the
 * EXCLUSIVE lock is kept after the commit until the handle closes. The pid goes in the header's
 * user_version (for the message naming who holds the folder). Throws SQLITE_BUSY when held.
 */
export function holdExclusively(lockFile: Handle, pid: number): void {
  lockFile.pragma('journal_mode = OFF')
  lockFile.pragma('locking_mode = EXCLUSIVE')
  lockFile.exec('BEGIN EXCLUSIVE')
  lockFile.pragma(`user_version = ${Math.trunc(pid) % 2_000_000_000}`)
  lockFile.exec('COMMIT')
}
