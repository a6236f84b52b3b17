import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../app/desk-client'
import { useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { ErrorText } from '../../ui/ErrorText'
import { NoteForm } from './ReferralsPanel'
import { attentionLine } from './TodayReferrals'

/** The supervisor's 督办 list: every worker's overdue replies and unrelayed results, oldest first. */
export function SupervisionScreen() {
  const { t } = useTranslation()
  const { go } = useNav()
  const load = useLoad(() => call('referrals.supervisionList', {}), [])
  const [noteFor, setNoteFor] = useState<number | null>(null)
  const rows = load.value
  return (
    <div className="page supervision" data-testid="supervision-list">
      <h1>{t('referrals:supervision.title')}</h1>
      <p className="muted">{t('referrals:supervision.intro')}</p>
      <ErrorText error={load.error} kind="read" onRetry={load.reload} />
      {rows && rows.length === 0 ? <p className="muted">{t('referrals:supervision.none')}</p> : null}
      {rows?.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('referrals:supervision.since')}</th>
              <th>{t('referrals:supervision.worker')}</th>
              <th>{t('referrals:supervision.case')}</th>
              <th>{t('referrals:supervision.what')}</th>
              <th>{t('referrals:supervision.notes')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={`${a.kind}-${a.referralId}`} className={a.kind === 'replyOverdue' ? 'overdue' : undefined} data-testid="supervision-row">
                <td className="mono">{a.since}</td>
                <td>{a.workerName ?? t('referrals:supervision.unassigned')}</td>
                <td>
                  <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: a.caseId, tab: 'referrals' } })}>
                    {a.caseNo}
                  </button>
                </td>
                <td>{attentionLine(t, a)}</td>
                <td>
                  {a.openNotes ? <span className="badge">{t('referrals:supervision.openNotes', { count: a.openNotes })}</span> : null}{' '}
                  {noteFor === a.referralId ? (
                    <NoteForm
                      referralId={a.referralId}
                      onSaved={() => {
                        setNoteFor(null)
                        load.reload()
                      }}
                    />
                  ) : (
                    <button type="button" onClick={() => setNoteFor(a.referralId)}>
                      {t('referrals:panel.addNote')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  )
}
