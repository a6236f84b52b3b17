/** Sign-offs printed on the forms: 立案签批 (Form A), 督导意见 (Form B), 服务机构的评估 (Form C). Pure. */
import { isI18nKey, type I18nKey } from '../../i18n/keys'

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

/** Fields whose value is a stored code, and where its words are: the risk level, Form C's 结案类别. */
const CODED_FIELDS: Partial<Record<string, 'cases:options.risk' | 'cases:options.category'>> = {
  'signoff.fields.risk': 'cases:options.risk',
  'signoff.fields.closingCategory': 'cases:options.category'
}

/**
 * The key of a field's value when the value is a code (`high`, `transfer`), so the supervisor reads
 * 高 / 个案转介 and never the code; null for text, and for a code the locale files do not know.
 */
export function signoffValueKey(f: { label: string; value: string }): I18nKey | null {
  const under = CODED_FIELDS[f.label]
  if (!under) return null
  const key = `${under}.${f.value}`
  return isI18nKey(key) ? key : null
}

/** Waiting longest first, then high risk first within the same day. */
export function queueOrder(a: SignoffQueueItem, b: SignoffQueueItem): number {
  const risk = ['none', 'low', 'medium', 'high', 'critical']
  const da = a.waitingSince.slice(0, 10)
  const db = b.waitingSince.slice(0, 10)
  if (da !== db) return da < db ? -1 : 1
  return risk.indexOf(b.riskLevel) - risk.indexOf(a.riskLevel)
}
