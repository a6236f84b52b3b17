import { z } from 'zod'
import { call } from '../define'
import { empty, id, isoDate, locale, longText, passphrase, requiredText, shortText } from '../schemas'
import type { BackupLogEntry, BackupResult, BackupSettings, BackupStatus, BackupVerdict } from '../../domain/supervisor/backup'
import type { AuditPage } from '../../domain/supervisor/audit'
import type { HallFigures } from '../../domain/supervisor/figures'
import type { DestructionEntry, RetentionCandidate } from '../../domain/supervisor/retention'
import { SIGNOFF_KINDS, type Signoff, type SignoffKind, type SignoffQueueItem, type SignoffRecordView } from '../../domain/supervisor/signoff'
import { PDF_ACTIONS, type PdfDelivery } from './forms'

/** A file or folder path typed or chosen by a supervisor: one line, no control characters. */
const path = () => shortText(4096).transform((s) => s.trim())
const auditFilter = {
  actorId: id().optional(),
  caseNo: shortText(40).optional(),
  action: shortText(100).optional(),
  from: isoDate().optional(),
  to: isoDate().optional()
}

const requiredPath = () => path().refine((s) => s.length > 0, { message: 'errors:arg.required' })

/** Calls of the supervisor feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const supervisorCalls = {
  /** Backup settings, the last backup and whether the reminder is due. */
  'backup.status': call(empty(), 'supervisor').returns<BackupStatus>(),
  'backup.saveSettings': call(
    z.object({
      folder: path().optional(),
      keep: z.number().int().min(0).max(1000).optional(),
      reminderDays: z.number().int().min(0).max(365).optional()
    }),
    'supervisor'
  ).returns<BackupSettings>(),
  /** Set the backup passphrase; `understood` confirms the warning that a lost passphrase loses the backups. */
  'backup.setPassphrase': call(z.object({ passphrase: passphrase(), understood: z.boolean() }), 'supervisor').returns<BackupSettings>(),
  /** The backup passphrase sheet (PDF): where to write the passphrase by hand and how to restore. */
  'backup.sheet': call(z.object({ locale: locale(), action: z.enum(PDF_ACTIONS) }), 'supervisor').returns<PdfDelivery>(),
  /** Export now into `folder` (default: the backup folder). Progress arrives as `progress` events, task 'backup'. */
  'backup.export': call(z.object({ folder: path().optional() }), 'supervisor').returns<BackupResult>(),
  'backup.verify': call(z.object({ file: requiredPath(), passphrase: passphrase() }), 'supervisor').returns<BackupVerdict>(),
  /** Backups in a folder (our own file names only), newest first. */
  'backup.list': call(z.object({ folder: path().optional() }), 'supervisor').returns<{ folder: string; files: { name: string; file: string; bytes: number; modifiedAt: string }[] }>(),
  'backup.log': call(empty(), 'supervisor').returns<BackupLogEntry[]>(),
  /** Replace the current data with a backup, after a safety backup. `confirm` is the typed confirmation word. */
  'backup.restoreReplace': call(
    // acceptRevived: the supervisor has read the accounts whose revoked passphrases the backup brings back.
    z.object({ file: requiredPath(), passphrase: passphrase(), confirm: shortText(50), acceptRevived: z.boolean().optional() }),
    'supervisor'
  ).returns<{ restoredAt: string; backupCreatedAt: string; safetyFile: string }>(),
  /**
   * First run or a damaged database: restore a backup. Refused when the desk holds usable data. Over a
   * damaged or too-new database it replaces data, so a supervisor of the backup signs it (`supervisor`).
   */
  'backup.restoreFresh': call(
    z.object({ file: requiredPath(), passphrase: passphrase(), supervisor: z.object({ loginName: requiredText(64), passphrase: passphrase() }).optional() }),
    'public'
  ).returns<{ restoredAt: string; backupCreatedAt: string }>(),
  /** Electron only: the native folder / file dialogs (null when cancelled or in browser mode). */
  'backup.chooseFolder': call(empty(), 'supervisor').returns<string | null>(),
  'backup.chooseFile': call(empty(), 'public').returns<string | null>(),
  /** Whether this desk can show native dialogs (Electron) — before login too. */
  'backup.capabilities': call(empty(), 'public').returns<{ nativeDialogs: boolean }>(),

  /** The audit trail, newest first, with the hash chain checked on every call and breaks marked. */
  'audit.query': call(
    z.object({ ...auditFilter, limit: z.number().int().min(1).max(1000).optional(), offset: z.number().int().min(0).optional() }),
    'supervisor'
  ).returns<AuditPage>(),
  'audit.filters': call(empty(), 'supervisor').returns<{ actions: string[]; people: { id: number; name: string }[] }>(),
  /** The filtered trail as a PDF report in either language. */
  'audit.pdf': call(z.object({ ...auditFilter, locale: locale(), action: z.enum(PDF_ACTIONS) }), 'supervisor').returns<PdfDelivery>(),

  /** Forms waiting for a supervisor's sign-off (A 立案签批, B 督导意见, C 服务机构的评估), longest waiting first. */
  'signoff.queue': call(z.object({ kinds: z.array(z.enum(SIGNOFF_KINDS)).max(3).optional() }), 'supervisor').returns<{
    items: SignoffQueueItem[]
    counts: Record<SignoffKind, number>
  }>(),
  /** One form's record and its sign-off so far. */
  'signoff.open': call(z.object({ kind: z.enum(SIGNOFF_KINDS), subjectId: id() }), 'supervisor').returns<{
    record: SignoffRecordView
    signoff: Signoff | null
  }>(),
  'signoff.sign': call(z.object({ kind: z.enum(SIGNOFF_KINDS), subjectId: id(), opinion: longText(5_000) }), 'supervisor').returns<Signoff>(),
  /** Anyone may read a sign-off (workers see it on their forms). */
  'signoff.get': call(z.object({ kind: z.enum(SIGNOFF_KINDS), subjectId: id() }), 'worker').returns<Signoff | null>(),

  /** The hall's figures (8.2) for a date range (by contact date). */
  'figures.get': call(z.object({ from: isoDate(), to: isoDate() }), 'supervisor').returns<HallFigures>(),
  'figures.pdf': call(z.object({ from: isoDate(), to: isoDate(), locale: locale(), action: z.enum(PDF_ACTIONS) }), 'supervisor').returns<PdfDelivery>(),

  /** Retention (SZ C.2.1): the period, the closed cases past it, legal holds, destruction and its register. */
  'retention.get': call(empty(), 'supervisor').returns<{
    years: number | null
    cutoff: string | null
    eligible: RetentionCandidate[]
    held: RetentionCandidate[]
    register: DestructionEntry[]
  }>(),
  'retention.setYears': call(z.object({ years: z.number().int().min(1).max(100).nullable() }), 'supervisor').returns<{ years: number | null; cutoff: string | null }>(),
  'retention.hold': call(z.object({ caseNo: shortText(40), hold: z.boolean(), reason: shortText(500).optional() }), 'supervisor').returns<null>(),
  'retention.destroy': call(
    z.object({ caseIds: z.array(id()).min(1).max(10_000), reason: shortText(500), confirm: shortText(50) }),
    'supervisor'
  ).returns<{ destroyed: number }>()
} as const
