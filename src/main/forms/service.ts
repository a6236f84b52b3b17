import type { Desk } from '../desk/desk'
import type { Locale } from '@shared/domain/session/types'
import { toFormA, toFormC } from '@shared/domain/case/forms'
import type { FormKind, PdfAction, PdfDelivery } from '@shared/ipc/contracts/forms'
import { fail } from '@shared/ipc/result'
import { getCase } from '../cases/api'
import { getFormB, listInterviews } from '../interview/api'
import { deliverPdf, missingGlyphs, pdfFileName } from '../pdf'
import { formA, formB, formC, labels, partTexts, renderForms, type FormPart } from './layout'
import { getSignoff } from './signoff'
import { translator } from '@shared/i18n/resources'
import { referralChainLines } from '@shared/domain/referrals/chain-text'
import { builtinKey } from '@shared/domain/referrals/builtin-words'
import { referralsForCase } from '../referrals/ledger'

export interface FormRequest {
  caseId: number
  form: FormKind
  interviewId?: number
  lang: Locale
}

/** The parts (forms) a request prints, with the data read fresh from the database. */
export function caseParts(desk: Desk, r: FormRequest): { parts: FormPart[]; caseNo: string } {
  const c = getCase(desk, r.caseId)
  const parts: FormPart[] = []
  if (r.form === 'A' || r.form === 'all') parts.push(formA(r.lang, toFormA(c), getSignoff(desk, 'A', c.id)))
  if (r.form === 'B' || r.form === 'all') {
    const ids = r.interviewId ? [r.interviewId] : listInterviews(desk, c.id).map((i) => i.id)
    if (r.form === 'B' && ids.length === 0) fail('NOT_FOUND', 'forms:errors.noInterview')
    for (const id of ids) {
      const b = getFormB(desk, id, r.lang)
      if (b.caseId !== c.id) fail('NOT_FOUND', 'forms:errors.noInterview')
      parts.push(formB(r.lang, b, getSignoff(desk, 'B', id)))
    }
  }
  if (r.form === 'C' || r.form === 'all') parts.push(formC(r.lang, withReferralChain(desk, c.id, toFormC(c), r.lang), getSignoff(desk, 'C', c.id)))
  return { parts, caseNo: c.caseNo }
}

/**
 * Form C's 联系部门 carries the referral chain (issue 16 §1): what the worker typed, then one line per
 * referral sent — to whom, how, when, the reply and when the petitioner was told. The form's own
 * labels stay the standard's.
 */
function withReferralChain(desk: Desk, caseId: number, d: ReturnType<typeof toFormC>, lang: Locale): ReturnType<typeof toFormC> {
  const t = translator(lang, 'referrals')
  const lines = referralChainLines(referralsForCase(desk, caseId).referrals, t, (r) => {
    const key = builtinKey(r.toBuiltin, 'name')
    return r.toName || (key ? t(key) : '')
  })
  if (!lines.length) return d
  return { ...d, contactedDepartments: [d.contactedDepartments.trim(), ...lines].filter(Boolean).join('\n') }
}

export function blankParts(lang: Locale, form: FormKind): FormPart[] {
  const parts: FormPart[] = []
  if (form === 'A' || form === 'all') parts.push(formA(lang, null, null))
  if (form === 'B' || form === 'all') parts.push(formB(lang, null, null))
  if (form === 'C' || form === 'all') parts.push(formC(lang, null, null))
  return parts
}

const fileKey = (form: FormKind) => (form === 'all' ? 'caseFileName' : `${form.toLowerCase()}.fileName`)

/** Characters of these forms no shipped font has (asked before printing). */
export function checkCaseForms(desk: Desk, r: FormRequest): string[] {
  const { parts } = caseParts(desk, r)
  return missingGlyphs(parts.flatMap(partTexts))
}

/** Render in memory. `at` is the printed-at time on every footer. */
export async function renderCaseForms(desk: Desk, r: FormRequest, opts: { allowMissing?: boolean; at?: Date } = {}) {
  const { parts, caseNo } = caseParts(desk, r)
  const at = opts.at ?? desk.now()
  const t = labels(r.lang)
  const fileName = pdfFileName(t(fileKey(r.form)), caseNo, at.toISOString().slice(0, 10))
  const { bytes } = await renderForms(r.lang, parts, at, { title: fileName.replace(/\.pdf$/, '') }, { refuseMissing: !opts.allowMissing })
  return { bytes, fileName, caseNo }
}

export async function renderBlankForms(lang: Locale, form: FormKind, at: Date) {
  const t = labels(lang)
  const fileName = pdfFileName(t(fileKey(form)), null, at.toISOString().slice(0, 10))
  const { bytes } = await renderForms(lang, blankParts(lang, form), at, { title: fileName.replace(/\.pdf$/, '') })
  return { bytes, fileName }
}

/**
 * Print or save, and record it: who (the session), which form, which case, outcome. The audit row
 * carries ids and codes only — never the form's content.
 */
export async function outputCaseForms(desk: Desk, r: FormRequest & { action: PdfAction; allowMissing?: boolean }): Promise<PdfDelivery> {
  const { bytes, fileName } = await renderCaseForms(desk, r, { allowMissing: r.allowMissing })
  const res = await deliverPdf(desk, bytes, fileName, r.action)
  recordOutput(desk, r, res.pages, res.mode === 'platform' ? res.outcome : 'handedToBrowser')
  return res
}

/** The audit row for a printed or saved form: ids and codes only, never the form's content. */
export function recordOutput(
  desk: Desk,
  r: FormRequest & { action: PdfAction; allowMissing?: boolean },
  pages: number,
  outcome: string
): void {
  desk.audit({
    action: r.action === 'print' ? 'forms.print' : 'forms.save',
    subjectType: 'case',
    subjectId: r.caseId,
    details: { form: r.form, interviewId: r.interviewId ?? null, lang: r.lang, pages, outcome, allowMissing: !!r.allowMissing }
  })
}

export async function outputBlankForms(desk: Desk, a: { form: FormKind; lang: Locale; action: PdfAction }): Promise<PdfDelivery> {
  const { bytes, fileName } = await renderBlankForms(a.lang, a.form, desk.now())
  const res = await deliverPdf(desk, bytes, fileName, a.action)
  desk.audit({
    action: a.action === 'print' ? 'forms.printBlank' : 'forms.saveBlank',
    subjectType: 'form',
    subjectId: a.form,
    details: { lang: a.lang, pages: res.pages }
  })
  return res
}
