import type { IsoDate } from '../dates'
import type { Translate } from './summary'
import { followUpCallLine, type CallVia } from '../case/people-extras'
import { deadlineScriptKey, petitionerDeadlines, type RoutePromises } from './route-promises'
import type { HandoutDestination } from '../referrals/handout'

export interface HandoutInput {
  caseNo: string
  interviewDate: IsoDate
  summary: string
  followUpDate: IsoDate | null
  orgName: string
  orgPhone: string
  /** The organisation's address; left out while not set (never an empty slot). */
  orgAddress?: string
  /**
   * What the recorded route and events allow us to promise (route-promises.ts): only the petition
   * route's first contact gets the transfer → written-notice chain (D1 → D3).
   */
  promises: RoutePromises
  /** Follow-up calls go to this alternative contact (people-extras.ts callVia), else to the petitioner. */
  callVia?: CallVia | null
  /**
   * Where the petitioner goes next, by name with address and phone (the case's referrals the route
   * allows: referrals/handout.ts). Left out when there is none.
   */
  destinations?: HandoutDestination[]
}

export interface HandoutDoc {
  title: string
  meta: string[]
  sections: { heading: string; paragraphs: string[] }[]
  note: string
}

/**
 * The petitioner's handout, in the output language (script namespace: what they read is speech, not
 * form labels). One builder for the PDF and the printable page. The organisation's phone only —
 * never a worker's own number.
 */
export function buildHandout(input: HandoutInput, t: Translate, fmt: (d: IsoDate) => string): HandoutDoc {
  const next: string[] = []
  const dates: string[] = []
  const p = input.promises
  if (p.walkInChain) next.push(t('script:rules.walkInChain', { transferDate: fmt(p.walkInChain.transferBy), noticeDate: fmt(p.walkInChain.noticeLatest) }))
  else next.push(t('script:summary.next', { next: t(p.nextKey) }))
  // Our own dated duty once the matter is accepted (petition procedure only).
  for (const d of p.deadlines) if (d.id === 'D5' || d.id === 'D6') next.push(t(deadlineScriptKey(d.id), { date: fmt(d.due) }))
  // The petitioner's own deadlines come first among the dates to remember.
  for (const d of petitionerDeadlines(p)) dates.push(t(deadlineScriptKey(d.id), { date: fmt(d.due) }))
  if (input.followUpDate) dates.push(followUpCallLine('handout', { date: fmt(input.followUpDate), progressNews: p.progressNews, via: input.callVia ?? null }, t))
  const where: string[] = []
  for (const d of input.destinations ?? []) {
    where.push(t(`script:handout.go.${d.method}`, { dest: d.name }))
    if (d.address) where.push(t('script:handout.addressLine', { address: d.address }))
    if (d.phone) where.push(t('script:handout.go.phone', { phone: d.phone }))
    if (d.hours) where.push(t('script:handout.go.hours', { hours: d.hours }))
  }
  const sections = [
    ...(input.summary.trim() ? [{ heading: t('script:handout.summaryHeading'), paragraphs: input.summary.trim().split(/\n+/) }] : []),
    ...(next.length ? [{ heading: t('script:handout.whatNext'), paragraphs: next }] : []),
    ...(where.length ? [{ heading: t('script:handout.whereToGo'), paragraphs: where }] : []),
    ...(dates.length ? [{ heading: t('script:handout.dates'), paragraphs: dates }] : []),
    {
      heading: t('script:handout.contact'),
      // No empty slot: a detail the organisation has not set yet is left out, not printed blank.
      paragraphs: [
        input.orgPhone
          ? input.orgName.trim()
            ? t('script:handout.contactLine', { org: input.orgName, phone: input.orgPhone })
            : t('script:handout.contactPhoneOnly', { phone: input.orgPhone })
          : t('script:handout.noPhone'),
        ...(input.orgAddress?.trim() ? [t('script:handout.addressLine', { address: input.orgAddress.trim() })] : [])
      ]
    }
  ]
  return {
    title: t('script:handout.title'),
    meta: [t('script:handout.caseNo', { caseNo: input.caseNo }), t('script:handout.date', { date: fmt(input.interviewDate) })],
    sections,
    // "以有关部门的书面通知为准" presumes the written notice of the transfer chain: only where it is promised.
    note: t(p.transfer === 'promised' ? 'script:handout.note' : 'script:handout.noteOther')
  }
}
