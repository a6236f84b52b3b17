/** A supervisor's opinion on one of the worker's cases, shown to the worker until acknowledged. */
export interface OpinionItem {
  kind: 'signoff' | 'supervision'
  /** signoff: the sign-off's id; supervision: the supervision record's id. */
  refId: number
  /** signoff: which form (A 立案签批, B 督导意见, C 服务机构的评估); supervision: supervision | conference. */
  form: 'A' | 'B' | 'C' | 'supervision' | 'conference'
  caseId: number
  caseNo: string
  opinion: string
  /** Decisions of a supervision record (the whole session's), '' for sign-offs. */
  decisions: string
  byName: string
  at: string
}

export interface SupervisionRecordInput {
  kind: 'supervision' | 'conference'
  heldOn: string
  participants: string
  topic: string
  opinions: string
  decisions: string
  cases: { caseId: number; opinion: string }[]
}

export interface SupervisionRecord extends Omit<SupervisionRecordInput, 'cases'> {
  id: number
  cases: { caseId: number; caseNo: string; opinion: string; workerName: string | null; acknowledged: boolean }[]
  createdByName: string | null
  createdAt: string
  updatedAt: string
}

export interface SupervisionListItem {
  id: number
  kind: 'supervision' | 'conference'
  heldOn: string
  topic: string
  caseCount: number
}
