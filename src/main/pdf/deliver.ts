import type { Desk } from '../desk/desk'
import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'

/** Page count of a PDF we rendered (pdfkit writes one `/Type /Pages` with `/Count N`). */
export function pageCount(pdf: Buffer): number {
  const m = /\/Type \/Pages[\s\S]{0,200}?\/Count (\d+)/.exec(pdf.toString('latin1'))
  return m ? Number(m[1]) : 0
}

/**
 * Hand a rendered PDF to the user. In Electron: native save dialog (suggested name) or the OS print
 * dialog, from memory. In browser mode and the CLI (no platform): the bytes go back as base64 and
 * the renderer downloads or prints them. Nothing is written to temp folders.
 */
export async function deliverPdf(desk: Desk, bytes: Buffer, fileName: string, action: PdfAction): Promise<PdfDelivery> {
  const pages = pageCount(bytes)
  if (!desk.platform) return { mode: 'bytes', fileName, base64: bytes.toString('base64'), pages }
  if (action === 'save') {
    const path = await desk.platform.saveFile(fileName, bytes)
    return { mode: 'platform', outcome: path ? 'saved' : 'cancelled', fileName, pages }
  }
  const ok = await desk.platform.printPdf(bytes)
  return { mode: 'platform', outcome: ok ? 'printed' : 'cancelled', fileName, pages }
}
