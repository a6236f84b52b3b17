import type { TFunction } from 'i18next'
import type { ArchiveRow } from '@shared/domain/archive/types'

/** 表A 接案表 / 表B 会谈表（第N次） / 表C 结案表. */
export function formLabel(t: TFunction, r: Pick<ArchiveRow, 'kind' | 'contactNo'>): string {
  return t(`archive:kinds.${r.kind}`, { n: r.contactNo ?? '' })
}

export const itemKey = (r: Pick<ArchiveRow, 'kind' | 'subjectId'>) => `${r.kind}:${r.subjectId}`

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Browser mode: hand an export to the browser as a download (kept in memory, released after a minute). */
export function download(fileName: string, base64: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytesOf(base64)], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
