import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces'
import { CONSENT_KINDS, CONSENT_TEXT_VERSION } from '@shared/domain/case/options'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import type { PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import { translator } from '@shared/i18n/resources'
import type { Locale } from '@shared/domain/session/types'
import type { Desk } from '../desk/desk'
import { deliverPdf, pdfFileName, renderPdf, ruledTable, labelCell, valueCell, checkboxes, signatureSpace, A4_MARGINS } from '../pdf'
import { getSetting } from '../settings/settings'
import { getCase } from './record'
import { isConfidential } from './confidential'
import { cannotReadForms } from '@shared/domain/interview/people'

/**
 * The consent slip (PIPL; standard 4.5) in the petitioner's language: what is recorded and why,
 * the three consents with what was recorded so far, the version of this text, and room to sign.
 * A written document, so Cantonese output is written Chinese in Traditional characters.
 */
export function consentSlipDefinition(desk: Desk, caseId: number, lang: Locale): { doc: TDocumentDefinitions; caseNo: string; date: string } {
  const t = translator(lang, 'cases')
  const c = getCase(desk, caseId)
  const date = isoDateAtOffset(desk.now())
  const orgName = getSetting<string>(desk, 'orgName') || ''
  const latest = (k: (typeof CONSENT_KINDS)[number]) => [...c.consents].reverse().find((x) => x.kind === k)
  const content: Content[] = [
    { text: t('consentSlip.title'), fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: [orgName, `${t('labels.caseNo')}：${c.caseNo}`].filter(Boolean).join('    '), fontSize: 10, alignment: 'center', margin: [0, 0, 0, 10] },
    ruledTable(['22%', '78%'], [
      [labelCell(t('fields.name')), valueCell(c.fields.name)],
      [labelCell(t('fields.contactDate')), valueCell(c.fields.contactDate)]
    ]),
    // A confidential report's slip says who sees it, and that is what the desk enforces (cases/confidential.ts).
    {
      text: isConfidential(desk, caseId) ? translator(lang, 'people')('consentSlip.introConfidential') : t('consentSlip.intro'),
      fontSize: 12,
      lineHeight: 1.4,
      margin: [0, 10, 0, 6]
    }
  ]
  for (const k of CONSENT_KINDS) {
    const got = latest(k)
    content.push({ text: t(`options.consentKind.${k}`), bold: true, fontSize: 12, margin: [0, 6, 0, 2] })
    content.push({ text: t(`consent.explain.${k}`), fontSize: 11, lineHeight: 1.3 })
    content.push({
      ...checkboxes([
        { label: t('consentSlip.agree'), checked: !!got?.granted },
        { label: t('consentSlip.disagree'), checked: !!got && !got.granted }
      ]),
      fontSize: 12,
      margin: [0, 2, 0, 0]
    } as Content)
    if (k === 'disclosure') content.push({ text: `${t('consent.recipient')}：${got?.note ?? ''}`, fontSize: 11, margin: [0, 2, 0, 0] })
  }
  content.push({ text: t('consentSlip.rights'), fontSize: 11, lineHeight: 1.35, margin: [0, 12, 0, 10] })
  // Someone who cannot read (Form A 文盲 / 略懂文字) has the slip read aloud, and signs, gives a
  // thumbprint, or has someone they trust sign on their behalf: the slip says so and leaves room.
  const readAloud = cannotReadForms(c.fields.education)
  if (readAloud) content.push({ text: t('consentSlip.readAloud'), fontSize: 11, margin: [0, 0, 0, 6] })
  content.push(
    ruledTable(['25%', '25%', '25%', '25%'], [
      [labelCell(t('consentSlip.signature')), valueCell(''), labelCell(t('consentSlip.date')), valueCell('')],
      ...(readAloud ? [[labelCell(t('consentSlip.onBehalf')), valueCell(''), labelCell(t('consentSlip.onBehalfRelation')), valueCell('')]] : []),
      [labelCell(t('consentSlip.worker')), valueCell(c.assignedWorker?.displayName ?? ''), labelCell(t('consentSlip.date')), valueCell('')]
    ])
  )
  content.push(signatureSpace(20))
  content.push({ text: t('consentSlip.version', { version: CONSENT_TEXT_VERSION, date }), fontSize: 9, color: '#444444' })
  return {
    doc: { pageSize: 'A4', pageMargins: A4_MARGINS, info: { title: t('consentSlip.title') }, content },
    caseNo: c.caseNo,
    date
  }
}

export async function consentSlipPdf(desk: Desk, a: { caseId: number; lang: Locale; action: PdfAction }): Promise<PdfDelivery> {
  const { doc, caseNo, date } = consentSlipDefinition(desk, a.caseId, a.lang)
  const bytes = await renderPdf(doc, { refuseMissing: false, lang: a.lang })
  desk.audit({ action: 'cases.consentSlip', subjectType: 'case', subjectId: a.caseId, details: { lang: a.lang, action: a.action } })
  return deliverPdf(desk, bytes, pdfFileName(translator(a.lang, 'cases')('consentSlip.file'), caseNo, date), a.action)
}
