/** A notice waiting for a supervisor: which case, what happened, who raised it and when. No petitioner data. */
export interface NoticeItem {
  id: number
  /** crisis.<kind> · risk.raised · irrational.event · collective.largeScale · deadline.missed */
  kind: string
  caseId: number | null
  caseNo: string | null
  interviewId: number | null
  raisedByName: string | null
  raisedAt: string
  acknowledgedAt: string | null
  /** risk.raised: the new level; deadline.missed: `<deadline id>:<due date>`. Never personal text. */
  detail: string
}
