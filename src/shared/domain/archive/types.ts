import type { CaseStatus, RiskLevel } from '../case/options'
import type { DiversionRoute } from '../screening/rules'
import type { UserRef } from '../case/types'

/**
 * The records clerk's desk (档案管理, issue 15 §4): signed-off forms go to the paper archive —
 * printed, filed (archive number, box, shelf), reprinted when a copy is needed — and paper files
 * are lent and returned.
 */
export const ARCHIVE_STATES = ['toPrint', 'toFile', 'filed', 'reprinted'] as const
export type ArchiveState = (typeof ARCHIVE_STATES)[number]

export type FormKindABC = 'A' | 'B' | 'C'

/** One signed-off form and where it is on its way to the archive. */
export interface ArchiveRow {
  kind: FormKindABC
  /** A and C: the case; B: the contact (interview). */
  subjectId: number
  caseId: number
  caseNo: string
  name: string
  /** A confidential report this person may not open: the number only, and its forms do not print. */
  masked: boolean
  /** Form B: 第N次. */
  contactNo: number | null
  signedAt: string
  /** toPrint: never printed; toFile: printed, not filed; filed. `prints > 1` also means reprinted. */
  state: Exclude<ArchiveState, 'reprinted'>
  prints: number
  firstPrintedAt: string | null
  lastPrintedAt: string | null
  filedAt: string | null
  archiveNo: string
  box: string
  shelf: string
  /** The case's paper file is out on loan (not returned). */
  onLoan: boolean
}

export interface ArchiveItemRef {
  kind: FormKindABC
  subjectId: number
}

/** What a batch print did, for the summary the clerk reads afterwards. */
export interface ArchivePrintSummary {
  cases: number
  forms: number
  reprints: number
  pages: number
  /** One per PDF made (one for the batch, or one per case). */
  files: { caseNos: string[]; fileName: string; pages: number; outcome: string }[]
  /** Selected forms that could not be printed (no longer signed off, or the case is gone). */
  skipped: number
  /** The PDFs in browser mode (base64), in the order of `files`; empty in the desktop app. */
  deliveries: ({ mode: 'bytes'; fileName: string; base64: string; pages: number } | { mode: 'platform'; outcome: string; fileName: string; pages: number })[]
}

/** 借阅登记: one loan of a case's paper file. */
export interface Loan {
  id: number
  caseId: number
  caseNo: string
  borrower: string
  purpose: string
  lentAt: string
  lentBy: UserRef | null
  dueDate: string
  returnedAt: string | null
  returnedBy: UserRef | null
  /** Not returned and the due date has passed (the desk's day, UTC+8). */
  overdue: boolean
}

export const CASE_FLAGS = ['irrational', 'repeat', 'collective', 'crisis', 'hardship', 'petitionProcedure'] as const
export type CaseFlag = (typeof CASE_FLAGS)[number]

export const CASE_SORTS = ['caseNo', 'contactDate', 'updatedAt', 'risk', 'status', 'worker'] as const
export type CaseSort = (typeof CASE_SORTS)[number]

/** The hall's register: a case list row with nothing personal unless asked for. */
export interface RegisterRow {
  id: number
  caseNo: string
  status: CaseStatus
  riskLevel: RiskLevel
  worker: UserRef | null
  contactDate: string
  closedDate: string
  route: DiversionRoute | null
  locality: string
  headcount: number | null
  flags: CaseFlag[]
  /** A confidential report this person may not open: nothing personal, on screen or in an export. */
  masked: boolean
  /** Personal: shown on screen to the clerk (the case is found by it), exported only when chosen. */
  name: string
}

/** Columns of an export. The personal ones are left out unless the user ticks them. */
export const EXPORT_COLUMNS = ['caseNo', 'status', 'riskLevel', 'worker', 'contactDate', 'closedDate', 'route', 'locality', 'headcount', 'flags', 'name', 'phone', 'address', 'summary'] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]
export const PERSONAL_COLUMNS: readonly ExportColumn[] = ['name', 'phone', 'address', 'summary']
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumn[] = EXPORT_COLUMNS.filter((c) => !PERSONAL_COLUMNS.includes(c))
