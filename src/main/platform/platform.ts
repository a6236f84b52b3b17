/**
 * What only the desktop shell can do. In browser mode there is no platform: the renderer receives
 * the bytes and the browser saves or prints them.
 */
export interface Platform {
  /** Native save dialog; returns the chosen path, or null when cancelled. Written atomically. */
  saveFile(suggestedName: string, bytes: Uint8Array, filters?: { name: string; extensions: string[] }[]): Promise<string | null>
  /** Print a PDF through the OS print dialog. Nothing is left in temp folders afterwards. */
  printPdf(bytes: Uint8Array): Promise<boolean>
  /** Open a second window (read-back for the petitioner), optionally full screen on another display. */
  openSecondWindow?(route: string): Promise<void>
  /** Close that second window if it is open (the worker is done, or the desk locked). */
  closeSecondWindow?(): void
  /** Native folder picker (backup folder, e.g. a USB drive); null when cancelled. Browser mode types a path. */
  chooseFolder?(title?: string): Promise<string | null>
  /** Native open-file picker (a backup to verify or restore); null when cancelled. */
  chooseFile?(filters?: { name: string; extensions: string[] }[]): Promise<string | null>
}
