import { asc, eq } from 'drizzle-orm'
import { LOCALES, translator } from '@shared/i18n/resources'
import type { KeyIn } from '@shared/i18n/keys'
import { builtinKey } from '@shared/domain/referrals/builtin-words'
import {
  CSV_COLUMNS,
  directoryToCsv,
  planImport,
  type CsvColumn,
  type CsvWords,
  type ImportPreview
} from '@shared/domain/referrals/directory-csv'
import { DIRECTORY_CATEGORIES, DIRECTORY_LEVELS, type DirectoryCategory, type DirectoryEntry, type DirectoryFields, type DirectoryLevel } from '@shared/domain/referrals/types'
import { fail } from '@shared/ipc/result'
import type { Locale } from '@shared/domain/session/types'
import type { Desk } from '../desk/desk'
import { directoryEntries } from '../db/schema/referrals'

/**
 * The directory of where to send people (issue 16 §2): supervisors keep it, everyone picks from it.
 * It ships with the national hotlines only; a shipped row's name is words in each language until a
 * supervisor gives it one.
 */
type Row = typeof directoryEntries.$inferSelect

const toEntry = (r: Row): DirectoryEntry => ({
  id: r.id,
  builtin: r.builtin,
  level: r.level,
  locality: r.locality,
  category: r.category as DirectoryCategory,
  name: r.name,
  address: r.address,
  phone: r.phone,
  hours: r.hours,
  handles: r.handles,
  active: r.active,
  updatedAt: r.updatedAt
})

export function listDirectory(desk: Desk, includeInactive = false): DirectoryEntry[] {
  const q = desk.db().orm.select().from(directoryEntries)
  const rows = (includeInactive ? q : q.where(eq(directoryEntries.active, true))).orderBy(asc(directoryEntries.level), asc(directoryEntries.category), asc(directoryEntries.id)).all()
  return rows.map(toEntry)
}

export function directoryEntry(desk: Desk, id: number): DirectoryEntry | null {
  const r = desk.db().orm.select().from(directoryEntries).where(eq(directoryEntries.id, id)).get()
  return r ? toEntry(r) : null
}

/** A shipped row's name in one language (its builtin words), else the name typed for it. */
export function entryName(e: Pick<DirectoryEntry, 'name' | 'builtin'>, locale: Locale): string {
  if (e.name) return e.name
  const key = builtinKey(e.builtin, 'name')
  return key ? translator(locale, 'referrals')(key) : ''
}

export function saveDirectoryEntry(desk: Desk, input: DirectoryFields & { id?: number }): DirectoryEntry {
  const s = desk.requireSession()
  const orm = desk.db().orm
  const at = desk.now().toISOString()
  const fields = { ...input, name: input.name.trim() }
  delete (fields as { id?: number }).id
  return desk.db().sqlite.transaction(() => {
    let id = input.id
    if (id != null) {
      const before = orm.select().from(directoryEntries).where(eq(directoryEntries.id, id)).get()
      if (!before) fail('NOT_FOUND', 'referrals:errors.directoryNotFound')
      // A shipped row given back its own words keeps them in each language.
      if (before!.builtin && LOCALES.some((l) => entryName(before!, l) === fields.name)) fields.name = before!.name
      orm.update(directoryEntries).set({ ...fields, updatedAt: at, updatedBy: s.userId }).where(eq(directoryEntries.id, id)).run()
    } else {
      id = Number(orm.insert(directoryEntries).values({ ...fields, updatedAt: at, updatedBy: s.userId }).run().lastInsertRowid)
    }
    desk.audit({ action: 'directory.save', subjectType: 'directory', subjectId: id, details: { created: input.id == null } })
    return directoryEntry(desk, id!)!
  }).immediate()
}

function csvWords(): CsvWords {
  const both = (key: KeyIn<'referrals'>) => LOCALES.map((l) => translator(l, 'referrals')(key))
  const columns = Object.fromEntries(CSV_COLUMNS.map((c) => [c, both(`csv.columns.${c}`)])) as Record<CsvColumn, string[]>
  const levels = Object.fromEntries(DIRECTORY_LEVELS.map((c) => [c, both(`levels.${c}`)])) as Record<DirectoryLevel, string[]>
  const categories = Object.fromEntries(DIRECTORY_CATEGORIES.map((c) => [c, both(`categories.${c}`)])) as Record<DirectoryCategory, string[]>
  return { columns, levels, categories, yes: both('csv.yes'), no: both('csv.no') }
}

/**
 * The directory as CSV. On the desktop the main process asks where to save it (the OS dialog); in
 * browser mode the text goes back to the page, which downloads it. The directory holds no personal data.
 */
export async function exportDirectoryCsv(desk: Desk): Promise<{ csv: string | null; rows: number; outcome: 'saved' | 'cancelled' | 'download' }> {
  const locale = desk.requireSession().locale
  const t = translator(locale, 'referrals')
  const entries = listDirectory(desk, true)
  const csv = directoryToCsv(entries, {
    column: (c) => t(`csv.columns.${c}`),
    level: (l) => t(`levels.${l}`),
    category: (c) => t(`categories.${c}`),
    yes: t('csv.yes'),
    no: t('csv.no'),
    name: (e) => entryName(e, locale)
  })
  desk.audit({ action: 'directory.export', subjectType: 'directory', subjectId: null, details: { rows: entries.length } })
  if (!desk.platform) return { csv, rows: entries.length, outcome: 'download' }
  const path = await desk.platform.saveFile(`${t('csv.fileName')}.csv`, Buffer.from(csv, 'utf8'), [{ name: 'CSV', extensions: ['csv'] }])
  return { csv: null, rows: entries.length, outcome: path ? 'saved' : 'cancelled' }
}

function plan(desk: Desk, csv: string) {
  const existing = listDirectory(desk, true).map((e) => ({ ...e, names: e.builtin && !e.name ? LOCALES.map((l) => entryName(e, l)) : [e.name] }))
  return planImport(csv, csvWords(), existing)
}

export function previewDirectoryImport(desk: Desk, csv: string): ImportPreview {
  desk.requireSession()
  return plan(desk, csv).preview
}

/** Writes only a file with no problem, all rows in one transaction; never deletes a row. */
export function applyDirectoryImport(desk: Desk, csv: string): ImportPreview {
  const s = desk.requireSession()
  const orm = desk.db().orm
  return desk.db().sqlite.transaction(() => {
    const { preview, writes } = plan(desk, csv)
    if (preview.problems.length) fail('BAD_ARGS', 'referrals:csv.hasProblems', { count: preview.problems.length })
    const at = desk.now().toISOString()
    for (const w of writes) {
      if (w.id != null) orm.update(directoryEntries).set({ ...w.fields, updatedAt: at, updatedBy: s.userId }).where(eq(directoryEntries.id, w.id)).run()
      else orm.insert(directoryEntries).values({ ...w.fields, updatedAt: at, updatedBy: s.userId }).run()
    }
    desk.audit({ action: 'directory.import', subjectType: 'directory', subjectId: null, details: { added: preview.added, changed: preview.changed } })
    return { ...preview, written: true }
  }).immediate()
}
