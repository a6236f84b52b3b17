import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { formatChineseDate, isoDateAtOffset } from '@shared/domain/dates'
import { buildHandout, type HandoutDoc } from '@shared/domain/interview/handout'
import { promisesForInterview } from '@shared/domain/interview/route-promises'
import type { OutputLang } from '@shared/domain/interview/types'
import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import { translateKey } from '@shared/i18n/resources'
import { isI18nKey } from '@shared/i18n/keys'
import { casePeople } from '../cases/people'
import { callVia } from '@shared/domain/case/people-extras'
import type { Desk } from '../desk/desk'
import { interviewEvents } from '../db/schema'
import { deliverPdf, pdfFileName, renderPdf } from '../pdf'
import { contacts, getInterview } from './service'
import { handoutDestinations } from '@shared/domain/referrals/handout'
import { referralsForCase } from '../referrals/ledger'
import { directoryEntry } from '../referrals/directory'

/** `ns:key` translation in a fixed language, for the shared builders (they use prefixed keys). */
export function fixedT(lang: OutputLang) {
  return (key: string, params?: Record<string, string | number>) => (isI18nKey(key) ? translateKey(lang, key, params) : key)
}

export function handoutDoc(desk: Desk, interviewId: number): { doc: HandoutDoc; lang: OutputLang; caseNo: string; date: string } {
  const s = getInterview(desk, interviewId)
  const c = contacts(desk)
  const date = isoDateAtOffset(new Date(s.startedAt))
  const promises = promisesForInterview(s)
  const tl = fixedT(s.outputLang)
  // Where to go next: the case's referrals, named in the handout's language, as far as the route allows.
  const destinations = handoutDestinations(
    referralsForCase(desk, s.caseId).referrals,
    promises.route,
    (r) => r.toName || (r.toBuiltin ? tl(`referrals:builtin.${r.toBuiltin}.name`) : ''),
    (id) => (id ? (directoryEntry(desk, id)?.hours ?? '') : '')
  )
  const doc = buildHandout(
    {
      caseNo: s.caseNo,
      interviewDate: date,
      summary: s.texts.summary,
      followUpDate: s.followUpDate,
      orgName: c.orgName,
      orgPhone: c.orgPhone,
      orgAddress: c.orgAddress,
      promises,
      // Follow-up calls to the alternative contact when the case records one (issue 12 §4).
      callVia: callVia(casePeople(desk, s.caseId).altContacts),
      destinations
    },
    fixedT(s.outputLang),
    (d) => formatChineseDate(d)
  )
  return { doc, lang: s.outputLang, caseNo: s.caseNo, date }
}

/** pdfmake definition: one page of large, plain type (A5 folds into a pocket; A4 for poor eyesight). */
export function handoutDefinition(doc: HandoutDoc, paper: 'A5' | 'A4'): TDocumentDefinitions {
  const big = paper === 'A4'
  const content: Content[] = [
    { text: doc.title, fontSize: big ? 22 : 17, bold: true, margin: [0, 0, 0, 6] },
    { text: doc.meta.join('    '), fontSize: big ? 12 : 10, color: '#333333', margin: [0, 0, 0, 8] }
  ]
  for (const s of doc.sections) {
    content.push({ text: s.heading, fontSize: big ? 16 : 13, bold: true, margin: [0, 8, 0, 3] })
    for (const p of s.paragraphs) content.push({ text: p, fontSize: big ? 15 : 12, lineHeight: 1.35, margin: [0, 0, 0, 3] })
  }
  content.push({ text: doc.note, fontSize: big ? 11 : 9, color: '#444444', margin: [0, 12, 0, 0] })
  return {
    pageSize: paper,
    pageMargins: big ? [56, 56, 56, 56] : [36, 36, 36, 36],
    info: { title: doc.title },
    content
  }
}

export async function handoutPdf(desk: Desk, input: { interviewId: number; paper: 'A5' | 'A4'; action: PdfAction }): Promise<PdfDelivery> {
  const { doc, caseNo, date, lang } = handoutDoc(desk, input.interviewId)
  const bytes = await renderPdf(handoutDefinition(doc, input.paper), { lang })
  desk
    .db()
    .orm.insert(interviewEvents)
    .values({ interviewId: input.interviewId, kind: 'handout', detail: `pdf ${input.paper}`, at: desk.now().toISOString() })
    .run()
  desk.audit({ action: 'interview.handout', subjectType: 'interview', subjectId: input.interviewId, details: { paper: input.paper, action: input.action } })
  // The file name is in the handout's language (告知單 for 粵語), like the handout itself.
  return deliverPdf(desk, bytes, pdfFileName(fixedT(lang)('script:handout.fileName'), caseNo, date), input.action)
}
