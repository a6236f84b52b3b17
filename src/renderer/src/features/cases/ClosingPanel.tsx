import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { CLOSING_CATEGORIES, CLOSING_TYPES, TRANSFER_REASONS } from '@shared/domain/case/options'
import type { CaseRecord, ClosingData, GoalRow } from '@shared/domain/case/types'
import { localIsoDate } from '@shared/domain/dates/calendar'
import { closingDateProblems } from '@shared/domain/dates/order'
import { call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { useCall } from '../../app/calls'
import { OptionRadios } from './OptionInputs'
import { useDraft } from '../../app/useDraft'
import { DraftNote } from '../../ui/DraftNote'
import { messageText, tk } from '../../app/i18n'

const emptyClosing = (r: CaseRecord): ClosingData => ({
  category: 'end',
  openedDate: r.fields.contactDate,
  closedDate: localIsoDate(new Date()),
  transferReason: null,
  transferReasonOther: '',
  closingType: null,
  closingTypeOther: '',
  linkedResources: '',
  contactedDepartments: '',
  goals: [{ seq: 1, goal: '', achievement: '', note: '' }],
  reflection: '',
  workerSignedDate: '',
  transferTo: ''
})

/** Form C (结案表): closing or transfer, goal rows, reflection. */
export function ClosingPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  // Form C as typed is a draft (encrypted, this worker only) until it is saved with the case.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const saved = useMemo(() => JSON.stringify(record.closing ?? emptyClosing(record)), [record.closing])
  const draft = useDraft(`case:${record.id}:closing`, saved)
  const c = useMemo<ClosingData>(() => {
    try {
      return { ...(JSON.parse(saved) as ClosingData), ...(JSON.parse(draft.text) as ClosingData) }
    } catch {
      return JSON.parse(saved) as ClosingData
    }
  }, [draft.text, saved])
  const set = <K extends keyof ClosingData>(k: K, v: ClosingData[K]) => draft.set(JSON.stringify({ ...c, [k]: v }))
  const setGoal = (i: number, patch: Partial<GoalRow>) => set('goals', c.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)))
  const save = (finalize: boolean) =>
    run(async () => {
      const sent = draft.text
      onChange(await call('cases.close', { id: record.id, closing: c, finalize }))
      draft.committed(sent)
    })
  const closed = record.status === 'closed' || record.status === 'transferred'
  // A date out of order is named beside its field, as typed (the main process refuses it too; nothing
  // typed here is cleared by a refusal).
  const local = closingDateProblems(c, { today: localIsoDate(new Date()), contactDate: record.fields.contactDate, draft: true })
  const refusedField = error?.field?.replace(/^closing\./, '')
  const dateError = (field: 'openedDate' | 'closedDate' | 'workerSignedDate') => {
    const p = local.find((x) => x.field === field)
    const msg = p ? tk(t, p.messageKey, p.params) : refusedField === field && error ? messageText(t, error) : null
    return msg ? (
      <div className="field-error" role="alert" data-testid={`closing-error-${field}`}>
        {msg}
      </div>
    ) : null
  }
  return (
    <section className="card closing">
      <h2>{t('cases:sections.closing')}</h2>
      {closed ? <p className="notice">{t('cases:closing.isClosed', { status: t(`cases:options.status.${record.status}`) })}</p> : null}
      <OptionRadios name="c-category" legend={t('cases:closing.category')} list={CLOSING_CATEGORIES} labels="cases:options.category" value={c.category} onChange={(v) => set('category', v ?? 'end')} />
      <div className="field-row">
        <div className="field narrow">
          <label htmlFor="c-opened">{t('cases:closing.openedDate')}</label>
          <input id="c-opened" type="date" value={c.openedDate} onChange={(e) => set('openedDate', e.target.value)} />
          {dateError('openedDate')}
        </div>
        <div className="field narrow">
          <label htmlFor="c-closed">{t('cases:closing.closedDate')}</label>
          <input id="c-closed" type="date" value={c.closedDate} onChange={(e) => set('closedDate', e.target.value)} />
          {dateError('closedDate')}
        </div>
        {c.category === 'transfer' ? (
          <div className="field">
            <label htmlFor="c-to">{t('cases:closing.transferTo')}</label>
            <input id="c-to" value={c.transferTo} onChange={(e) => set('transferTo', e.target.value)} />
          </div>
        ) : null}
      </div>
      {c.category === 'transfer' ? (
        <OptionRadios
          name="c-reason"
          legend={t('cases:closing.transferReason')}
          list={TRANSFER_REASONS}
          labels="cases:options.transferReason"
          value={c.transferReason}
          onChange={(v) => set('transferReason', v)}
          otherText={c.transferReasonOther}
          onOtherText={(s) => set('transferReasonOther', s)}
        />
      ) : null}
      <OptionRadios
        name="c-type"
        legend={t('cases:closing.closingType')}
        list={CLOSING_TYPES}
        labels="cases:options.closingType"
        value={c.closingType}
        onChange={(v) => set('closingType', v)}
        otherText={c.closingTypeOther}
        onOtherText={(s) => set('closingTypeOther', s)}
      />
      <h3>{t('cases:closing.resources')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="c-linked">{t('cases:closing.linkedResources')}</label>
          <textarea id="c-linked" rows={2} value={c.linkedResources} onChange={(e) => set('linkedResources', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="c-depts">{t('cases:closing.contactedDepartments')}</label>
          <textarea id="c-depts" rows={2} value={c.contactedDepartments} onChange={(e) => set('contactedDepartments', e.target.value)} />
        </div>
      </div>
      <h3>{t('cases:closing.goals')}</h3>
      <table className="table goals">
        <thead>
          <tr>
            <th>{t('cases:closing.seq')}</th>
            <th>{t('cases:closing.goal')}</th>
            <th>{t('cases:closing.achievement')}</th>
            <th>{t('cases:closing.remark')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {c.goals.map((g, i) => (
            <tr key={i}>
              <td>{g.seq}</td>
              <td>
                <input aria-label={`${t('cases:closing.goal')} ${g.seq}`} value={g.goal} onChange={(e) => setGoal(i, { goal: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('cases:closing.achievement')} ${g.seq}`} value={g.achievement} onChange={(e) => setGoal(i, { achievement: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('cases:closing.remark')} ${g.seq}`} value={g.note} onChange={(e) => setGoal(i, { note: e.target.value })} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => set('goals', c.goals.filter((_, j) => j !== i).map((x, j) => ({ ...x, seq: j + 1 })))}>
                  {t('cases:actions.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => set('goals', [...c.goals, { seq: c.goals.length + 1, goal: '', achievement: '', note: '' }])}>
        {t('cases:closing.addGoal')}
      </button>
      <div className="field">
        <label htmlFor="c-reflection">{t('cases:closing.reflection')}</label>
        <textarea id="c-reflection" rows={4} value={c.reflection} onChange={(e) => set('reflection', e.target.value)} />
        <DraftNote draft={draft} />
      </div>
      <div className="field narrow">
        <label htmlFor="c-signed">{t('cases:closing.workerSignedDate')}</label>
        <input id="c-signed" type="date" value={c.workerSignedDate} onChange={(e) => set('workerSignedDate', e.target.value)} />
        {dateError('workerSignedDate')}
      </div>
      <p className="hint">{t('cases:closing.supervisorPart')}</p>
      {refusedField && ['openedDate', 'closedDate', 'workerSignedDate'].includes(refusedField) ? (
        <p className="hint" role="status">{t('errors:dates.kept')}</p>
      ) : (
        <ErrorText error={error} />
      )}
      <div className="button-row">
        <button type="button" onClick={() => save(false)} disabled={closed}>
          {t('cases:closing.saveDraft')}
        </button>
        <button type="button" className="primary" onClick={() => save(true)} disabled={closed}>
          {c.category === 'transfer' ? t('cases:closing.finalizeTransfer') : t('cases:closing.finalizeClose')}
        </button>
      </div>
    </section>
  )
}
