import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'

export type DeliveredAs = 'saved' | 'printed' | 'cancelled' | 'downloaded' | 'opened'

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(base64)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/**
 * Finish a PDF call's result in the renderer. In Electron the main process already saved or printed
 * (native dialogs), so this only reports the outcome. In browser mode the bytes arrive as base64:
 * `save` downloads them under the suggested name; `print` loads them into a hidden frame and opens
 * the browser's print dialog (falling back to a new tab). The blob lives in memory and is released
 * after a minute; nothing is written by us to any temp folder.
 */
export async function deliverPdf(result: PdfDelivery, action: PdfAction): Promise<DeliveredAs> {
  if (result.mode === 'platform') return result.outcome
  const blob = new Blob([bytesOf(result.base64)], { type: 'application/pdf' })
  const url = URL.createObjectURL(blob)
  const release = () => setTimeout(() => URL.revokeObjectURL(url), 60_000)
  if (action === 'save') {
    const a = document.createElement('a')
    a.href = url
    a.download = result.fileName
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    release()
    return 'downloaded'
  }
  const frame = document.createElement('iframe')
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0'
  frame.setAttribute('aria-hidden', 'true')
  frame.src = url
  document.body.appendChild(frame)
  const printed = await new Promise<boolean>((resolve) => {
    frame.onload = () => {
      try {
        frame.contentWindow?.focus()
        frame.contentWindow?.print()
        resolve(true)
      } catch {
        resolve(false)
      }
    }
    setTimeout(() => resolve(false), 10_000)
  })
  setTimeout(() => frame.remove(), 60_000)
  release()
  if (printed) return 'printed'
  window.open(url, '_blank', 'noopener')
  return 'opened'
}
