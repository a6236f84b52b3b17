import { is, Param, Placeholder, sql, type SQL } from 'drizzle-orm'
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type Database from 'better-sqlite3'
import type { Orm } from './open'

/**
 * Statements built by drizzle and prepared once, for writes of many rows in a loop (the demo
 * generator's 100 000 cases and million contacts, the search index). drizzle writes the SQL — from
 * the schema for an insert (its columns, the schema's defaults for the others, the JSON and boolean
 * modes), from a `sql` template where drizzle cannot describe the table (FTS5) — and each row is typed
 * at the call.
 *
 * Why not drizzle's own `.prepare().run(values)`: it re-examines every parameter of every row (which
 * is a placeholder, which a constant) and allocates as it goes; here that is worked out once, and a row
 * costs about what a hand-written prepared statement costs. Building a query per row
 * (`db.insert(t).values(row).run()`) costs ten times as much (measured: 20 000 contacts, 3.9 s of CPU
 * against 0.4 s).
 */
function prepare(client: Database.Database, query: { sql: string; params: unknown[] }) {
  const n = query.params.length
  // Per bound parameter: the row's value to read (by name) and its column's encoder, or a constant.
  const names: (string | null)[] = []
  const encoders: (((v: unknown) => unknown) | null)[] = []
  const args: unknown[] = []
  for (const p of query.params) {
    if (is(p, Param) && is(p.value, Placeholder)) {
      const encoder = p.encoder
      names.push(p.value.name)
      encoders.push((v) => encoder.mapToDriverValue(v))
      args.push(null)
    } else if (is(p, Placeholder)) {
      names.push(p.name)
      encoders.push(null)
      args.push(null)
    } else {
      names.push(null)
      encoders.push(null)
      args.push(p)
    }
  }
  const statement = client.prepare(query.sql)
  return (row: Record<string, unknown>): number => {
    for (let i = 0; i < n; i++) {
      const name = names[i]
      if (name === null) continue
      const v = row[name]
      const encode = encoders[i]
      args[i] = v == null ? null : encode ? encode(v) : v
    }
    // better-sqlite3 copies the values as it binds them: the one array serves every row (spread: binding an
    // array argument measured slower).
    return Number(statement.run(...args).lastInsertRowid)
  }
}

/** An insert into a schema table with a placeholder for each named column. */
export function preparedInsert<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(db: Pick<Orm, 'insert' | '$client'>, table: T, columns: readonly K[]) {
  const placeholders: Record<string, Placeholder> = Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)]))
  // The one cast: a placeholder per column is a valid insert value, which TypeScript cannot see for a generic table.
  const run = prepare(
    db.$client,
    db
      .insert(table)
      .values(placeholders as T['$inferInsert'])
      .toSQL()
  )
  return {
    /** Insert one row; the new row's id. */
    run: (row: Required<Pick<T['$inferInsert'], K>>): number => run(row)
  }
}

const dialect = new SQLiteSyncDialect()

/** A `sql` template with `sql.placeholder(name)` for each value, prepared once; `run` takes the values by name. */
export function preparedSql<V extends Record<string, unknown>>(db: Pick<Orm, '$client'>, template: SQL) {
  const run = prepare(db.$client, dialect.sqlToQuery(template))
  return { run: (values: V): number => run(values) }
}
