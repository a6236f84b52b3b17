/** Bytes of a base64 payload (browser mode sends files over the loopback transport as base64). */
export function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/**
 * Browser mode: hand a file to the browser as a download under the suggested name. The blob lives
 * in memory only and is released after a minute (a slow save dialog still finds it); nothing is
 * written by us to any temp folder.
 */
export function downloadFile(fileName: string, content: Uint8Array<ArrayBuffer> | string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
