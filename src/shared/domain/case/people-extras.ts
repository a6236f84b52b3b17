import type { IsoDate } from '../dates'
import type { UserRef } from './types'
import type { I18nKey } from '../../i18n/keys'

/**
 * Issue 12 §4: alternative contacts and earlier visits to other agencies, as pure rules and types.
 *
 * An alternative contact (name, relation, phone) is recorded for someone with no phone or who cannot
 * hear well. Once one with a phone is recorded, follow-ups go through them: the lines say "on <date> I
 * will call your daughter 陈… on 138…" instead of "I will call you".
 */
export interface AltContact {
  id: number
  name: string
  relation: string
  phone: string
  note: string
  addedAt: string
  addedBy: UserRef | null
}

/** An earlier visit to another agency about this matter (where, when, how often), as the worker records it. */
export interface OtherVisit {
  id: number
  agency: string
  /** First and latest visit there ('' = not known). */
  firstDate: string
  lastDate: string
  /** How many times (null = not known). */
  times: number | null
  note: string
  addedAt: string
  addedBy: UserRef | null
}

export interface CasePeople {
  caseId: number
  /** A report about an official: only the assigned worker and supervisors open it without a reason. */
  confidential: boolean
  /** When it became confidential, and through which record. */
  confidentialSince: string | null
  altContacts: AltContact[]
  otherVisits: OtherVisit[]
  /**
   * Who opened this confidential report with a reason, when, and why — newest first. Only for those
   * who answer for the reporter's protection (a supervisor, the assigned worker); null for others.
   */
  openings: ConfidentialOpening[] | null
}

export interface ConfidentialOpening {
  at: string
  by: string
  reason: string
}

export const MAX_ALT_CONTACTS = 3
export const MAX_OTHER_VISITS = 20

export type CallVia = Pick<AltContact, 'name' | 'relation' | 'phone'>

/** Whom a follow-up call goes to: the first alternative contact with a phone, else the petitioner. */
export function callVia(alts: readonly CallVia[]): CallVia | null {
  return alts.find((a) => a.phone.trim() !== '') ?? null
}

export interface VisitDateProblem {
  field: 'firstDate' | 'lastDate'
  messageKey: I18nKey
  params?: { date: string }
}

/** An earlier visit happened: no date after today, the latest not before the first. */
export function otherVisitDateProblems(v: { firstDate?: string; lastDate?: string }, today: IsoDate): VisitDateProblem[] {
  const out: VisitDateProblem[] = []
  if (v.firstDate && v.firstDate > today) out.push({ field: 'firstDate', messageKey: 'people:errors.visitFuture' })
  if (v.lastDate && v.lastDate > today) out.push({ field: 'lastDate', messageKey: 'people:errors.visitFuture' })
  if (v.firstDate && v.lastDate && v.lastDate < v.firstDate) out.push({ field: 'lastDate', messageKey: 'people:errors.visitOrder', params: { date: v.firstDate } })
  return out
}

/** Where a follow-up line is said or printed. */
export type CallLinePlace = 'closing' | 'summary' | 'handout'

/**
 * The follow-up line (script namespace of the output language). `progressNews` comes from the one
 * source of promises (route-promises.ts): a report to the discipline commission is never told "I will
 * tell you how far it has got" — that commission answers the reporter itself.
 */
export function followUpCallKey(place: CallLinePlace, p: { progressNews: boolean; via: boolean }): string {
  if (!p.via && p.progressNews) return { closing: 'script:stages.closing.callBack', summary: 'script:summary.call', handout: 'script:handout.callBack' }[place]
  return `script:callLine.${place}.${p.via ? 'via' : 'self'}${p.progressNews ? 'Progress' : 'CheckIn'}`
}

export function followUpCallLine(
  place: CallLinePlace,
  p: { date: string; progressNews: boolean; via: CallVia | null },
  t: (key: string, params?: Record<string, string | number>) => string
): string {
  const key = followUpCallKey(place, { progressNews: p.progressNews, via: !!p.via })
  return t(key, { date: p.date, name: p.via?.name ?? '', relation: p.via?.relation ?? '', phone: p.via?.phone ?? '' })
}
