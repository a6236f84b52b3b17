import type { TFunction } from 'i18next'
import type { NoticeItem } from '@shared/domain/notices/types'
import { deadlineById, type DeadlineId } from '@shared/domain/dates/deadlines'

/** The words for a notice that is not a crisis: what happened, with its level or deadline. */
export function noticeKindLabel(t: TFunction, n: Pick<NoticeItem, 'kind' | 'detail'>): string {
  switch (n.kind) {
    case 'risk.raised':
      return t('aftercare:notices.kinds.riskRaised', { level: t(`cases:options.risk.${n.detail}`, { defaultValue: '' }) })
    case 'irrational.event':
      return t('aftercare:notices.kinds.irrationalEvent')
    case 'collective.largeScale':
      return t('aftercare:notices.kinds.largeScale')
    case 'referral.overdue':
      return t('aftercare:notices.kinds.referralOverdue', { due: n.detail })
    case 'deadline.missed': {
      const [id, due] = n.detail.split(':')
      let label = ''
      try {
        label = t(deadlineById(id as DeadlineId).labelKey)
      } catch {
        label = ''
      }
      return t('aftercare:notices.kinds.deadlineMissed', { deadline: label, due: due ?? '' })
    }
    default:
      return t('supervisor:notices.otherKind')
  }
}
