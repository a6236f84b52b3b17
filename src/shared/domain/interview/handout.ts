import { walkInNoticeChain, type IsoDate } from '../dates'
import type { Translate } from './summary'

export interface HandoutInput {
  caseNo: string
  interviewDate: IsoDate
  summary: string
  followUpDate: IsoDate | null
  orgName: string
  orgPhone: string
  /** Only a first contact at this desk gets the transfer → written-notice chain (D1 → D3). */
  walkIn: boolean
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
  if (input.walkIn) {
    const chain = walkInNoticeChain(input.interviewDate)
    next.push(t('script:rules.walkInChain', { transferDate: fmt(chain.transferBy.due), noticeDate: fmt(chain.noticeLatest) }))
  }
  if (input.followUpDate) dates.push(t('script:handout.callBack', { date: fmt(input.followUpDate) }))
  const sections = [
    ...(input.summary.trim() ? [{ heading: t('script:handout.summaryHeading'), paragraphs: input.summary.trim().split(/\n+/) }] : []),
    ...(next.length ? [{ heading: t('script:handout.whatNext'), paragraphs: next }] : []),
    ...(dates.length ? [{ heading: t('script:handout.dates'), paragraphs: dates }] : []),
    {
      heading: t('script:handout.contact'),
      paragraphs: [input.orgPhone ? t('script:handout.contactLine', { org: input.orgName, phone: input.orgPhone }) : t('script:handout.noPhone')]
    }
  ]
  return {
    title: t('script:handout.title'),
    meta: [t('script:handout.caseNo', { caseNo: input.caseNo }), t('script:handout.date', { date: fmt(input.interviewDate) })],
    sections,
    note: t('script:handout.note')
  }
}
