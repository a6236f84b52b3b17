import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { ReferralAttention } from '@shared/domain/referrals/types'
import { call, desk } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { directoryName } from './directory-words'

export function attentionLine(t: TFunction, a: ReferralAttention): string {
  const dest = directoryName(t, { name: a.toName, builtin: a.toBuiltin })
  return a.kind === 'replyOverdue' ? t('referrals:today.replyOverdue', { dest, date: a.since }) : t('referrals:today.unrelayed', { dest, date: a.since })
}

/**
 * Today: my referrals whose reply is overdue or whose result the petitioner has not been told, and
 * 督办 notes to read. A note a supervisor adds, or a reply found overdue, is pushed by the main process
 * (a 'notice' event addressed to this worker) and shows here without reloading the screen.
 */
export function TodayReferrals() {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  const load = useLoad(() => call('referrals.attention', {}), [])
  const { reload } = load
  useEffect(
    () =>
      desk.on('notice', (e) => {
        if (e.kind === 'referral.note' || e.kind === 'referral.overdue') reload()
      }),
    [reload]
  )
  const ack = useCall()
  const data = load.value
  return (
    <section className="card wide" data-testid="today-referrals">
      <h2>{t('referrals:today.title')}</h2>
      <ErrorText error={load.error} kind="read" onRetry={load.reload} />
      {data?.notes.length ? (
        <>
          <h3 className="overdue">{t('referrals:today.notes')}</h3>
          <ul className="today-list">
            {data.notes.map((n) => (
              <li key={n.id} data-testid="today-note">
                <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: n.caseId, tab: 'referrals' } })}>
                  {n.caseNo}
                </button>{' '}
                <span className="pre">{n.note}</span> <span className="muted">{t('referrals:panel.noteBy', { name: n.writtenByName ?? '', at: formatDateTime(n.writtenAt, i18n.language) })}</span>{' '}
                <button type="button" disabled={ack.busy} onClick={() => void ack.run(() => call('referrals.acknowledgeNote', { noteId: n.id })).then((v) => v && load.reload())}>
                  {t('referrals:panel.acknowledge')}
                </button>
              </li>
            ))}
          </ul>
          <ErrorText error={ack.error} />
        </>
      ) : null}
      {data && data.items.length === 0 && data.notes.length === 0 ? <p className="muted">{t('referrals:today.none')}</p> : null}
      {data?.items.length ? (
        <ul className="today-list">
          {data.items.map((a) => (
            <li key={`${a.kind}-${a.referralId}`} className={a.kind === 'replyOverdue' ? 'overdue' : undefined} data-testid="today-referral">
              <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: a.caseId, tab: 'referrals' } })}>
                <span className="mono">{a.since}</span> · {a.caseNo}
              </button>{' '}
              {attentionLine(t, a)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
