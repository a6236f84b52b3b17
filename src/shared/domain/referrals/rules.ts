import { replyDue, type IsoDate, type MatterRoute, type ReferralMethod } from '../dates'
import { ROUTE_OF_DIVERSION } from '../interview/route-promises'
import type { DiversionRoute } from '../screening/rules'
import type { DirectoryCategory, Referral, ReferralStage } from './types'
import type { I18nKey } from '../../i18n/keys'

/**
 * How a matter may be passed on, by the route recorded for the case. 转送/交办 by this desk exist only
 * where the route says this 信访部门 handles it (the petition route, 第二十二条第一款) or for a 检举控告
 * forwarded to the 纪检监察机关 按照管理权限 (第二十二条第二款, 第三十条第一款). A walk-in 涉诉 matter is
 * explained and the petitioner guided (第二十二条第二款); an agency elsewhere receives the petitioner
 * at its own reception place (第二十条第一款): the desk tells them where to go, it does not transfer.
 */
export const METHODS_BY_ROUTE: Record<MatterRoute, readonly ReferralMethod[]> = {
  unknown: [],
  petition: ['transfer', 'assign'],
  disciplineReport: ['transfer', 'inform'],
  litigation: ['inform', 'refer'],
  arbitration: ['inform', 'refer'],
  partyDiscipline: ['inform'],
  administrative: ['inform', 'refer'],
  outOfArea: ['inform'],
  mediation: ['inform', 'refer'],
  referral: ['refer', 'inform'],
  notAccepted: ['inform'],
  noLongerAccepted: ['refer', 'inform']
}

export function methodsFor(route: DiversionRoute): readonly ReferralMethod[] {
  return METHODS_BY_ROUTE[ROUTE_OF_DIVERSION[route]]
}

export const defaultMethod = (route: DiversionRoute): ReferralMethod | null => methodsFor(route)[0] ?? null

/**
 * A confirmed diversion creates a referral, except 不再受理 (第三十六条第三款: nobody accepts the matter
 * again; the social-work service continues and a 转介 can still be added by hand).
 */
export const createsReferral = (route: DiversionRoute): boolean => route !== 'noLongerAccepted'

/** Directory categories offered first for a route (the worker may pick any row). */
export const CATEGORIES_BY_ROUTE: Record<DiversionRoute, readonly DirectoryCategory[]> = {
  politicalLegal: ['court', 'procuratorate', 'publicSecurity', 'legalAid'],
  discipline: ['discipline'],
  noLongerAccepted: ['civilAffairs', 'socialWorkStation', 'psychAid', 'legalAid'],
  notAccepted: ['petitionBureau'],
  authorityWithPower: ['petitionBureau', 'labourInspection', 'humanResources', 'civilAffairs', 'health', 'hotline'],
  thisLevel: ['labourInspection', 'humanResources', 'civilAffairs', 'health', 'petitionBureau'],
  referral: ['socialWorkStation', 'legalAid', 'psychAid', 'womensFederation', 'mediation', 'civilAffairs']
}

export function stageOf(r: Pick<Referral, 'withdrawnAt' | 'sentDate' | 'replyDate' | 'relayedDate'>): ReferralStage {
  if (r.withdrawnAt) return 'withdrawn'
  if (r.relayedDate) return 'relayed'
  if (r.replyDate) return 'replied'
  if (r.sentDate) return 'sent'
  return 'planned'
}

export function isReplyOverdue(r: Pick<Referral, 'withdrawnAt' | 'sentDate' | 'replyDate' | 'replyDue'>, today: IsoDate): boolean {
  return !r.withdrawnAt && !!r.sentDate && !r.replyDate && !!r.replyDue && r.replyDue < today
}

export const isUnrelayed = (r: Pick<Referral, 'withdrawnAt' | 'replyDate' | 'relayedDate'>): boolean =>
  !r.withdrawnAt && !!r.replyDate && !r.relayedDate

/** Date-order problems of a referral, field → message key (referrals namespace). Checked in main on every save. */
export function referralDateProblems(
  r: { sentDate: string; replyDue: string; replyDate: string; relayedDate: string },
  today: IsoDate
): { field: 'sentDate' | 'replyDue' | 'replyDate' | 'relayedDate'; key: I18nKey }[] {
  const out: { field: 'sentDate' | 'replyDue' | 'replyDate' | 'relayedDate'; key: I18nKey }[] = []
  if (r.sentDate && r.sentDate > today) out.push({ field: 'sentDate', key: 'referrals:errors.sentFuture' })
  if (r.replyDue && r.sentDate && r.replyDue < r.sentDate) out.push({ field: 'replyDue', key: 'referrals:errors.dueBeforeSent' })
  if (r.replyDate && !r.sentDate) out.push({ field: 'replyDate', key: 'referrals:errors.replyBeforeSent' })
  if (r.replyDate && r.sentDate && r.replyDate < r.sentDate) out.push({ field: 'replyDate', key: 'referrals:errors.replyBeforeSent' })
  if (r.replyDate && r.replyDate > today) out.push({ field: 'replyDate', key: 'referrals:errors.replyFuture' })
  if (r.relayedDate && !r.replyDate) out.push({ field: 'relayedDate', key: 'referrals:errors.relayBeforeReply' })
  if (r.relayedDate && r.replyDate && r.relayedDate < r.replyDate) out.push({ field: 'relayedDate', key: 'referrals:errors.relayBeforeReply' })
  if (r.relayedDate && r.relayedDate > today) out.push({ field: 'relayedDate', key: 'referrals:errors.relayFuture' })
  return out
}

/** The reply date a send records: the statute's where one applies, else the agreed one (required). */
export function dueForSend(route: DiversionRoute, method: ReferralMethod, sentDate: IsoDate, agreed?: IsoDate) {
  const due = replyDue(ROUTE_OF_DIVERSION[route], method, sentDate)
  if (due.basis === 'statute') return { basis: 'statute' as const, deadline: due.deadline, due: due.due }
  return { basis: 'agreed' as const, deadline: '', due: agreed ?? '' }
}
