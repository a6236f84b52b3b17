import type { Desk } from '../desk/desk'
import type { Locale } from '@shared/domain/session/types'
import type { ArchiveItemRef, ArchivePrintSummary, ArchiveRow } from '@shared/domain/archive/types'
import type { PdfAction } from '@shared/ipc/contracts/forms'
import { toFormA, toFormC } from '@shared/domain/case/forms'
import { fail } from '@shared/ipc/result'
import { getCase } from '../cases/api'
import { getFormB } from '../interview/api'
import { deliverPdf, pdfFileName } from '../pdf'
import { formA, formB, formC, labels, printedAt, renderForms, type FormPart } from '../forms/layout'
import { getSignoff } from '../forms/signoff'
import { archiveQueue, recordPrints } from './queue'

export interface BatchPrintArgs {
  /** Omitted: the whole 待打印 queue. */
  items?: ArchiveItemRef[]
  lang: Locale
  bundle: 'one' | 'perCase'
  action: PdfAction
  allowMissing?: boolean
}

/** The form of one queue row, read fresh; a form printed before carries 补打（副本） and when. */
function partOf(desk: Desk, r: ArchiveRow, lang: Locale, at: Date): FormPart {
  const t = labels(lang)
  let part: FormPart
  if (r.kind === 'A') part = formA(lang, toFormA(getCase(desk, r.caseId)), getSignoff(desk, 'A', r.caseId))
  else if (r.kind === 'C') part = formC(lang, toFormC(getCase(desk, r.caseId)), getSignoff(desk, 'C', r.caseId))
  else part = formB(lang, getFormB(desk, r.subjectId, lang), getSignoff(desk, 'B', r.subjectId))
  if (r.prints > 0 && r.firstPrintedAt) part = { ...part, copyMark: t('copyMark', { first: printedAt(new Date(r.firstPrintedAt)), at: printedAt(at) }) }
  return part
}

/**
 * Print signed-off forms for the paper archive, as one PDF or one per case, with progress events
 * (`progress`, task 'archive.print': one step per case, and one for making the single PDF). Each
 * form's print is recorded (first print, or reprint) unless the user cancelled the dialog.
 */
export async function batchPrint(desk: Desk, a: BatchPrintArgs): Promise<ArchivePrintSummary> {
  const found = a.items ? archiveQueue(desk, { items: a.items }) : archiveQueue(desk, { state: 'toPrint' })
  if (a.items && found.length === 0) fail('NOT_FOUND', 'archive:errors.notSignedOff')
  // A confidential report's forms print only for someone who may open it.
  const rows = found.filter((r) => !r.masked)
  const at = desk.now()
  const t = labels(a.lang)
  const byCase = new Map<number, ArchiveRow[]>()
  for (const r of rows) byCase.set(r.caseId, [...(byCase.get(r.caseId) ?? []), r])
  const groups = [...byCase.values()]
  const total = groups.length + (a.bundle === 'one' ? 1 : 0)
  const progress = (done: number) => desk.emit('progress', { task: 'archive.print', done, total })
  const day = at.toISOString().slice(0, 10)
  const summary: ArchivePrintSummary = { cases: groups.length, forms: rows.length, reprints: rows.filter((r) => r.prints > 0).length, pages: 0, files: [], skipped: (a.items?.length ?? found.length) - rows.length, deliveries: [] }
  progress(0)

  const deliver = async (parts: FormPart[], group: ArchiveRow[], fileName: string) => {
    const { bytes } = await renderForms(a.lang, parts, at, { title: fileName.replace(/\.pdf$/, '') }, { refuseMissing: !a.allowMissing })
    const res = await deliverPdf(desk, bytes, fileName, a.action)
    const outcome = res.mode === 'platform' ? res.outcome : 'handedToBrowser'
    summary.pages += res.pages
    summary.files.push({ caseNos: [...new Set(group.map((r) => r.caseNo))], fileName, pages: res.pages, outcome })
    summary.deliveries.push(res)
    if (outcome !== 'cancelled') recordPrints(desk, group, a.lang, at.toISOString())
  }

  if (a.bundle === 'perCase') {
    let done = 0
    for (const group of groups) {
      const parts = group.map((r) => partOf(desk, r, a.lang, at))
      await deliver(parts, group, pdfFileName(t('archiveFileName'), group[0].caseNo, day))
      progress(++done)
      // Let the event loop send the progress event (and answer other calls) between cases.
      await new Promise((r) => setImmediate(r))
    }
  } else if (groups.length) {
    const parts: FormPart[] = []
    let done = 0
    for (const group of groups) {
      parts.push(...group.map((r) => partOf(desk, r, a.lang, at)))
      progress(++done)
    }
    await new Promise((r) => setImmediate(r))
    await deliver(parts, rows, pdfFileName(t('archiveFileName'), null, day))
    progress(total)
  }
  desk.audit({ action: 'archive.batch', details: { cases: summary.cases, forms: summary.forms, reprints: summary.reprints, pages: summary.pages, bundle: a.bundle, lang: a.lang } })
  return summary
}
