import { z } from 'zod'
import { longText, requiredText, shortText } from '../../ipc/schemas'
import { isI18nKey, type I18nKey } from '../../i18n/keys'
import { DIRECTORY_CATEGORIES, DIRECTORY_LEVELS, type DirectoryCategory, type DirectoryEntry, type DirectoryFields, type DirectoryLevel } from './types'
import { csvText, parseCsv } from '../../text/csv'

/**
 * The directory as CSV, so a hall can share its list (issue 16 §2). Pure: parsing (RFC 4180: quotes,
 * doubled quotes, line breaks inside quotes, CRLF or LF, a leading BOM), writing (a BOM so
 * spreadsheet programs read UTF-8 Chinese, every cell quoted where it must be), and the import plan —
 * what would be added, changed or left as it is, and every problem with the line and column it is on,
 * as message keys the screen puts into words. Field limits count code points (the same schema as the
 * directory.save call), so 𠮶 counts as one character and is never cut. An import never deletes: rows
 * missing from the file stay as they are.
 */
export const CSV_COLUMNS = ['id', 'level', 'locality', 'category', 'name', 'address', 'phone', 'hours', 'handles', 'active'] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

export const directoryFieldsSchema = z
  .object({
    level: z.enum(DIRECTORY_LEVELS),
    locality: shortText(100),
    category: z.enum(DIRECTORY_CATEGORIES),
    name: requiredText(100),
    address: shortText(200),
    phone: shortText(40),
    hours: shortText(200),
    handles: longText(2_000),
    active: z.boolean()
  })
  .strict()

/** The words a column, level, category or yes/no may be written as (both languages and the ids). */
export interface CsvWords {
  columns: Record<CsvColumn, string[]>
  levels: Record<DirectoryLevel, string[]>
  categories: Record<DirectoryCategory, string[]>
  yes: string[]
  no: string[]
}

export interface ImportProblem {
  /** 1-based line of the file (the header is line 1). */
  line: number
  column: CsvColumn | null
  messageKey: I18nKey
  params?: Record<string, string | number>
}

export interface ImportRow {
  line: number
  action: 'add' | 'change' | 'same'
  id: number | null
  name: string
  changed: (keyof DirectoryFields)[]
}

export interface ImportPreview {
  added: number
  changed: number
  unchanged: number
  /** Rows already in the directory that the file does not mention: kept, never deleted. */
  untouched: number
  problems: ImportProblem[]
  rows: ImportRow[]
  written: boolean
}

export interface PlannedWrite {
  id: number | null
  fields: DirectoryFields
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/CR first) is written with a
 * leading apostrophe, which spreadsheets show as text; import takes the apostrophe off again, so a
 * phone written "+86 …" comes back as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/
export const defuse = (v: string): string => (FORMULA_START.test(v) ? `'${v}` : v)
export const undefuse = (v: string): string => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v)

export function toCsv(rows: string[][]): string {
  return csvText(rows.map((r) => r.map(defuse)))
}

const norm = (s: string) => s.trim().toLowerCase()

function lookup<K extends string>(table: Record<K, string[]>, value: string): K | null {
  const v = norm(value)
  for (const [k, words] of Object.entries(table) as [K, string[]][]) if (norm(k) === v || words.some((w) => norm(w) === v)) return k
  return null
}

const FIELD_KEYS: (keyof DirectoryFields)[] = ['level', 'locality', 'category', 'name', 'address', 'phone', 'hours', 'handles', 'active']

/**
 * Plan an import against the directory as it is. `existing[].names` are every name a row is known by
 * (a shipped hotline's words in both languages): a file that gives a shipped row its own words back
 * leaves it unrenamed.
 */
export function planImport(
  text: string,
  words: CsvWords,
  existing: (DirectoryEntry & { names: string[] })[]
): { preview: ImportPreview; writes: PlannedWrite[] } {
  const problems: ImportProblem[] = []
  const rows: ImportRow[] = []
  const writes: PlannedWrite[] = []
  const table = parseCsv(text).filter((r, i) => i === 0 || r.some((c) => c.trim() !== ''))
  const empty = { added: 0, changed: 0, unchanged: 0, untouched: existing.length, rows, written: false }
  if (table.length === 0) return { preview: { ...empty, problems: [{ line: 1, column: null, messageKey: 'referrals:csv.empty' }] }, writes }
  const header = table[0].map((h) => lookup(words.columns, h))
  const at = new Map<CsvColumn, number>()
  header.forEach((c, i) => {
    if (c && !at.has(c)) at.set(c, i)
  })
  table[0].forEach((h, i) => {
    if (!header[i] && h.trim() !== '') problems.push({ line: 1, column: null, messageKey: 'referrals:csv.unknownColumn', params: { column: h.trim() } })
  })
  for (const need of ['level', 'category', 'name'] as const)
    if (!at.has(need)) problems.push({ line: 1, column: need, messageKey: 'referrals:csv.missingColumn' })
  if (problems.length) return { preview: { ...empty, problems }, writes }

  const byId = new Map(existing.map((e) => [e.id, e]))
  const seenIds = new Set<number>()
  const touched = new Set<number>()
  for (let r = 1; r < table.length; r++) {
    const line = r + 1
    const cells = table[r]
    const get = (c: CsvColumn): string => {
      const i = at.get(c)
      return i === undefined ? '' : undefuse(cells[i] ?? '')
    }
    const rowProblems: ImportProblem[] = []
    const level = lookup(words.levels, get('level'))
    if (!level) rowProblems.push({ line, column: 'level', messageKey: 'referrals:csv.badLevel', params: { value: get('level') } })
    const category = lookup(words.categories, get('category'))
    if (!category) rowProblems.push({ line, column: 'category', messageKey: 'referrals:csv.badCategory', params: { value: get('category') } })
    let active = true
    if (at.has('active') && get('active').trim() !== '') {
      const v = norm(get('active'))
      if (words.yes.some((w) => norm(w) === v) || v === 'true' || v === '1') active = true
      else if (words.no.some((w) => norm(w) === v) || v === 'false' || v === '0') active = false
      else rowProblems.push({ line, column: 'active', messageKey: 'referrals:csv.badActive', params: { value: get('active') } })
    }
    let target: (DirectoryEntry & { names: string[] }) | null = null
    const idText = get('id').trim()
    if (idText !== '') {
      const n = /^\d+$/.test(idText) ? Number(idText) : NaN
      target = byId.get(n) ?? null
      if (!target) rowProblems.push({ line, column: 'id', messageKey: 'referrals:csv.unknownId', params: { value: idText } })
      else if (seenIds.has(n)) rowProblems.push({ line, column: 'id', messageKey: 'referrals:csv.duplicateId', params: { value: idText } })
      else seenIds.add(n)
    }
    const candidate = {
      level: level ?? 'city',
      locality: get('locality').trim(),
      category: category ?? 'other',
      name: get('name'),
      address: get('address').trim(),
      phone: get('phone').trim(),
      hours: get('hours').trim(),
      handles: get('handles').trim(),
      active
    }
    // A shipped row given back its own words keeps its name in each language.
    if (target?.builtin && target.names.some((n) => n.trim() === candidate.name.trim())) candidate.name = target.name || candidate.name
    const parsed = directoryFieldsSchema.safeParse(candidate)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const col = issue.path[0] as CsvColumn
        if (rowProblems.some((p) => p.column === col)) continue
        rowProblems.push({ line, column: col, messageKey: isI18nKey(issue.message) ? issue.message : 'errors:arg.invalid' })
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems)
      continue
    }
    const fields = parsed.data as DirectoryFields
    if (target?.builtin && target.names.some((n) => n.trim() === fields.name)) fields.name = target.name
    if (!target) {
      // No id: the same name at the same level and place is the same row, not a duplicate.
      target = existing.find((e) => !touched.has(e.id) && e.level === fields.level && e.locality === fields.locality && e.names.includes(fields.name)) ?? null
    }
    if (target) {
      touched.add(target.id)
      const changed = FIELD_KEYS.filter((k) => target![k] !== fields[k] && !(k === 'name' && target!.builtin && target!.names.includes(fields.name)))
      rows.push({ line, action: changed.length ? 'change' : 'same', id: target.id, name: fields.name || target.names[0] || '', changed })
      if (changed.length) writes.push({ id: target.id, fields })
    } else {
      rows.push({ line, action: 'add', id: null, name: fields.name, changed: [] })
      writes.push({ id: null, fields })
    }
  }
  if (table.length === 1) problems.push({ line: 1, column: null, messageKey: 'referrals:csv.noRows' })
  const count = (a: ImportRow['action']) => rows.filter((x) => x.action === a).length
  return {
    preview: {
      added: count('add'),
      changed: count('change'),
      unchanged: count('same'),
      untouched: existing.filter((e) => !touched.has(e.id)).length,
      problems,
      rows,
      written: false
    },
    writes
  }
}

/** The file a supervisor exports: header and values in their language (import reads either language). */
export function directoryToCsv(entries: DirectoryEntry[], words: { column: (c: CsvColumn) => string; level: (l: DirectoryLevel) => string; category: (c: DirectoryCategory) => string; yes: string; no: string; name: (e: DirectoryEntry) => string }): string {
  return toCsv([
    CSV_COLUMNS.map(words.column),
    ...entries.map((e) => [
      String(e.id),
      words.level(e.level),
      e.locality,
      words.category(e.category),
      words.name(e),
      e.address,
      e.phone,
      e.hours,
      e.handles,
      e.active ? words.yes : words.no
    ])
  ])
}
