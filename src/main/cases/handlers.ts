import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import * as api from './api'
import { findRepeats, searchCases } from './search'
import { today } from './today'
import { consentSlipPdf } from './consent-slip'

/** The cases feature's IPC handlers (one per call in src/shared/ipc/contracts/cases.ts). */
export const casesHandlers = (desk: Desk) =>
  handlers({
    'cases.create': (a) => api.createCase(desk, a),
    'cases.get': (a) => api.getCase(desk, a.id),
    'cases.update': (a) => api.updateCase(desk, a.id, a.patch),
    'cases.history': (a) => api.caseHistory(desk, a.id),
    'cases.list': (a, ctx) => api.listCases(desk, { ...a, workerId: a.mine ? ctx.session!.userId : a.workerId }),
    'cases.search': (a) => searchCases(desk, a.query, a.limit),
    'cases.findRepeats': (a) => findRepeats(desk, a),
    'cases.markRepeat': (a) => api.markRepeat(desk, a.id, a),
    'cases.setStatus': (a) => api.setStatus(desk, a.id, a.status),
    'cases.setRisk': (a) => api.setRiskLevel(desk, a.id, a.level, a.reason),
    'cases.assign': (a) => api.assignWorker(desk, a.id, a.workerId),
    'cases.intake': (a) => api.setIntakeDecision(desk, a.id, a),
    'cases.workers': () => api.activeWorkers(desk),
    'cases.addRepresentative': (a) => api.addRepresentative(desk, a.id, a),
    'cases.removeRepresentative': (a) => api.removeRepresentative(desk, a.id, a.representativeId),
    'cases.screening.save': (a) => api.saveScreening(desk, a.id, a),
    'cases.setLargeScale': (a) => api.setLargeScale(desk, a.id, a.judged),
    'cases.decideDiversion': (a) => api.decideDiversion(desk, a.id, a),
    'cases.flowAction': (a) => api.recordFlowAction(desk, a),
    'cases.linkResource': (a) => api.linkResource(desk, a),
    'cases.resourceResult': (a) => api.updateResourceResult(desk, a.caseId, a.resourceId, a.result, a.note),
    'cases.consent': (a) => api.recordConsent(desk, a),
    'cases.consentSlip': (a) => consentSlipPdf(desk, a),
    'cases.scheduleFollowUp': (a) => api.scheduleFollowUp(desk, a),
    'cases.completeFollowUp': (a) => api.completeFollowUp(desk, a.followUpId, a.note),
    'cases.close': (a) => api.saveClosing(desk, a.id, a.closing, { finalize: a.finalize }),
    'cases.reopen': (a) => api.reopenCase(desk, a.id, a.reason),
    'cases.today': () => today(desk),
    'cases.caseload': () => api.caseload(desk)
  })
