/**
 * The interview feature's API for other features (main process): Form B data for the forms
 * feature, the interview list for the case page, 工作次数 per case.
 */
export { listInterviews, getFormB, workCount, getInterview, composeRecord } from './service'
export type { FormBData, InterviewListItem } from '@shared/domain/interview'
