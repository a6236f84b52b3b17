import type { Desk } from '../desk/desk'

/** A supervisor's recorded sign-off (table `signoffs`, migration 0004 of the supervisor feature). */
export interface FormSignoff {
  opinion: string
  signerName: string
  signedAt: string
}

/**
 * Adapter until the supervisor feature exports `getSignoff(desk, kind, subjectId)` from
 * src/main/supervisor/api.ts: reads the same row. Subject: case id for A and C, interview id for B.
 */
export function getSignoff(desk: Desk, kind: 'A' | 'B' | 'C', subjectId: number): FormSignoff | null {
  const row = desk
    .db()
    .sqlite.prepare('SELECT opinion, signer_name AS signerName, signed_at AS signedAt FROM signoffs WHERE kind = ? AND subject_id = ?')
    .get(kind, subjectId) as FormSignoff | undefined
  return row ?? null
}
