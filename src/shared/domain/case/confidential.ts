/**
 * Who may open a confidential case (检举控告: a report about an official; 条例 第十八条 protects the
 * reporter from retaliation, so who reported is kept from everyone who does not need it).
 *
 * A case is confidential once its route is a report to the discipline commission. Then:
 * - the assigned worker and every supervisor open it as any other case;
 * - another worker sees a masked line in lists and on Today (case number + 保密个案, no name, no
 *   summary), finds it in search only by typing its case number (a name, phone, address or matter text
 *   never finds it: a masked hit would still tie that name to a report), and must give a reason to
 *   open the record. The reason is stored and audited by id; the opening it allows is a grant for
 *   this sitting only (until the desk locks or the person logs out, and at most GRANT_MINUTES), for
 *   this one case: the next sitting asks again;
 * - any other role (a registration clerk) sees the masked line and may not open it at all;
 * - caseload figures count it without naming it;
 * - the CLI lists it masked and refuses its forms (it cannot ask for a reason).
 *
 * Pure: the main process calls it on every read path with the facts it looked up.
 */

/** Every way a case can be read. */
export const CASE_READS = ['get', 'history', 'forms', 'interviews', 'search', 'caseNo', 'list', 'today', 'caseload', 'cli', 'cliForms'] as const
export type CaseRead = (typeof CASE_READS)[number]

/** Reads that show the record itself (as opposed to a line in a list). */
export const RECORD_READS: readonly CaseRead[] = ['get', 'history', 'forms', 'interviews', 'cliForms']

/**
 * What the reader gets:
 * - open: the record or the full line;
 * - masked: a line with the case number and 保密个案 only;
 * - hidden: not in the results at all (text search);
 * - count: counted in figures, never named;
 * - reason: refused until the reader gives a reason (then open, for this sitting);
 * - refused: refused, a reason does not help.
 */
export type CaseAccess = 'open' | 'masked' | 'hidden' | 'count' | 'reason' | 'refused'

export interface Viewer {
  userId: number
  /** 'worker' | 'supervisor' today; any other role (a clerk) gets the least. */
  role: string
}

export interface CaseGuardFacts {
  confidential: boolean
  assignedWorkerId: number | null
}

/** How long a reason opens a confidential case for (within the sitting that gave it). */
export const GRANT_MINUTES = 30

/** May this person open the record without giving a reason? */
export function mayOpenConfidential(v: Viewer, c: CaseGuardFacts): boolean {
  if (!c.confidential) return true
  if (v.role === 'supervisor') return true
  return v.role === 'worker' && c.assignedWorkerId != null && c.assignedWorkerId === v.userId
}

export function caseAccess(v: Viewer, c: CaseGuardFacts, read: CaseRead, opts: { granted?: boolean } = {}): CaseAccess {
  if (mayOpenConfidential(v, c)) return 'open'
  switch (read) {
    case 'caseload':
      return 'count'
    case 'search':
      return 'hidden'
    case 'caseNo':
    case 'list':
    case 'today':
    case 'cli':
      return 'masked'
    case 'cliForms':
      return 'refused'
    default:
      // get, history, forms, interviews
      if (v.role !== 'worker') return 'refused'
      return opts.granted ? 'open' : 'reason'
  }
}
