import { accessSync, constants } from 'node:fs'
import { DeskFailure } from '@shared/ipc/result'

/**
 * A write refused by the disk, told apart from a damaged file or a bug: a full disk (or quota), or
 * a folder or disk that is read-only. Both SQLite's codes and the OS's are recognised. The person is
 * told which, in their language, and the file is never called damaged for it (that offers a restore).
 */
export type StorageProblem = 'full' | 'readOnly'

export function storageProblem(err: unknown): StorageProblem | null {
  if (err instanceof DeskFailure) return err.code === 'DISK_FULL' ? 'full' : err.code === 'READ_ONLY' ? 'readOnly' : null
  const code = (err as { code?: unknown })?.code
  if (typeof code !== 'string') return null
  if (code === 'ENOSPC' || code === 'EDQUOT' || code.startsWith('SQLITE_FULL')) return 'full'
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_READONLY')) return 'readOnly'
  return null
}

/** The failure to answer for a storage problem, or null when `err` is something else. */
export function storageFailure(err: unknown): DeskFailure | null {
  const problem = storageProblem(err)
  if (problem === 'full') return err instanceof DeskFailure ? err : new DeskFailure('DISK_FULL', 'errors:disk.full')
  if (problem === 'readOnly') return err instanceof DeskFailure ? err : new DeskFailure('READ_ONLY', 'errors:disk.readOnly')
  return null
}

/**
 * SQLite answers CANTOPEN when it cannot create the -wal/-shm files beside a database in a folder it
 * may not write (a read-only disk or share, or permissions): that is a read-only folder, not damage.
 */
export function cantOpenBecauseReadOnly(err: unknown, folder: string): DeskFailure | null {
  const code = (err as { code?: unknown })?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CANTOPEN')) return null
  try {
    accessSync(folder, constants.W_OK)
    return null
  } catch {
    return new DeskFailure('READ_ONLY', 'errors:disk.readOnly')
  }
}
