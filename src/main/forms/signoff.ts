import type { Desk } from '../desk/desk'
import { getSignoff as supervisorSignoff } from '../supervisor/api'
import type { Signoff } from '@shared/domain/supervisor/signoff'

/** What the forms print of a supervisor's recorded sign-off (项目负责人签批 / 督导意见 / 服务机构的评估). */
export type FormSignoff = Pick<Signoff, 'opinion' | 'signerName' | 'signedAt'>

/** The sign-off from the supervisor feature: subject = case id for A and C, interview id for B. */
export function getSignoff(desk: Desk, kind: 'A' | 'B' | 'C', subjectId: number): FormSignoff | null {
  return supervisorSignoff(desk, kind, subjectId)
}
