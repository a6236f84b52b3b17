import type { FileDelivery } from '@shared/ipc/contracts/aftercare'

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/** Finish a file call: Electron already saved it; browser mode downloads the bytes under the suggested name. */
export function deliverFile(result: FileDelivery): 'saved' | 'cancelled' | 'downloaded' {
  if (result.mode === 'platform') return result.outcome
  const url = URL.createObjectURL(new Blob([bytesOf(result.base64)], { type: result.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = result.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return 'downloaded'
}
