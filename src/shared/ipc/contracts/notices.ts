import { z } from 'zod'
import { call } from '../define'
import { empty, id, longText } from '../schemas'
import type { NoticeItem } from '../../domain/notices/types'

/**
 * Notices for supervisors (a crisis, a risk raised to high or critical by any path, a 非理性上访 risk
 * event, a visit judged large-scale, a missed statutory or referral deadline) and for a worker (a
 * referral of their case whose reply is overdue), kept until acknowledged with a note. Each person
 * sees and acknowledges only their own (the main process decides by role and addressee).
 */
export const noticesCalls = {
  'notices.open': call(empty(), 'worker').returns<NoticeItem[]>(),
  'notices.acknowledge': call(z.object({ noticeId: id(), note: longText(2_000) }).strict(), 'worker').returns<null>()
} as const
