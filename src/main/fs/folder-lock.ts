import Database from 'better-sqlite3'
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { translator } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'
import { nativeBindingPath } from '../db/open'
import { holdExclusively } from '../db/pragmas'
import { writeFileAtomic } from './atomic'
import { sweepLeftovers } from './leftovers'

/**
 * One process per data folder. Two copies of the desk on one folder (the app and browser mode, two
 * browser modes, a CLI command while the app runs) would each keep their own idea of the keyring
 * and lose a passphrase change. So every entry point holds an OS-level lock on the folder for its
 * whole run, and a second one stops with a message naming the first.
 *
 * The lock is SQLite's own file lock (fcntl on POSIX, LockFileEx on Windows) on a small unencrypted
 * file that holds nothing: an exclusive lock taken in `locking_mode = EXCLUSIVE` and kept until the
 * connection closes. The operating system drops it when the process ends in any way (a crash, a
 * SIGKILL, a power cut), so a stale lock cannot block anyone. Who holds it is written next to it
 * (pid, kind, command, start time; no personal data) for the message.
 *
 * It lives in the state folder (`<data>.state`), not in the data folder: a restore swaps the data
 * folder itself, and the lock must stay where it is.
 */
export type ProcessKind = 'app' | 'browser' | 'cli'

export interface FolderOwner {
  pid: number
  kind: ProcessKind
  command?: string
  startedAt: string
}

export interface FolderLock {
  release(): void
}

export class DataFolderBusy extends Error {
  constructor(readonly owner: FolderOwner | null) {
    super('DATA_FOLDER_BUSY')
    this.name = 'DataFolderBusy'
  }
}

/**
 * The connections that hold the locks, referenced for the life of the process: a connection that
 * is garbage-collected is closed by its finaliser, and its lock with it.
 */
const held = new Map<string, { db: Database.Database; lock: FolderLock }>()

const LOCK_FILE = 'desk.lock'
const OWNER_FILE = 'desk.lock.owner.json'

export function lockDir(dataDir: string): string {
  const abs = resolve(dataDir)
  return join(dirname(abs), `${basename(abs)}.state`)
}

/** Take the folder, or throw DataFolderBusy naming who has it. Idempotent per process: call once. */
export function holdDataFolder(dataDir: string, who: { kind: ProcessKind; command?: string }): FolderLock {
  const dir = lockDir(dataDir)
  const already = held.get(dir)
  if (already) return already.lock
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, LOCK_FILE)
  closeSync(openSync(file, 'a', 0o600))
  const db = new Database(file, { timeout: 0, nativeBinding: nativeBindingPath() })
  try {
    // A write in exclusive locking mode: the EXCLUSIVE lock is kept after the commit, until close.
    holdExclusively(db, process.pid)
  } catch (err) {
    db.close()
    const code = (err as { code?: unknown }).code
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
      throw new DataFolderBusy(readOwner(dir))
    }
    throw err
  }
  const owner: FolderOwner = { pid: process.pid, kind: who.kind, command: who.command, startedAt: new Date().toISOString() }
  try {
    writeFileAtomic(join(dir, OWNER_FILE), JSON.stringify(owner))
  } catch {
    /* the note is for the message only; the lock is what counts */
  }
  const lock: FolderLock = {
    release() {
      if (held.get(dir)?.db !== db) return
      held.delete(dir)
      db.close()
    }
  }
  held.set(dir, { db, lock })
  // Now that no other copy can be using them: remove what a killed run left (staging, temp files).
  try {
    sweepLeftovers(dataDir, dir)
  } catch {
    /* best effort: a leftover is disk space, not a danger to the record */
  }
  return lock
}

function readOwner(dir: string): FolderOwner | null {
  try {
    const o = JSON.parse(readFileSync(join(dir, OWNER_FILE), 'utf8')) as FolderOwner
    return typeof o.pid === 'number' && ['app', 'browser', 'cli'].includes(o.kind) ? o : null
  } catch {
    return null
  }
}

/** The locale for messages printed before anyone logs in: the OS's (Hong Kong, Macau, Taiwan → 粵語). */
export function systemLocale(tag = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || ''): Locale {
  return /^(yue|zh[-_](HK|MO|TW|Hant))/i.test(tag) ? 'yue-HK' : 'zh-CN'
}

/** "This data folder is in use by …", in the person's language, naming the other process. */
export function busyMessage(err: DataFolderBusy, dataDir: string, locale: Locale): string {
  const t = translator(locale, 'errors')
  const o = err.owner
  if (!o) return t('folder.busyUnknown', { folder: resolve(dataDir) })
  const kind = t(`folder.kind.${o.kind}`, { command: o.command ?? '' })
  return t('folder.busy', { folder: resolve(dataDir), pid: o.pid, kind })
}
