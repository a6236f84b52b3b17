/** The audit trail as the supervisor sees it. Pure: no node, no DOM. */

export interface AuditFilter {
  actorId?: number
  caseNo?: string
  action?: string
  /** Calendar dates in the hall's time zone (UTC+8), inclusive. */
  from?: string
  to?: string
  limit?: number
  offset?: number
}

export interface AuditViewRow {
  id: number
  at: string
  actorId: number | null
  actorName: string | null
  action: string
  subjectType: string | null
  subjectId: string | null
  /** The case number when the subject is a case. */
  caseNo: string | null
  details: string
  /** Set when the hash chain is broken at this event. */
  broken: ChainBreak['reason'] | null
}

export interface ChainBreak {
  /** The event where the chain stops matching. */
  id: number
  /** edited: this event's content no longer matches its hash; missing: events before it were removed. */
  reason: 'edited' | 'missing'
  /** For 'missing': the ids that are gone (between the previous event and this one), when known. */
  gapFrom?: number
  gapTo?: number
}

export interface ChainReport {
  ok: boolean
  checked: number
  breaks: ChainBreak[]
}

export interface AuditPage {
  rows: AuditViewRow[]
  total: number
  chain: ChainReport
}

/** The audit trail is kept at least this long whatever the retention setting (Cybersecurity Law Art. 21: six months). */
export const AUDIT_MIN_KEEP_DAYS = 183

/** A calendar date in UTC+8 → the ISO instant its day starts (or the next day starts, for an inclusive end). */
export function hallDayStart(date: string, nextDay = false): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + (nextDay ? 1 : 0)) - 8 * 3_600_000).toISOString()
}

/** i18n key for an action code ('cases.update' → 'supervisor:audit.actions.cases_update'). */
export function actionKey(action: string): string {
  return `supervisor:audit.actions.${action.replace(/\./g, '_')}`
}
