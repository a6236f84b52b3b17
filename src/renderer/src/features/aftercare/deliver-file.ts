import type { FileDelivery } from '@shared/ipc/contracts/aftercare'
import { bytesOf, downloadFile } from '../../ui/download'

/** Finish a file call: Electron already saved it; browser mode downloads the bytes under the suggested name. */
export function deliverFile(result: FileDelivery): 'saved' | 'cancelled' | 'downloaded' {
  if (result.mode === 'platform') return result.outcome
  downloadFile(result.fileName, bytesOf(result.base64), result.mime)
  return 'downloaded'
}
