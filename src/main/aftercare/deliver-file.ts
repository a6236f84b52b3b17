import type { FileDelivery } from '@shared/ipc/contracts/aftercare'
import type { Desk } from '../desk/desk'

/**
 * Hand a file (a workbook) to the user: Electron's save dialog, or — browser mode, the CLI — the bytes
 * as base64 for the page to download. Nothing is written to a temp folder.
 */
export async function deliverFile(desk: Desk, bytes: Buffer, fileName: string, type: { name: string; extensions: string[]; mime: string }): Promise<FileDelivery> {
  if (!desk.platform) return { mode: 'bytes', fileName, base64: bytes.toString('base64'), mime: type.mime }
  const path = await desk.platform.saveFile(fileName, bytes, [{ name: type.name, extensions: type.extensions }])
  return { mode: 'platform', outcome: path ? 'saved' : 'cancelled', fileName }
}
