import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FOLLOW_UP_KINDS, type FollowUpKind } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { defaultShortFollowUp, midFollowUpRange } from '@shared/domain/dates/deadlines'
import { localIsoDate } from '@shared/domain/dates/calendar'
import { call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { useCall } from '../../app/calls'
import { OptionRadios } from './OptionInputs'

/** Follow-ups: short term 3–7 days, mid term 1–3 months (practice-guide targets, not statute). */
export function FollowUpsPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const today = localIsoDate(new Date())
  const [kind, setKind] = useState<FollowUpKind>('short')
  const [due, setDue] = useState(defaultShortFollowUp(today))
  const [note, setNote] = useState('')
  useEffect(() => setDue(kind === 'short' ? defaultShortFollowUp(today) : midFollowUpRange(today).min), [kind, today])
  const refresh = async () => onChange(await call('cases.get', { id: record.id }))
  return (
    <section className="card">
      <h2>{t('cases:sections.followUps')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('cases:followUps.due')}</th>
            <th>{t('cases:followUps.kind')}</th>
            <th>{t('cases:followUps.note')}</th>
            <th>{t('cases:followUps.state')}</th>
          </tr>
        </thead>
        <tbody>
          {record.followUps.map((f) => (
            <tr key={f.id} className={!f.doneAt && f.dueDate < today ? 'overdue' : undefined}>
              <td className="nowrap">{f.dueDate}</td>
              <td>{t(`cases:options.followUpKind.${f.kind}`)}</td>
              <td>{f.note}</td>
              <td>
                {f.doneAt ? (
                  t('cases:followUps.done')
                ) : (
                  <button type="button" onClick={() => run(async () => (await call('cases.completeFollowUp', { followUpId: f.id }), await refresh()))}>
                    {t('cases:followUps.markDone')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field-row">
        <OptionRadios name="fu-kind" legend={t('cases:followUps.kind')} list={FOLLOW_UP_KINDS} labels="cases:options.followUpKind" value={kind} onChange={(v) => setKind(v ?? 'short')} />
        <div className="field narrow">
          <label htmlFor="fu-due">{t('cases:followUps.due')}</label>
          <input id="fu-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="fu-note">{t('cases:followUps.note')}</label>
          <input id="fu-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            await call('cases.scheduleFollowUp', { caseId: record.id, dueDate: due, kind, note })
            setNote('')
            await refresh()
          })
        }
      >
        {t('cases:followUps.add')}
      </button>
      <ErrorText error={error} />
    </section>
  )
}
