import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { acknowledgeNotice, openNotices } from './service'
import { sweepMissedDeadlines } from '../aftercare/notices'

export const noticesHandlers = (desk: Desk) =>
  handlers({
    'notices.open': () => (sweepMissedDeadlines(desk), openNotices(desk)),
    'notices.acknowledge': (a) => (acknowledgeNotice(desk, a.noticeId, a.note), null)
  })
