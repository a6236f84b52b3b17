import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import type Database from 'better-sqlite3'
import { contract, METHODS, type Method } from '../../src/shared/ipc/contract'
import { LOCALES, resources } from '../../src/shared/i18n/resources'
import { setupDesk, type TestDesk } from '../support/desk'

/**
 * Every call in the contract (METHODS: calls other features add are covered automatically), fuzzed
 * through the router with arguments its schema must refuse: wrong types, missing and extra fields,
 * 1 MB strings, control characters and unpaired surrogates. Each must come back as BAD_ARGS with a
 * translated key — never INTERNAL, never a crash — and write nothing at all: not a row, not an
 * audit event, not a file.
 */
const MB = 'x'.repeat(1024 * 1024)
const BAD_VALUES: [string, unknown][] = [
  ['1 MB string', MB],
  ['1 MB of CJK', '訪'.repeat(350_000)],
  ['control character', 'a\u0001b'],
  ['NUL', 'a\u0000b'],
  ['escape sequence', '\u001b[31mred'],
  ['lone high surrogate', 'ab\uD800'],
  ['lone low surrogate', '\uDC00cd'],
  ['number', 12345],
  ['negative', -1],
  ['fraction', 1.5],
  ['huge number', Number.MAX_VALUE],
  ['boolean', true],
  ['null', null],
  ['array', ['a', 1, null]],
  ['object', { nested: MB }],
  ['empty string', ''],
  ['date-like garbage', '2026-02-30'],
  ['prototype key', JSON.parse('{"__proto__": {"polluted": true}}')]
]
const NON_OBJECTS: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'desk'],
  ['an array', [{}]],
  ['true', true],
  ['a 1 MB string', MB]
]

/** The shape of an object schema, looking through pipes, defaults, optionals and nullables. */
function shapeOf(schema: unknown): Record<string, unknown> | null {
  let s = schema as { _zod?: { def: Record<string, unknown> } }
  for (let i = 0; i < 10 && s?._zod; i++) {
    const def = s._zod.def
    if (def.type === 'object') return def.shape as Record<string, unknown>
    s = (def.in ?? def.innerType ?? def.schema) as typeof s
  }
  return null
}
function keysOf(schema: unknown): string[] {
  return Object.keys(shapeOf(schema) ?? {})
}

interface FuzzCase {
  label: string
  args: unknown
}

function casesFor(method: Method): FuzzCase[] {
  const schema = contract[method].args
  const keys = keysOf(schema)
  const out: FuzzCase[] = NON_OBJECTS.map(([label, args]) => ({ label: `args = ${label}`, args }))
  out.push({ label: 'all fields missing', args: {} })
  out.push({ label: 'an extra field', args: { unexpected: 'x' } })
  for (const k of keys) {
    for (const [label, v] of BAD_VALUES) out.push({ label: `${k} = ${label}`, args: { [k]: v } })
    out.push({ label: `${k} plus an extra field`, args: { [k]: 'x', extraField: MB } })
    // One level down: fields of a nested object argument (e.g. a patch).
    for (const sk of keysOf(shapeOf(schema)![k])) {
      for (const [label, v] of BAD_VALUES.slice(0, 7)) out.push({ label: `${k}.${sk} = ${label}`, args: { [k]: { [sk]: v } } })
    }
  }
  // Only inputs the schema itself refuses are fuzz cases (an empty object is valid for some calls).
  return out.filter((c) => !schema.safeParse(c.args).success)
}

/** Every row of every table (audit events included), canonical, to compare before and after. */
function dump(db: Database.Database): string {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
  return JSON.stringify(
    tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][]).map((r) => JSON.stringify(r)).sort()])
  )
}

function translated(key: string): boolean {
  const [ns, path] = key.split(':')
  return LOCALES.every((loc) => {
    const table = (resources[loc] as Record<string, unknown>)[ns]
    const v = path?.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], table)
    return typeof v === 'string' && v.length > 0
  })
}

let d: TestDesk
let before: string
let files: string[]
beforeAll(() => {
  d = setupDesk()
  before = dump(d.desk.db().sqlite)
  files = readdirSync(d.dataDir).sort()
})
afterAll(() => d.cleanup())

describe('every IPC call refuses malformed arguments cleanly', () => {
  it('the contract has calls to fuzz, and the generator reaches their fields', () => {
    expect(METHODS.length).toBeGreaterThan(10)
    expect(keysOf(contract['desk.setup'].args)).toEqual(expect.arrayContaining(['displayName', 'locale', 'loginName', 'passphrase']))
    const total = METHODS.reduce((n, m) => n + casesFor(m).length, 0)
    expect(total).toBeGreaterThan(METHODS.length * 10)
  })

  it('every call in the contract has a handler registered', () => {
    expect(METHODS.filter((m) => !d.router.handles(m))).toEqual([])
  })

  for (const method of METHODS) {
    it(`${method}`, async (ctx) => {
      // A call with no handler yet is reported by the test above, not fuzzed here.
      if (!d.router.handles(method)) return ctx.skip(`no handler registered for ${method}`)
      const problems: string[] = []
      const cases = casesFor(method)
      expect(cases.length).toBeGreaterThan(3)
      for (const c of cases) {
        let r: Awaited<ReturnType<typeof d.router.invoke>>
        try {
          r = await d.router.invoke(method, c.args)
        } catch (err) {
          problems.push(`${c.label}: threw ${err instanceof Error ? err.name : typeof err}`)
          continue
        }
        if (r.ok) problems.push(`${c.label}: accepted`)
        else if (r.code !== 'BAD_ARGS') problems.push(`${c.label}: ${r.code} (${r.messageKey})`)
        else if (!translated(r.messageKey)) problems.push(`${c.label}: untranslated key ${r.messageKey}`)
        else if (JSON.stringify(r).length > 2000) problems.push(`${c.label}: echoes the input back`)
      }
      expect(problems).toEqual([])
      // Still the same desk: unlocked, same session, nothing written anywhere.
      expect(d.desk.isOpen).toBe(true)
      expect(d.desk.session?.loginName).toBe('chen')
      expect(dump(d.desk.db().sqlite)).toBe(before)
      expect(readdirSync(d.dataDir).sort()).toEqual(files)
    })
  }
})
