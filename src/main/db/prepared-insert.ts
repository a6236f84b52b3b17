import { Column, getTableColumns, is, Placeholder, sql, type SQL } from 'drizzle-orm'
import { SQLiteSyncDialect, type SQLiteTable } from 'drizzle-orm/sqlite-core'
import type Database from 'better-sqlite3'
import type { Orm } from './open'

/**
 * Statements built by drizzle and prepared once, for writes of many rows in a loop (the demo
 * generator's 100 000 cases and million contacts, the search index). drizzle writes the SQL — an
 * insert from the schema's table and column objects, or a `sql` template where drizzle cannot describe
 * the table (FTS5) — with a placeholder per value; each row is typed by the schema at the call and
 * encoded by its column (JSON, boolean).
 *
 * Why not drizzle's insert builder with its own `.prepare()`: building a query per row costs ten times
 * as much (measured: 20 000 contacts, 3.9 s of CPU against 0.4 s), and a prepared builder insert binds
 * every column of the table (the schema's defaults for those not given) and re-examines every
 * parameter of every row: the 20 000-case demo archive built a quarter slower with it. Here the
 * statement names only the given columns, as a hand-written insert does, and a row costs what a
 * hand-written prepared statement costs.
 */
function prepare(
  client: Database.Database,
  query: { sql: string; params: unknown[] },
  order: readonly string[] = [],
  encoderOf: (name: string) => ((v: unknown) => unknown) | null = () => null
) {
  const n = query.params.length
  // Per bound parameter: the row's value to read (by name, or by position in `order`) and its column's
  // encoder, or a constant (the schema's default of a column not named).
  const names: (string | null)[] = []
  const positions: number[] = []
  const encoders: (((v: unknown) => unknown) | null)[] = []
  const args: unknown[] = []
  const slot = (name: string, encode: ((v: unknown) => unknown) | null) => {
    names.push(name)
    positions.push(order.indexOf(name))
    encoders.push(encode)
    args.push(null)
  }
  for (const p of query.params) {
    if (is(p, Placeholder)) {
      slot(p.name, encoderOf(p.name))
    } else {
      names.push(null)
      positions.push(-1)
      encoders.push(null)
      args.push(p)
    }
  }
  const statement = client.prepare(query.sql)
  const bind = (i: number, v: unknown) => {
    const encode = encoders[i]
    args[i] = v == null ? null : encode ? encode(v) : v
  }
  return {
    byName(row: Record<string, unknown>): number {
      for (let i = 0; i < n; i++) {
        const name = names[i]
        if (name !== null) bind(i, row[name])
      }
      // better-sqlite3 copies the values as it binds them: the one array serves every row.
      return Number(statement.run(...args).lastInsertRowid)
    },
    inOrder(values: readonly unknown[]): number {
      for (let i = 0; i < n; i++) {
        const at = positions[i]
        if (at >= 0) bind(i, values[at])
      }
      return Number(statement.run(...args).lastInsertRowid)
    }
  }
}

type Insert<T extends SQLiteTable> = T['$inferInsert']

const dialect = new SQLiteSyncDialect()

/** A column's encoder (JSON, boolean), or null where the value binds as it is (text, integer). */
const encoderOf = (column: Column): ((v: unknown) => unknown) | null =>
  column.mapToDriverValue === Column.prototype.mapToDriverValue ? null : (v) => column.mapToDriverValue(v)

/**
 * An insert into a schema table naming only the given columns (the others take the database's
 * defaults, as a hand-written insert does), with a placeholder for each. `run` takes a row by column
 * name; `runInOrder` the same values in the order the columns were named, each typed by its column —
 * for the hottest loops (a million contacts), where reading rows of many shapes by name costs more.
 */
export function preparedInsert<T extends SQLiteTable, const C extends readonly (keyof Insert<T> & string)[]>(db: Pick<Orm, '$client'>, table: T, columns: C) {
  const all: Record<string, Column> = getTableColumns(table)
  const statement = prepare(
    db.$client,
    dialect.sqlToQuery(
      sql`insert into ${table} (${sql.join(
        columns.map((c) => sql.identifier(all[c].name)),
        sql`, `
      )}) values (${sql.join(
        columns.map((c) => sql.placeholder(c)),
        sql`, `
      )})`
    ),
    columns,
    (name) => encoderOf(all[name])
  )
  return {
    /** Insert one row; the new row's id. */
    run: (row: Required<Pick<Insert<T>, C[number]>>): number => statement.byName(row),
    /** Insert one row given as its values in the order of `columns`; the new row's id. */
    runInOrder: (...values: { -readonly [I in keyof C]: C[I] extends keyof Insert<T> ? Insert<T>[C[I]] : never }): number => statement.inOrder(values)
  }
}


/** A `sql` template with `sql.placeholder(name)` for each value, prepared once; `run` takes the values by name. */
export function preparedSql<V extends Record<string, unknown>>(db: Pick<Orm, '$client'>, template: SQL) {
  const statement = prepare(db.$client, dialect.sqlToQuery(template))
  return { run: (values: V): number => statement.byName(values) }
}
