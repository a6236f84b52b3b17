import { z } from 'zod'
import { call } from '../define'
import { empty, id } from '../schemas'
import type { NoticeItem } from '../../domain/notices/types'

/** Notices for supervisors (e.g. a crisis raised in an interview), kept until acknowledged. */
export const noticesCalls = {
  'notices.open': call(empty(), 'supervisor').returns<NoticeItem[]>(),
  'notices.acknowledge': call(z.object({ noticeId: id() }).strict(), 'supervisor').returns<null>()
} as const
