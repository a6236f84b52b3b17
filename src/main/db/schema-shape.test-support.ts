import type Database from 'better-sqlite3'
import { getTableName, is, SQL } from 'drizzle-orm'
import { getTableConfig, SQLiteColumn, SQLiteSyncDialect, SQLiteTable } from 'drizzle-orm/sqlite-core'

/**
 * The shape of a database schema, described the same way from both sides — a migrated SQLite file
 * (pragma table_xinfo / index_list / foreign_key_list, sqlite_master SQL for CHECKs and index terms)
 * and drizzle's table definitions (getTableConfig) — so the drift test can compare them field by field.
 * Expressions (CHECKs, partial-index WHEREs, expression index terms, SQL defaults) are compared as
 * normalised SQL text: lower case outside string literals, no identifier quotes or table prefixes,
 * no insignificant spaces.
 */
export interface ColumnShape {
  type: string
  notNull: boolean
  default: string | null
}
export interface IndexShape {
  unique: boolean
  terms: string[]
  where: string | null
}
export interface TableShape {
  columns: Record<string, ColumnShape>
  primaryKey: string[]
  foreignKeys: string[]
  uniques: string[]
  indexes: Record<string, IndexShape>
  checks: string[]
}
export interface SchemaShape {
  tables: Record<string, TableShape>
  /** FTS5 and other virtual tables: name → column names (drizzle cannot define them). */
  virtual: Record<string, string[]>
}

/** A virtual table the schema declares beside its drizzle tables (drizzle has no FTS5 support). */
export interface VirtualTableDecl {
  name: string
  columns: readonly string[]
}

// ---------------------------------------------------------------------------------------------
// SQL text helpers

/** Split SQL into string literals (kept verbatim) and the rest; comments dropped. */
function segments(sqlText: string): { lit: boolean; text: string }[] {
  const out: { lit: boolean; text: string }[] = []
  let buf = ''
  let i = 0
  const flush = () => {
    if (buf) out.push({ lit: false, text: buf })
    buf = ''
  }
  while (i < sqlText.length) {
    const c = sqlText[i]
    if (c === "'") {
      flush()
      let j = i + 1
      while (j < sqlText.length) {
        if (sqlText[j] === "'" && sqlText[j + 1] === "'") j += 2
        else if (sqlText[j] === "'") break
        else j++
      }
      out.push({ lit: true, text: sqlText.slice(i, j + 1) })
      i = j + 1
    } else if (c === '-' && sqlText[i + 1] === '-') {
      while (i < sqlText.length && sqlText[i] !== '\n') i++
      buf += ' '
    } else if (c === '/' && sqlText[i + 1] === '*') {
      const end = sqlText.indexOf('*/', i + 2)
      i = end < 0 ? sqlText.length : end + 2
      buf += ' '
    } else {
      buf += c
      i++
    }
  }
  flush()
  return out
}

/** Normalised SQL expression text, for comparing what two sides wrote in their own style. */
export function normaliseSql(sqlText: string): string {
  let s = segments(sqlText)
    .map((seg) =>
      seg.lit
        ? seg.text
        : seg.text
            .toLowerCase()
            .replace(/["`[\]]/g, '')
            .replace(/\b[a-z_][a-z0-9_]*\.(?=[a-z_])/g, '')
            .replace(/\s+/g, ' ')
    )
    .join('')
  s = s.replace(/ ?([(),]) ?/g, '$1').trim()
  // Parentheses around the whole expression are not part of it.
  while (s.startsWith('(') && s.endsWith(')') && closingParen(s, 0) === s.length - 1) s = s.slice(1, -1).trim()
  return s
}

/** Index of the parenthesis closing the one at `open`, skipping string literals. */
function closingParen(s: string, open: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    const c = s[i]
    if (c === "'") {
      i++
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1
    } else if (c === '(') depth++
    else if (c === ')' && --depth === 0) return i
  }
  return -1
}

/** Split at top-level commas (not inside parentheses or string literals). */
function splitTopLevel(s: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === "'") {
      i++
      while (i < s.length && !(s[i] === "'" && s[i + 1] !== "'")) i += s[i] === "'" ? 2 : 1
    } else if (c === '(') depth++
    else if (c === ')') depth--
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(start, i))
      start = i + 1
    }
  }
  parts.push(s.slice(start))
  return parts.map((p) => p.trim()).filter(Boolean)
}

/** The text of SQL with its string literals blanked (same length), to search for keywords safely. */
function blankLiterals(sqlText: string): string {
  return sqlText.replace(/'(?:[^']|'')*'/g, (m) => "'" + ' '.repeat(m.length - 2) + "'").replace(/--[^\n]*/g, (m) => ' '.repeat(m.length))
}

/** Every CHECK (...) expression in a CREATE TABLE statement, column- and table-level. */
export function checksInCreateTable(createSql: string): string[] {
  const blank = blankLiterals(createSql)
  const found: string[] = []
  const re = /\bCHECK\s*\(/gi
  let m: RegExpExecArray | null
  while ((m = re.exec(blank))) {
    const open = m.index + m[0].length - 1
    const close = closingParen(blank, open)
    found.push(normaliseSql(createSql.slice(open + 1, close)))
  }
  return found.sort()
}

/** The indexed terms and the WHERE of a CREATE INDEX statement. */
export function parseCreateIndex(createSql: string): { terms: string[]; where: string | null } {
  const blank = blankLiterals(createSql)
  const on = /\bON\s+["`]?\w+["`]?\s*\(/i.exec(blank)
  if (!on) throw new Error(`not a CREATE INDEX: ${createSql}`)
  const open = on.index + on[0].length - 1
  const close = closingParen(blank, open)
  const terms = splitTopLevel(createSql.slice(open + 1, close)).map(normaliseSql)
  const rest = createSql.slice(close + 1).trim()
  const where = /^WHERE\b/i.test(rest) ? normaliseSql(rest.replace(/^WHERE\b/i, '')) : null
  return { terms, where }
}

// ---------------------------------------------------------------------------------------------
// SQLite side

interface XInfo {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
  hidden: number
}

/** The shape of the schema in an open SQLite database. */
export function describeDatabase(db: Database.Database): SchemaShape {
  const master = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all() as {
    type: string
    name: string
    tbl_name: string
    sql: string | null
  }[]
  const virtualNames = master.filter((m) => m.type === 'table' && /^CREATE\s+VIRTUAL\s+TABLE/i.test(m.sql ?? '')).map((m) => m.name)
  const isShadow = (name: string) => virtualNames.some((v) => name.startsWith(`${v}_`))
  const shape: SchemaShape = { tables: {}, virtual: {} }
  for (const v of virtualNames) {
    shape.virtual[v] = (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(v) as { name: string }[]).map((c) => c.name)
  }
  for (const t of master.filter((m) => m.type === 'table' && !virtualNames.includes(m.name) && !isShadow(m.name))) {
    const cols = db.prepare('SELECT * FROM pragma_table_xinfo(?)').all(t.name) as XInfo[]
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)
    const columns: Record<string, ColumnShape> = {}
    for (const c of cols.filter((c) => c.hidden === 0)) {
      columns[c.name] = {
        type: c.type.toUpperCase(),
        notNull: c.notnull === 1 || pk.includes(c.name),
        default: c.dflt_value == null ? null : normaliseSql(c.dflt_value)
      }
    }
    const fkRows = db.prepare('SELECT * FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(t.name) as {
      id: number
      table: string
      from: string
      to: string | null
      on_update: string
      on_delete: string
    }[]
    const fks = new Map<number, typeof fkRows>()
    for (const r of fkRows) fks.set(r.id, [...(fks.get(r.id) ?? []), r])
    const foreignKeys = [...fks.values()].map((rows) =>
      fkText(
        rows.map((r) => r.from),
        rows[0].table,
        rows.map((r) => r.to ?? '?'),
        rows[0].on_delete,
        rows[0].on_update
      )
    )
    const indexes: Record<string, IndexShape> = {}
    const uniques: string[] = []
    for (const ix of db.prepare('SELECT * FROM pragma_index_list(?)').all(t.name) as { name: string; unique: number; origin: string }[]) {
      if (ix.origin === 'pk') continue
      if (ix.origin === 'u') {
        const names = (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(ix.name) as { name: string }[]).map((c) => c.name)
        uniques.push(names.join(','))
        continue
      }
      const sqlText = master.find((m) => m.type === 'index' && m.name === ix.name)?.sql
      if (!sqlText) throw new Error(`index ${ix.name} has no SQL`)
      indexes[ix.name] = { unique: ix.unique === 1, ...parseCreateIndex(sqlText) }
    }
    shape.tables[t.name] = {
      columns,
      primaryKey: pk,
      foreignKeys: foreignKeys.sort(),
      uniques: uniques.sort(),
      indexes,
      checks: checksInCreateTable(t.sql ?? '')
    }
  }
  return shape
}

function fkText(from: string[], table: string, to: string[], onDelete: string | undefined, onUpdate: string | undefined): string {
  const action = (a: string | undefined) => (a ?? 'no action').toUpperCase()
  return `(${from.join(',')}) → ${table}(${to.join(',')}) on delete ${action(onDelete)} on update ${action(onUpdate)}`
}

// ---------------------------------------------------------------------------------------------
// drizzle side

const dialect = new SQLiteSyncDialect()
const renderSql = (s: SQL) => {
  const q = dialect.sqlToQuery(s)
  if (q.params.length) throw new Error(`a schema expression must be literal SQL, not parameters: ${q.sql}`)
  return q.sql
}

function drizzleDefault(col: SQLiteColumn): string | null {
  if (!col.hasDefault || col.default === undefined) return null
  const d: unknown = col.default
  if (is(d, SQL)) return normaliseSql(renderSql(d))
  if (typeof d === 'boolean') return d ? '1' : '0'
  if (typeof d === 'number' || typeof d === 'bigint') return String(d)
  if (typeof d === 'string') return `'${d.replace(/'/g, "''")}'`
  return `'${JSON.stringify(d).replace(/'/g, "''")}'`
}

/** The shape drizzle's table definitions describe. */
export function describeDrizzle(tables: SQLiteTable[], virtual: readonly VirtualTableDecl[] = []): SchemaShape {
  const shape: SchemaShape = { tables: {}, virtual: {} }
  for (const v of virtual) shape.virtual[v.name] = [...v.columns]
  for (const table of tables) {
    const cfg = getTableConfig(table)
    const pk = cfg.primaryKeys.length ? cfg.primaryKeys[0].columns.map((c) => c.name) : cfg.columns.filter((c) => c.primary).map((c) => c.name)
    const columns: Record<string, ColumnShape> = {}
    for (const c of cfg.columns) {
      columns[c.name] = { type: c.getSQLType().toUpperCase(), notNull: c.notNull || pk.includes(c.name), default: drizzleDefault(c) }
    }
    const foreignKeys = cfg.foreignKeys.map((fk) => {
      const ref = fk.reference()
      return fkText(
        ref.columns.map((c) => c.name),
        getTableName(ref.foreignTable),
        ref.foreignColumns.map((c) => c.name),
        fk.onDelete,
        fk.onUpdate
      )
    })
    const uniques = [...cfg.columns.filter((c) => c.isUnique).map((c) => c.name), ...cfg.uniqueConstraints.map((u) => u.columns.map((c) => c.name).join(','))]
    const indexes: Record<string, IndexShape> = {}
    for (const ix of cfg.indexes) {
      indexes[ix.config.name] = {
        unique: !!ix.config.unique,
        terms: ix.config.columns.map((c) => (is(c, SQL) ? normaliseSql(renderSql(c)) : normaliseSql((c as SQLiteColumn).name))),
        where: ix.config.where ? normaliseSql(renderSql(ix.config.where)) : null
      }
    }
    shape.tables[cfg.name] = {
      columns,
      primaryKey: pk,
      foreignKeys: foreignKeys.sort(),
      uniques: uniques.sort(),
      indexes,
      checks: cfg.checks.map((c) => normaliseSql(renderSql(c.value))).sort()
    }
  }
  return shape
}

/** Every drizzle table exported by a schema module. */
export function tablesOf(mod: Record<string, unknown>): SQLiteTable[] {
  return Object.values(mod).filter((v): v is SQLiteTable => is(v, SQLiteTable))
}

// ---------------------------------------------------------------------------------------------
// The comparison

/**
 * Every difference between what the migrations built (`db`) and what the schema says (`schema`),
 * one line each, naming the table and column: an empty list means they agree.
 */
export function diffShapes(db: SchemaShape, schema: SchemaShape): string[] {
  const out: string[] = []
  const both = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  for (const name of both(db.virtual, schema.virtual)) {
    const a = db.virtual[name]
    const b = schema.virtual[name]
    if (!a) out.push(`virtual table ${name}: declared in the schema, not created by the migrations`)
    else if (!b) out.push(`virtual table ${name}: created by the migrations, not declared in the schema`)
    else if (a.join(',') !== b.join(',')) out.push(`virtual table ${name}: columns (${a.join(', ')}) in the database, (${b.join(', ')}) in the schema`)
  }
  for (const name of both(db.tables, schema.tables)) {
    const a = db.tables[name]
    const b = schema.tables[name]
    if (!a) {
      out.push(`table ${name}: in the schema, not created by the migrations`)
      continue
    }
    if (!b) {
      out.push(`table ${name}: created by the migrations, missing from the schema`)
      continue
    }
    for (const col of both(a.columns, b.columns)) {
      const x = a.columns[col]
      const y = b.columns[col]
      if (!x) out.push(`${name}.${col}: in the schema, not in the database`)
      else if (!y) out.push(`${name}.${col}: in the database, missing from the schema`)
      else
        for (const k of ['type', 'notNull', 'default'] as const)
          if (x[k] !== y[k]) out.push(`${name}.${col}: ${k} ${JSON.stringify(x[k])} in the database, ${JSON.stringify(y[k])} in the schema`)
    }
    const list = (what: string, x: string[], y: string[]) => {
      for (const v of x) if (!y.includes(v)) out.push(`${name}: ${what} ${v} in the database, missing from the schema`)
      for (const v of y) if (!x.includes(v)) out.push(`${name}: ${what} ${v} in the schema, not in the database`)
    }
    if (a.primaryKey.join(',') !== b.primaryKey.join(','))
      out.push(`${name}: primary key (${a.primaryKey.join(', ')}) in the database, (${b.primaryKey.join(', ')}) in the schema`)
    list('foreign key', a.foreignKeys, b.foreignKeys)
    list('unique', a.uniques, b.uniques)
    list('check', a.checks, b.checks)
    for (const ix of both(a.indexes, b.indexes)) {
      const x = a.indexes[ix]
      const y = b.indexes[ix]
      if (!x) out.push(`${name}: index ${ix} in the schema, not in the database`)
      else if (!y) out.push(`${name}: index ${ix} in the database, missing from the schema`)
      else if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${name}: index ${ix} is ${JSON.stringify(x)} in the database, ${JSON.stringify(y)} in the schema`)
    }
  }
  return out
}
