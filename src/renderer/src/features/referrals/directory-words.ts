import type { TFunction } from 'i18next'
import type { DirectoryEntry } from '@shared/domain/referrals/types'
import { builtinKey } from '@shared/domain/referrals/builtin-words'
import { tk } from '../../app/i18n'

/** A row's name as people read it: a shipped hotline's words in the UI language until a supervisor renames it. */
export function directoryName(t: TFunction, e: Pick<DirectoryEntry, 'name' | 'builtin'>): string {
  const key = builtinKey(e.builtin, 'name')
  return e.name || (key ? tk(t, `referrals:${key}`) : '')
}

export function directoryHandles(t: TFunction, e: Pick<DirectoryEntry, 'handles' | 'builtin'>): string {
  const key = builtinKey(e.builtin, 'handles')
  return e.handles || (key ? tk(t, `referrals:${key}`) : '')
}
