import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { DeskFailure } from '@shared/ipc/result'
import { eq } from 'drizzle-orm'
import * as schema from './schema'
import { settings } from './schema'
import { applyPragmas, integrityRows, keyHandle, probeKey, tempInMemory } from './pragmas'
import { migrate } from './migrate'
import { cantOpenBecauseReadOnly, storageFailure } from '../fs/storage'

// Key handling and connection settings live in ./pragmas (the one module of SQLite control strings).
export { applyPragmas, keyHandle, setMemorySecurity } from './pragmas'

export const DB_FILE = 'desk.db'
/** drizzle over the connection, typed by the schema; `$client` is the better-sqlite3 handle under it. */
export type Orm = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export interface Connection {
  sqlite: Database.Database
  orm: Orm
}

export function dbPath(dataDir: string): string {
  return join(dataDir, DB_FILE)
}

export function dbExists(dataDir: string): boolean {
  return existsSync(dbPath(dataDir))
}

/** Where Electron keeps its own build of the native module (its ABI differs from Node's). */
let nativeBinding: string | undefined
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path
}
/** The native module path in force (undefined = the default), for connections opened elsewhere (backups). */
export function nativeBindingPath(): string | undefined {
  return nativeBinding
}

export function openRaw(file: string, key: Buffer, opts: { readonly?: boolean; create?: boolean } = {}): Database.Database {
  if (!opts.create && !existsSync(file)) throw new DeskFailure('NOT_FOUND', 'errors:db.missing')
  if (!opts.readonly) ownerOnly(file)
  const sqlite = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create, nativeBinding })
  try {
    keyHandle(sqlite, key)
    probeKey(sqlite)
  } catch (err) {
    sqlite.close()
    // A full or read-only disk is not damage (and must not offer a restore).
    throw storageFailure(err) ?? cantOpenBecauseReadOnly(err, dirname(file)) ?? new DeskFailure('DB_DAMAGED', 'errors:db.damaged')
  }
  return sqlite
}

/**
 * Open (or create) the desk's database with its key, tune it for durability and privacy, and bring
 * the schema up to date in one transaction.
 */
export function openDatabase(dataDir: string, key: Buffer, opts: { create?: boolean } = {}): Connection {
  const sqlite = openRaw(dbPath(dataDir), key, { create: opts.create })
  try {
    applyPragmas(sqlite)
    migrate(sqlite)
    forgetRetiredSecrets(sqlite)
  } catch (err) {
    sqlite.close()
    throw storageFailure(err) ?? asDamaged(err)
  }
  return { sqlite, orm: ormOf(sqlite) }
}

/**
 * drizzle over a raw handle, typed by the schema: one per handle (the app's connection, a CLI's
 * read-only one, a staged copy), made on first use and dropped with the handle.
 */
const orms = new WeakMap<Database.Database, Orm>()
export function ormOf(sqlite: Database.Database): Orm {
  let orm = orms.get(sqlite)
  if (!orm) {
    orm = drizzle(sqlite, { schema })
    orms.set(sqlite, orm)
  }
  return orm
}

/**
 * Secrets older versions kept in the database and this one must not: `backup.kek`, a key derived from
 * the backup passphrase, with which anyone holding the data key opened every backup. Removed at every
 * writable open (a restored old backup brings it back); secure_delete overwrites its page.
 */
export function forgetRetiredSecrets(sqlite: Database.Database): void {
  ormOf(sqlite).delete(settings).where(eq(settings.key, 'backup.kek')).run()
}

/**
 * The database and the files SQLite keeps beside it are readable by their owner only (0600): SQLite
 * gives its -wal and -shm files the main file's mode, so the main file is created (or put back) so.
 * A no-op on Windows, where the profile folder's ACL does this.
 */
function ownerOnly(file: string): void {
  if (process.platform === 'win32') return
  try {
    if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600)
    }
  } catch {
    /* a read-only folder: opening will say so */
  }
}

/** SQLite's "this page is not what was written" errors mean a damaged file, not a bug. */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))
}

function asDamaged(err: unknown): unknown {
  return isDamageError(err) ? new DeskFailure('DB_DAMAGED', 'errors:db.damaged') : err
}

/** A full integrity check on a fresh connection: every page is read, so every page is authenticated. */
export function integrityCheck(dataDir: string, key: Buffer): string[] {
  const sqlite = openRaw(dbPath(dataDir), key, { readonly: true })
  try {
    tempInMemory(sqlite)
    return integrityRows(sqlite)
  } catch {
    return ['damaged']
  } finally {
    sqlite.close()
  }
}
