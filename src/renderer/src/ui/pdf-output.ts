import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import { bytesOf, downloadFile } from './download'

export type DeliveredAs = 'saved' | 'printed' | 'cancelled' | 'downloaded' | 'opened'

/**
 * Finish a PDF call's result in the renderer. In Electron the main process already saved or printed
 * (native dialogs), so this only reports the outcome. In browser mode the bytes arrive as base64:
 * `save` downloads them under the suggested name; `print` loads them into a hidden frame and opens
 * the browser's print dialog (falling back to a new tab). The blob lives in memory and is released
 * after a minute; nothing is written by us to any temp folder.
 */
export async function deliverPdf(result: PdfDelivery, action: PdfAction): Promise<DeliveredAs> {
  if (result.mode === 'platform') return result.outcome
  if (action === 'save') {
    downloadFile(result.fileName, bytesOf(result.base64), 'application/pdf')
    return 'downloaded'
  }
  const blob = new Blob([bytesOf(result.base64)], { type: 'application/pdf' })
  const url = URL.createObjectURL(blob)
  const release = () => setTimeout(() => URL.revokeObjectURL(url), 60_000)
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
