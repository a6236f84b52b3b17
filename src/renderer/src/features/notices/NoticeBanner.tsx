import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoticeItem } from '@shared/domain/notices/types'
import { desk } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { formatDateTime } from '../../ui/format'
import { reportFailure } from '../../app/calls'

/**
 * For supervisors: crises raised in interviews wait here until someone acknowledges them, whoever
 * was at the desk when they happened. Shows the case number and the kind, never the petitioner.
 */
export function NoticeBanner() {
  const { t, i18n } = useTranslation()
  const nav = useNav()
  const [items, setItems] = useState<NoticeItem[]>([])

  const load = useCallback(async () => {
    const res = await desk.invoke('notices.open', {})
    if (res.ok) setItems(res.value)
    else reportFailure(res, 'errors:what.load')
  }, [])

  useEffect(() => {
    void load()
    const off = desk.on('notice', () => void load())
    const timer = setInterval(() => void load(), 60_000)
    return () => {
      off()
      clearInterval(timer)
    }
  }, [load])

  if (items.length === 0) return null
  const kindLabel = (kind: string) => {
    const sub = kind.startsWith('crisis.') ? kind.slice('crisis.'.length) : kind
    return t(`interview:crisis.kinds.${sub}`, { defaultValue: t('supervisor:notices.otherKind') })
  }
  const acknowledge = async (id: number) => {
    const res = await desk.invoke('notices.acknowledge', { noticeId: id })
    if (!res.ok) reportFailure(res, 'errors:what.acknowledge')
    void load()
  }

  return (
    <section className="notice-banner" role="alert" aria-label={t('supervisor:notices.title')}>
      <strong>{t('supervisor:notices.title')}</strong>
      <ul>
        {items.slice(0, 3).map((n) => (
          <li key={n.id}>
            {t('supervisor:notices.line', {
              kind: kindLabel(n.kind),
              caseNo: n.caseNo ?? '—',
              who: n.raisedByName ?? '—',
              at: formatDateTime(n.raisedAt, i18n.language)
            })}
            {n.caseId ? (
              <button type="button" className="link" onClick={() => nav.go({ name: 'case', params: { caseId: n.caseId! } })}>
                {t('supervisor:notices.open')}
              </button>
            ) : null}
            <button type="button" onClick={() => void acknowledge(n.id)}>
              {t('supervisor:notices.acknowledge')}
            </button>
          </li>
        ))}
      </ul>
      {items.length > 3 ? <span>{t('supervisor:notices.more', { count: items.length - 3 })}</span> : null}
    </section>
  )
}
