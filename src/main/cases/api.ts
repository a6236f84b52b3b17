/**
 * The case service: every read and write of a case goes through here (IPC handlers, the CLI, the
 * demo, other features). Each write is one transaction with its audit event, so nothing is half
 * saved; audit details carry ids, codes and field NAMES — never what was typed.
 *
 * One module per concern, re-exported here under the names every caller already uses.
 */

export { createCase } from './registration'
export { getCase, updateCase } from './record'
export { caseHistory } from './history'
export { setStatus, setRiskLevel, assignWorker, setIntakeDecision } from './status-risk-assignment'
export { addRepresentative, removeRepresentative } from './representatives'
export { screeningState, saveScreening, setLargeScale, decideDiversion } from './screening-diversion'
export { recordFlowAction, linkResource, updateResourceResult } from './flows-resources'
export { recordConsent } from './consents'
export { scheduleFollowUp, completeFollowUp } from './follow-ups'
export { markRepeat } from './repeat-marks'
export { saveClosing, reopenCase } from './closing'
export { toSummary, listCases, caseload, activeWorkers, type ListFilter } from './listing'
export type { DiversionDecision } from '@shared/domain/case/types'
