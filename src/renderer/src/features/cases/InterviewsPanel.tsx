import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterviewListItem } from '@shared/domain/interview/types'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { formatDateTime } from '../../ui/format'
import { reported } from '../../app/calls'

/** The case's interviews (Form B, one per contact), from the interview feature; click to open one. */
export function InterviewsPanel({ caseId }: { caseId: number }) {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  const [rows, setRows] = useState<InterviewListItem[] | null>(null)
  useEffect(() => {
    void call('interview.list', { caseId }).then(setRows, reported())
  }, [caseId])
  return (
    <section className="card">
      <h2>{t('cases:tabs.interviews')}</h2>
      {rows && rows.length === 0 ? <p className="muted">{t('cases:interviews.none')}</p> : null}
      {rows && rows.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('cases:interviews.count')}</th>
              <th>{t('cases:interviews.when')}</th>
              <th>{t('interview:meta.workForm')}</th>
              <th>{t('cases:interviews.purpose')}</th>
            </tr>
          </thead>
          <tbody>
            {[...rows].reverse().map((r) => (
              <tr key={r.id}>
                <td>
                  <button type="button" className="link" onClick={() => go({ name: 'interview', params: { interviewId: r.id } })}>
                    {t('cases:interviews.nth', { n: r.workCount })}
                  </button>
                </td>
                <td className="nowrap">{formatDateTime(r.startedAt, i18n.language)}</td>
                <td>{t(`interview:meta.workForms.${r.workForm}`)}</td>
                <td>{r.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
