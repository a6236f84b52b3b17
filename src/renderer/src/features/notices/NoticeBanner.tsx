import { useCallback, useContext, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoticeItem } from '@shared/domain/notices/types'
import { desk } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { SessionContext } from '../../app/session-context'
import { formatDateTime } from '../../ui/format'
import { errorMessage, reportFailure } from '../../app/calls'
import { TextArea } from '../../ui/Field'
import { noticeKindLabel } from '../aftercare'

/**
 * For supervisors: crises, risk raised to high or critical, 非理性上访 risk events, large-scale visits
 * and missed deadlines wait here until someone acknowledges them with a note, whoever was at the desk
 * when they happened. For a worker: referral replies of their cases gone overdue. The main process
 * answers each person with their own. Shows the case number and the kind, never the petitioner.
 */
export function NoticeBanner() {
  const { t, i18n } = useTranslation()
  const role = useContext(SessionContext)?.session.role
  const nav = useNav()
  const [items, setItems] = useState<NoticeItem[]>([])
  // Acknowledging asks for a note (what the supervisor did): the field opens under the notice.
  const [acking, setAcking] = useState<number | null>(null)
  const [notes, setNotes] = useState<Record<number, string>>({})
  const [error, setError] = useState<{ id: number; text: string } | null>(null)

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
  // 危机通知 while crises are among them; otherwise (a worker's referral replies overdue, a deadline missed) 待处理通知.
  const title = t(items.some((n) => n.kind.startsWith('crisis.')) ? 'supervisor:notices.title' : 'supervisor:notices.titleEvents')
  const kindLabel = (n: NoticeItem) => {
    if (n.kind.startsWith('crisis.')) return t(`interview:crisis.kinds.${n.kind.slice('crisis.'.length)}`, { defaultValue: t('supervisor:notices.otherKind') })
    return noticeKindLabel(t, n)
  }
  const acknowledge = async (id: number) => {
    const res = await desk.invoke('notices.acknowledge', { noticeId: id, note: notes[id] ?? '' })
    if (!res.ok) return setError({ id, text: errorMessage(t, i18n, res) })
    setError(null)
    setAcking(null)
    void load()
  }

  return (
    <section className="notice-banner" role="alert" aria-label={title}>
      <strong>{title}</strong>
      <ul>
        {items.slice(0, 3).map((n) => (
          <li key={n.id}>
            {n.kind.startsWith('crisis.')
              ? t('supervisor:notices.line', {
                  kind: kindLabel(n),
                  caseNo: n.caseNo ?? '—',
                  who: n.raisedByName ?? '—',
                  at: formatDateTime(n.raisedAt, i18n.language)
                })
              : // Not a crisis someone opened (a risk raised, a deadline or a referral reply missed): what happened to which case.
                t('supervisor:notices.lineEvent', { kind: kindLabel(n), caseNo: n.caseNo ?? '—', at: formatDateTime(n.raisedAt, i18n.language) })}
            {n.caseId ? (
              <button type="button" className="link" onClick={() => nav.go({ name: 'case', params: { caseId: n.caseId! } })}>
                {t('supervisor:notices.open')}
              </button>
            ) : null}
            {acking === n.id ? (
              <form
                className="notice-ack"
                onSubmit={(e) => {
                  e.preventDefault()
                  void acknowledge(n.id)
                }}
              >
                <TextArea
                  label={t('aftercare:notices.noteLabel')}
                  hint={t(role === 'worker' ? 'aftercare:notices.noteHintWorker' : 'aftercare:notices.noteHint')}
                  rows={2}
                  value={notes[n.id] ?? ''}
                  onChange={(e) => setNotes({ ...notes, [n.id]: e.target.value })}
                  error={error?.id === n.id ? error.text : undefined}
                  autoFocus
                />
                <button type="submit" className="primary">
                  {t('supervisor:notices.acknowledge')}
                </button>{' '}
                <button type="button" onClick={() => setAcking(null)}>
                  {t('common:actions.cancel')}
                </button>
              </form>
            ) : (
              <button type="button" onClick={() => setAcking(n.id)}>
                {t('supervisor:notices.acknowledge')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {items.length > 3 ? <span>{t('supervisor:notices.more', { count: items.length - 3 })}</span> : null}
    </section>
  )
}
