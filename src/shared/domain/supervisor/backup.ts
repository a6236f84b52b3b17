/** Backups as the supervisor sees them. Pure: no node, no DOM. */

export interface BackupSettings {
  /** Folder for backups (e.g. a USB drive); '' until chosen. */
  folder: string
  /** Keep the last K backups in the folder; 0 keeps all. */
  keep: number
  /** Remind when no backup has been made for this many days; 0 turns the reminder off. */
  reminderDays: number
  passphraseSet: boolean
  passphraseSetAt: string | null
}

export interface BackupStatus extends BackupSettings {
  lastBackupAt: string | null
  /** Whole days since the last backup (null: never). */
  daysSince: number | null
  due: boolean
  /** True when the app can open native folder/file dialogs (Electron); else paths are typed. */
  nativeDialogs: boolean
}

export interface BackupResult {
  file: string
  bytes: number
  createdAt: string
  rows: number
  tables: number
  ms: number
  /** Older backups removed from the folder by rotation (file names only). */
  rotated: string[]
}

export interface BackupVerdict {
  ok: true
  file: string
  bytes: number
  createdAt: string
  appVersion: string
  schemaVersion: number
  tables: Record<string, number>
  rows: number
  /** Audit events at the backup's moment (null: a backup from before this was recorded). */
  auditEvents?: number | null
  /** The live trail compared with the head this backup anchors: 'shortened' means events were deleted since. */
  liveTrail?: 'intact' | 'shortened' | null
  ms: number
}

export interface BackupLogEntry {
  id: number
  at: string
  kind: 'export' | 'safety' | 'verify' | 'restore'
  fileName: string
  bytes: number
  outcome: string
  userName: string | null
}

export const BACKUP_EXT = '.pdbackup'
const NAME = /^petition-desk-(\d{8})-(\d{6})(?:-(\d+))?\.pdbackup$/

/** petition-desk-YYYYMMDD-HHMMSS.pdbackup in UTC: sorts by time, says nothing about anyone. */
export function backupFileName(at: Date, prefix = 'petition-desk'): string {
  const iso = at.toISOString()
  return `${prefix}-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}${BACKUP_EXT}`
}

export function isBackupName(name: string): boolean {
  return NAME.test(name)
}

/** Which of the folder's backups rotation removes: all but the newest `keep` (0 = none). Other files are never touched. */
export function rotationVictims(names: string[], keep: number): string[] {
  if (keep <= 0) return []
  const ours = names.filter(isBackupName).sort().reverse()
  return ours.slice(keep)
}

export function daysBetween(fromIso: string, to: Date): number {
  return Math.floor((to.getTime() - new Date(fromIso).getTime()) / 86_400_000)
}

/** A reminder is due when reminders are on and the last backup is at least N days old (or none exists). */
export function isBackupDue(lastAt: string | null, reminderDays: number, now: Date): boolean {
  if (reminderDays <= 0) return false
  if (!lastAt) return true
  return daysBetween(lastAt, now) >= reminderDays
}

/** Typed confirmation: the word shown, ignoring surrounding spaces and full/half width. */
export function confirmationMatches(typed: string, expected: string[]): boolean {
  const t = typed.normalize('NFKC').trim()
  return t.length > 0 && expected.some((e) => e.normalize('NFKC').trim() === t)
}
