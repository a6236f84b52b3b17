/** Retention and destruction of closed case files (SZ C.2.1). Pure. */

export interface RetentionSettings {
  /** Years a closed case is kept after closing; null until the supervisor sets it (then nothing is eligible). */
  years: number | null
}

export interface RetentionCandidate {
  caseId: number
  caseNo: string
  openedAt: string
  closedAt: string
  /** A legal hold prevents destruction. */
  hold: { reason: string; setAt: string; setByName: string | null } | null
}

export interface DestructionEntry {
  id: number
  caseNo: string
  openedAt: string | null
  closedAt: string | null
  destroyedAt: string
  destroyedByName: string
  reason: string
}

/** The last closing date that is past retention on `today` (YYYY-MM-DD): closed on or before it. */
export function retentionCutoff(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number)
  const dt = new Date(Date.UTC(y - years, m - 1, d))
  // 29 February minus a year is 1 March in Date arithmetic; keep it in February.
  if (dt.getUTCMonth() !== m - 1) dt.setUTCDate(0)
  return dt.toISOString().slice(0, 10)
}

export function isPastRetention(closedAt: string, today: string, years: number | null): boolean {
  if (years == null || years <= 0 || !closedAt) return false
  return closedAt.slice(0, 10) < retentionCutoff(today, years)
}
