import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { acknowledgeNotice, openNotices } from './service'

export const noticesHandlers = (desk: Desk) =>
  handlers({
    'notices.open': () => openNotices(desk),
    'notices.acknowledge': (a) => (acknowledgeNotice(desk, a.noticeId), null)
  })
