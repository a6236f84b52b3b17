import type Database from 'better-sqlite3'

/**
 * Per-version checks for the migration harness (src/main/db/migrations.test.ts). A feature that
 * owns migration N may add `src/main/db/migrations/000N_<name>.check.ts` exporting
 * `check: MigrationCheck`; the harness picks it up. Every migration is tested even without one:
 * every row of every table at N−1 must survive into N with the same values.
 */
export interface MigrationCheck {
  version: number
  /** At version N−1, before migrating: insert rows this migration must carry across. */
  before?(db: Database.Database): void
  /** At version N: assert what the migration did to those rows (throw or use expect). */
  after?(db: Database.Database): void
  /** At version N: insert this feature's rows, so later migrations are tested carrying them. */
  seed?(db: Database.Database): void
  /** Tables this migration rewrites on purpose (their old rows are not compared). */
  rewrites?: string[]
}
