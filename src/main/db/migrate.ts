import type Database from 'better-sqlite3'
import { DeskFailure } from '@shared/ipc/result'
import { MIGRATIONS } from './migrations'

export interface Migration {
  version: number
  name: string
  up(db: Database.Database): void
}

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version

/**
 * Bring the schema to `target` (default: the latest). The version lives in SQLite's user_version;
 * every pending step runs in one transaction, so a process killed mid-way leaves the old schema.
 * A file written by a newer app is refused, never "downgraded".
 * `steps` is only for tests (e.g. a deliberately slow last step); the app always uses MIGRATIONS.
 */
export function migrate(db: Database.Database, target?: number, steps: Migration[] = MIGRATIONS): number {
  const latest = steps[steps.length - 1].version
  const goal = target ?? latest
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > latest) throw new DeskFailure('DB_TOO_NEW', 'errors:db.tooNew', { version: current })
  const pending = steps.filter((m) => m.version > current && m.version <= goal)
  if (pending.length === 0) return current
  db.transaction(() => {
    for (const m of pending) {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    }
  }).immediate()
  return goal
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number
}
