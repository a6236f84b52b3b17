import { z } from 'zod'
import { call } from '../define'
import { empty, id, longText } from '../schemas'
import type { NoticeItem } from '../../domain/notices/types'

/**
 * Notices for supervisors (a crisis, a risk raised to high or critical by any path, a 非理性上访 risk
 * event, a visit judged large-scale, a missed statutory deadline), kept until acknowledged with a note.
 */
export const noticesCalls = {
  'notices.open': call(empty(), 'supervisor').returns<NoticeItem[]>(),
  'notices.acknowledge': call(z.object({ noticeId: id(), note: longText(2_000) }).strict(), 'supervisor').returns<null>()
} as const
