import type { RiskLevel } from '../case/options'
import { addDays } from '../dates/calendar'
import type { CaseDeadline } from '../case/today'

/**
 * When supervisors are told (issue 16 §3; 7.2.2 d 及时上报风险性事件, 8.5 b 督导质量把控与闭环反馈).
 * Pure rules; the main process raises the notices.
 */
const ORDER: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical']

/** A case's risk becomes high or critical: a rise that ends at high or above (high → critical too). */
export function riskNeedsNotice(from: RiskLevel, to: RiskLevel): boolean {
  return ORDER.indexOf(to) >= ORDER.indexOf('high') && ORDER.indexOf(to) > ORDER.indexOf(from)
}

/**
 * The deadlines that run against the desk itself (whose = 'desk'), the ones a supervisor answers for:
 * D1 转送/交办 within 15 days (第二十二条第一款), D5/D6 the written answer within 60 (+30) days
 * (第三十四条). The petitioner's own windows (复查, 复核, 行政复议, 仲裁) are theirs to use, not ours to miss.
 */
export const DESK_DEADLINES = ['D1', 'D5', 'D6'] as const

/** How long after its date a missed deadline is still raised (an old archive does not flood the banner). */
export const MISSED_LOOKBACK_DAYS = 30

export interface DeadlineEvidence {
  /** When the diversion (the route: 转送/交办/告知) was decided, YYYY-MM-DD; '' if not yet. */
  diversionDecided: string
  /** When the written answer (处理意见) was received, YYYY-MM-DD; '' if not yet. */
  answerReceived: string
  /** Whether D6's extension replaced D5. */
  extended: boolean
}

/**
 * A desk deadline is missed when its date has passed (today is after it), what meets it was not
 * recorded on or before it, and it passed within the look-back. D1 is met by the diversion decided
 * (the desk records the route when it transfers or assigns); D5/D6 by the answer received. Once the
 * extension is recorded, D5 no longer counts (D6 does).
 */
export function missedDeskDeadlines(deadlines: readonly CaseDeadline[], e: DeadlineEvidence, today: string): CaseDeadline[] {
  const since = addDays(today, -MISSED_LOOKBACK_DAYS)
  return deadlines.filter((d) => {
    if (!(DESK_DEADLINES as readonly string[]).includes(d.id)) return false
    if (!(d.due < today && d.due >= since)) return false
    if (d.id === 'D5' && e.extended) return false
    const metBy = d.id === 'D1' ? e.diversionDecided : e.answerReceived
    return !(metBy && metBy <= d.due)
  })
}

export interface ReferralDueFacts {
  sentDate: string
  replyDue: string
  replyDate: string
  relayedDate: string
  withdrawnAt: string | null
}

/**
 * A referral's reply deadline is missed (issue 16 §3) when it was sent with a reply date expected,
 * that date has passed (today is after it) with no reply recorded, it is neither withdrawn nor
 * closed by a relay, and it passed within the look-back (an old archive does not flood the banner).
 */
export function referralReplyMissed(r: ReferralDueFacts, today: string): boolean {
  if (r.withdrawnAt || r.relayedDate || r.replyDate || !r.sentDate || !r.replyDue) return false
  return r.replyDue < today && r.replyDue >= addDays(today, -MISSED_LOOKBACK_DAYS)
}
