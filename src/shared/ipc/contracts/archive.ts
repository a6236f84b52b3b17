import { z } from 'zod'
import { call } from '../define'
import { empty, id, isoDate, locale, requiredText, shortText } from '../schemas'
import { PDF_ACTIONS } from './forms'
import { CASE_STATUSES, RISK_LEVELS } from '../../domain/case/options'
import { DIVERSION_ROUTES } from '../../domain/screening/rules'
import {
  ARCHIVE_STATES,
  CASE_FLAGS,
  CASE_SORTS,
  EXPORT_COLUMNS,
  type ArchivePrintSummary,
  type ArchiveRow,
  type Loan,
  type RegisterRow
} from '../../domain/archive/types'

const itemRef = z.object({ kind: z.enum(['A', 'B', 'C']), subjectId: id() }).strict()
const items = z.array(itemRef).min(1).max(2_000)

/** The case list's filters (status, worker, dates, risk, route, flags) and sorting. */
export const registerFilter = z
  .object({
    status: z.union([z.enum(['open', 'closed']), z.enum(CASE_STATUSES)]).optional(),
    workerId: id().optional(),
    /** 初次接触日期 from / to, inclusive. */
    from: isoDate().optional(),
    to: isoDate().optional(),
    minRisk: z.enum(RISK_LEVELS).optional(),
    route: z.enum(DIVERSION_ROUTES).optional(),
    flags: z.array(z.enum(CASE_FLAGS)).max(CASE_FLAGS.length).optional(),
    sort: z.enum(CASE_SORTS).optional(),
    desc: z.boolean().optional()
  })
  .strict()

/** A file the desk made for the user (an export): saved by the desktop app, or handed to the browser. */
export type FileDelivery =
  | { mode: 'platform'; outcome: 'saved' | 'cancelled'; fileName: string; rows: number }
  | { mode: 'bytes'; fileName: string; base64: string; mime: string; rows: number }

/**
 * Calls of the records clerk's desk. 'records': a clerk or a supervisor, never a worker (checked by the
 * router); every one is audited by the service (ids and counts, never a name).
 */
export const archiveCalls = {
  /** Signed-off forms by where they are: to print, to file, filed, reprinted. */
  'archive.queue': call(
    z.object({ state: z.enum(ARCHIVE_STATES).optional(), limit: z.number().int().min(1).max(2_000).optional() }).strict(),
    'records'
  ).returns<ArchiveRow[]>(),
  /**
   * Print the selected forms (or the whole 待打印 queue) as one PDF or one per case. Progress goes out
   * as `progress` events (task 'archive.print'); a form printed before prints as 补打（副本） with when.
   */
  'archive.print': call(
    z
      .object({ items: items.optional(), lang: locale(), bundle: z.enum(['one', 'perCase']), action: z.enum(PDF_ACTIONS), allowMissing: z.boolean().optional() })
      .strict(),
    'records'
  ).returns<ArchivePrintSummary>(),
  /** File printed forms: archive number and where the paper is (box, shelf). */
  'archive.file': call(
    z.object({ items, archiveNo: requiredText(64), box: requiredText(64), shelf: shortText(64).optional() }).strict(),
    'records'
  ).returns<{ filed: number }>(),
  /** The hall's case list, filtered and sorted. */
  'archive.cases': call(
    registerFilter.extend({ limit: z.number().int().min(1).max(1_000).optional(), offset: z.number().int().min(0).optional() }),
    'records'
  ).returns<{ rows: RegisterRow[]; total: number }>(),
  /** The list as CSV or XLSX for the hall's registers; personal columns only when chosen. Audited. */
  'archive.export': call(
    z
      .object({
        filter: registerFilter,
        format: z.enum(['csv', 'xlsx']),
        columns: z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length),
        lang: locale()
      })
      .strict(),
    'records'
  ).returns<FileDelivery>(),
  /** 借阅登记: open loans first, then the most recent. */
  'archive.loans': call(z.object({ caseId: id().optional(), open: z.boolean().optional() }).strict(), 'records').returns<Loan[]>(),
  'archive.lend': call(
    z.object({ caseId: id(), borrower: requiredText(100), purpose: shortText(500).optional(), dueDate: isoDate() }).strict(),
    'records'
  ).returns<Loan>(),
  'archive.return': call(z.object({ loanId: id() }).strict(), 'records').returns<Loan>(),
  /** The clerk's Today: overdue returns and what waits in the queue. */
  'archive.today': call(empty(), 'records').returns<{ overdue: Loan[]; dueSoon: Loan[]; toPrint: number; toFile: number }>()
} as const
