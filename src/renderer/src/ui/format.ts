/** Dates and numbers in the UI language's conventions (2026年11月26日 / 2026年11月26日 in zh-HK style). */
export function intlTag(lng: string): string {
  return lng === 'yue-HK' ? 'zh-HK' : 'zh-CN'
}

export function formatDate(iso: string | Date, lng: string, style: 'medium' | 'long' | 'short' = 'medium'): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(intlTag(lng), { dateStyle: style }).format(d)
}

export function formatDateTime(iso: string | Date, lng: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso
  if (Number.isNaN(d.getTime())) return ''
  return new Intl.DateTimeFormat(intlTag(lng), { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

/** A file size for a person: 512 B, 3.4 KB, 12.0 MB, 1.25 GB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`
  return `${(n / 1024 ** 3).toFixed(2)} GB`
}
