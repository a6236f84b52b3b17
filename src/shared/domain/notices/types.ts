/** A notice waiting for a supervisor: which case, what happened, who raised it and when. No petitioner data. */
export interface NoticeItem {
  id: number
  kind: string
  caseId: number | null
  caseNo: string | null
  interviewId: number | null
  raisedByName: string | null
  raisedAt: string
  acknowledgedAt: string | null
}
