import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { deliverPdf, pdfFileName } from '../pdf'
import { acknowledgeOpinion, myOpinions } from './opinions'
import { getSupervisionRecord, listSupervisionRecords, saveSupervisionRecord, supervisionRecordPdf } from './supervision'
import { caseReturnVisits, myReturnVisits, recordReturnVisit } from './return-visits'
import { outcomeFigures } from './outcomes'
import { monthlyReport, monthlyReportPdf, monthlyReportXlsx } from './monthly-report'
import { addCaseSubject, caseSubjectList, removeCaseSubject, subjectNames, warnings } from './early-warning'
import { deliverFile } from './deliver-file'

/** The aftercare feature's IPC handlers (one per call in src/shared/ipc/contracts/aftercare.ts). */
export const aftercareHandlers = (desk: Desk) =>
  handlers({
    'opinions.mine': () => myOpinions(desk),
    'opinions.acknowledge': (a) => acknowledgeOpinion(desk, a),
    'supervision.list': (a) => listSupervisionRecords(desk, a),
    'supervision.get': (a) => getSupervisionRecord(desk, a.id),
    'supervision.save': (a) => saveSupervisionRecord(desk, a),
    'supervision.pdf': async (a) => {
      const r = getSupervisionRecord(desk, a.id)
      const pdf = await supervisionRecordPdf(desk, a.id, a.locale)
      desk.audit({ action: 'aftercare.supervision.pdf', details: { recordId: a.id, pdfAction: a.action } })
      return deliverPdf(desk, pdf, pdfFileName(r.kind === 'conference' ? 'case-conference' : 'supervision', null, r.heldOn), a.action)
    },
    'returnVisits.mine': () => myReturnVisits(desk),
    'returnVisits.forCase': (a) => caseReturnVisits(desk, a.caseId),
    'returnVisits.record': (a) => recordReturnVisit(desk, a),
    'outcomes.get': (a) => outcomeFigures(desk, a),
    'report.monthly': (a) => monthlyReport(desk, a.month),
    'report.monthlyPdf': async (a) => {
      const pdf = await monthlyReportPdf(desk, a.month, a.locale)
      desk.audit({ action: 'aftercare.report.export', details: { month: a.month, format: 'pdf', pdfAction: a.action } })
      return deliverPdf(desk, pdf, `monthly-report_${a.month}.pdf`, a.action)
    },
    'report.monthlyXlsx': async (a) => {
      const bytes = await monthlyReportXlsx(desk, a.month, a.locale)
      desk.audit({ action: 'aftercare.report.export', details: { month: a.month, format: 'xlsx' } })
      return deliverFile(desk, bytes, `monthly-report_${a.month}.xlsx`, { name: 'Excel', extensions: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
    },
    'warnings.get': () => warnings(desk),
    'subjects.forCase': (a) => caseSubjectList(desk, a.caseId),
    'subjects.add': (a) => addCaseSubject(desk, a),
    'subjects.remove': (a) => removeCaseSubject(desk, a),
    'subjects.names': (a) => subjectNames(desk, a.kind)
  })
