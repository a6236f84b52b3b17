import type { ArchiveRow } from '@shared/domain/archive/types'
import { tk } from '../../app/i18n'

/** 表A 接案表 / 表B 会谈表（第N次） / 表C 结案表. */
export function formLabel(t: (...args: never[]) => unknown, r: Pick<ArchiveRow, 'kind' | 'contactNo'>): string {
  return tk(t, `archive:kinds.${r.kind}`, { n: r.contactNo ?? '' })
}

export const itemKey = (r: Pick<ArchiveRow, 'kind' | 'subjectId'>) => `${r.kind}:${r.subjectId}`
