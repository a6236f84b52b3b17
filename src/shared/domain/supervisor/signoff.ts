/** Sign-offs printed on the forms: 立案签批 (Form A), 督导意见 (Form B), 服务机构的评估 (Form C). Pure. */

export const SIGNOFF_KINDS = ['A', 'B', 'C'] as const
export type SignoffKind = (typeof SIGNOFF_KINDS)[number]

export interface Signoff {
  kind: SignoffKind
  /** The case id (A, C) or the interview id (B). */
  subjectId: number
  opinion: string
  signedBy: number
  signerName: string
  signedAt: string
}

export interface SignoffQueueItem {
  kind: SignoffKind
  subjectId: number
  caseId: number
  caseNo: string
  /** For B: 第 N 次 and the interview's date. */
  workCount: number | null
  date: string
  workerName: string | null
  riskLevel: string
  /** Since when it has waited (ISO): the worker's signing, the interview's end, the closing. */
  waitingSince: string
}

/** What the supervisor reads before signing: labelled fields (label = i18n key in the supervisor namespace). */
export interface SignoffRecordView {
  caseNo: string
  fields: { label: string; value: string }[]
}

/** Waiting longest first, then high risk first within the same day. */
export function queueOrder(a: SignoffQueueItem, b: SignoffQueueItem): number {
  const risk = ['none', 'low', 'medium', 'high', 'critical']
  const da = a.waitingSince.slice(0, 10)
  const db = b.waitingSince.slice(0, 10)
  if (da !== db) return da < db ? -1 : 1
  return risk.indexOf(b.riskLevel) - risk.indexOf(a.riskLevel)
}
