import { addDays, type IsoDate } from './calendar'
import { computeDeadline, type ComputedDeadline, type DeadlineId, type MatterRoute } from './deadlines'

/**
 * When a referral's reply is expected (issue 16 §1). A statute gives the date only where one applies:
 * the desk (a 信访部门) transfers (转送) or assigns (交办) a matter on the petition route, and the
 * receiving agency owes written notice within 15 days of ITS receipt (第二十三条第三款, D3). The app
 * counts from the day the desk sent it (receipt can only be that day or later, so the date shown is
 * the earliest the notice can be overdue: the worker chases then, never earlier than the law allows
 * the agency). Every other referral — 转介 to a service, a 检举控告 forwarded to the 纪检监察机关 (their
 * own procedure), the political-legal bodies, telling the petitioner to go themselves — has no reply
 * date in the 条例: the worker agrees one (not before the send date). Counting rule: deadlines.ts.
 */
export type ReferralMethod = 'transfer' | 'assign' | 'refer' | 'inform'
export const REFERRAL_METHODS: readonly ReferralMethod[] = ['transfer', 'assign', 'refer', 'inform']

export type ReplyDue =
  | { basis: 'statute'; deadline: DeadlineId; due: IsoDate; computed: ComputedDeadline }
  | { basis: 'agreed' }

export function statuteReplyDeadline(route: MatterRoute, method: ReferralMethod): DeadlineId | null {
  return route === 'petition' && (method === 'transfer' || method === 'assign') ? 'D3' : null
}

export function replyDue(route: MatterRoute, method: ReferralMethod, sentDate: IsoDate): ReplyDue {
  const id = statuteReplyDeadline(route, method)
  if (!id) return { basis: 'agreed' }
  const computed = computeDeadline(id, sentDate)
  return { basis: 'statute', deadline: id, due: computed.due, computed }
}

/** A suggestion for an agreed date (the worker may change it): two weeks after sending. */
export const AGREED_DEFAULT_DAYS = 14
export const suggestedAgreedDate = (sentDate: IsoDate): IsoDate => addDays(sentDate, AGREED_DEFAULT_DAYS)
