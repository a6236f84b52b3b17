import type { TFunction } from 'i18next'
import type { DirectoryEntry } from '@shared/domain/referrals/types'

/** A row's name as people read it: a shipped hotline's words in the UI language until a supervisor renames it. */
export function directoryName(t: TFunction, e: Pick<DirectoryEntry, 'name' | 'builtin'>): string {
  return e.name || (e.builtin ? t(`referrals:builtin.${e.builtin}.name`) : '')
}

export function directoryHandles(t: TFunction, e: Pick<DirectoryEntry, 'handles' | 'builtin'>): string {
  return e.handles || (e.builtin ? t(`referrals:builtin.${e.builtin}.handles`) : '')
}
