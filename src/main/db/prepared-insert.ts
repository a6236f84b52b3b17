import { is, Param, Placeholder, sql } from 'drizzle-orm'
import type { SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { Orm } from './open'

/**
 * A drizzle insert prepared once, with a placeholder for each named column, for writes of many rows
 * in a loop (the demo generator's 100 000 cases and million contacts, the search index's keys). The
 * statement is built by drizzle from the schema — its columns, the schema's defaults for the others,
 * the JSON and boolean modes — and each row is typed by the schema at the call.
 *
 * Why not drizzle's own `.prepare().run(values)`: it re-examines every parameter of every row
 * (which is a placeholder, which a constant) and the demo archive builds 40 % slower with it. Here
 * that is worked out once, when the statement is prepared; a row costs what a hand-written prepared
 * statement costs. Building a query per row (`db.insert(t).values(row).run()`) costs ten times as much.
 */
export function preparedInsert<T extends SQLiteTable, K extends keyof T['$inferInsert'] & string>(db: Pick<Orm, 'insert' | '$client'>, table: T, columns: readonly K[]) {
  const placeholders: Record<string, Placeholder> = Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)]))
  // The one cast: a placeholder per column is a valid insert value, which TypeScript cannot see for a generic table.
  const query = db
    .insert(table)
    .values(placeholders as T['$inferInsert'])
    .toSQL()
  // Each bound parameter: a row's value through its column's encoder (JSON, boolean), or the schema's default.
  const slots = query.params.map((p): ((row: Record<string, unknown>) => unknown) => {
    if (is(p, Param) && is(p.value, Placeholder)) {
      const { encoder, value } = p
      return (row) => (row[value.name] == null ? null : encoder.mapToDriverValue(row[value.name]))
    }
    if (is(p, Placeholder)) return (row) => row[p.name]
    return () => p
  })
  const statement = db.$client.prepare(query.sql)
  return {
    /** Insert one row; the new row's id. */
    run(row: Required<Pick<T['$inferInsert'], K>>): number {
      return Number(statement.run(slots.map((slot) => slot(row))).lastInsertRowid)
    }
  }
}
