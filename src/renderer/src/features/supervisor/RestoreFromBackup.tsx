/**
 * Restore from an encrypted backup: offered on the first-run screen and on the damaged-database
 * screen. Owned by the supervisor feature; until it lands, nothing is offered.
 */
export function RestoreFromBackup(_props: { onRestored(): void; onCancel(): void }) {
  return null
}
export const restoreAvailable = false
