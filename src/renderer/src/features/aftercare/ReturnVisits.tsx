import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  PETITIONED_AGAIN,
  SATISFACTION_QUESTIONS,
  SATISFACTION_SCALE,
  VISIT_METHODS,
  visitState,
  type PetitionedAgain,
  type ReturnVisit,
  type Satisfaction,
  type VisitMethod
} from '@shared/domain/aftercare/return-visits'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'
import { Field, TextArea } from '../../ui/Field'

function hallToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** On the worker's day: return visits due within a week, overdue first. */
export function ReturnVisitsCard() {
  const { t } = useTranslation()
  const { go } = useNav()
  const list = useLoad(() => call('returnVisits.mine', {}), [])
  const items = list.value ?? []
  const today = hallToday()
  return (
    <section className="card" aria-label={t('aftercare:returnVisit.title')}>
      <h2>{t('aftercare:returnVisit.title')}</h2>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      {items.length === 0 && !list.error ? <p className="muted">{t('aftercare:returnVisit.none')}</p> : null}
      <ul className="today-list">
        {items.map((v) => (
          <li key={v.id} className={visitState(v, today) === 'overdue' ? 'overdue' : undefined}>
            <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: v.caseId, tab: 'aftercare' } })}>
              <span className="mono">{v.dueDate}</span> · {v.caseNo}
            </button>{' '}
            <span className="muted">{t(`aftercare:returnVisit.reason.${v.reason}`, { date: v.closedDate })}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** A case's return visits: the scheduled one with its script and the form, and the recorded ones. */
export function ReturnVisitsPanel({ caseId, scriptLang }: { caseId: number; scriptLang: 'zh-CN' | 'yue-HK' }) {
  const { t } = useTranslation()
  const list = useLoad(() => call('returnVisits.forCase', { caseId }), [caseId])
  const visits: ReturnVisit[] = list.value ?? []
  return (
    <section className="card wide">
      <h2>{t('aftercare:returnVisit.title')}</h2>
      <p className="hint">{t('aftercare:returnVisit.intro')}</p>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      {visits.length === 0 && !list.error ? <p className="muted">{t('aftercare:returnVisit.notScheduled')}</p> : null}
      {visits.map((v) => (v.recordedAt ? <RecordedVisit key={v.id} v={v} /> : <VisitForm key={v.id} v={v} scriptLang={scriptLang} onSaved={list.reload} />))}
    </section>
  )
}

function RecordedVisit({ v }: { v: ReturnVisit }) {
  const { t } = useTranslation()
  return (
    <div className="visit recorded">
      <h3>
        {t('aftercare:returnVisit.recordedOn', { date: v.visitDate })} · {v.happened ? t(`aftercare:returnVisit.method.${v.method ?? 'other'}`) : t('aftercare:returnVisit.didNotHappen')}
      </h3>
      {v.happened ? (
        <dl className="visit-answers">
          <dt>{t('aftercare:returnVisit.outcome')}</dt>
          <dd>{v.outcome || '—'}</dd>
          <dt>{t('aftercare:returnVisit.petitionedAgain')}</dt>
          <dd>{v.petitionedAgain ? t(`aftercare:returnVisit.again.${v.petitionedAgain}`) : '—'}</dd>
          {SATISFACTION_QUESTIONS.map((q) => (
            <div key={q}>
              <dt>{t(`aftercare:returnVisit.questions.${q}`)}</dt>
              <dd>{v.satisfaction[q] ? t(`aftercare:returnVisit.scale.${v.satisfaction[q]}`) : t('aftercare:returnVisit.notAnswered')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {v.note ? <p>{v.note}</p> : null}
    </div>
  )
}

function VisitForm({ v, scriptLang, onSaved }: { v: ReturnVisit; scriptLang: 'zh-CN' | 'yue-HK'; onSaved: () => void }) {
  const { t, i18n } = useTranslation()
  const { session } = useSession()
  const [lang, setLang] = useState(scriptLang)
  const s = i18n.getFixedT(lang, 'script')
  const [happened, setHappened] = useState<boolean | null>(null)
  const [visitDate, setVisitDate] = useState(hallToday())
  const [method, setMethod] = useState<VisitMethod>('phone')
  const [outcome, setOutcome] = useState('')
  const [again, setAgain] = useState<PetitionedAgain | null>(null)
  const [sat, setSat] = useState<Satisfaction>({})
  const [note, setNote] = useState('')
  const c = useCall()
  const settings = useLoad(() => call('settings.get', {}), [])
  const save = async () => {
    if (happened == null) return
    const ok = await c.run(() =>
      call('returnVisits.record', {
        visitId: v.id,
        happened,
        visitDate,
        method,
        outcome: happened ? outcome : undefined,
        petitionedAgain: happened ? again : null,
        satisfaction: happened ? sat : undefined,
        note
      })
    )
    if (ok !== null) onSaved()
  }
  return (
    <form
      className="visit"
      aria-label={t('aftercare:returnVisit.formTitle')}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h3>{t('aftercare:returnVisit.due', { date: v.dueDate, closed: v.closedDate })}</h3>
      <details className="visit-script" open>
        <summary>{t('aftercare:returnVisit.script')}</summary>
        <div className="button-row">
          <select aria-label={t('aftercare:returnVisit.scriptLanguage')} value={lang} onChange={(e) => setLang(e.target.value as 'zh-CN' | 'yue-HK')}>
            <option value="zh-CN">{t('common:language.zh-CN')}</option>
            <option value="yue-HK">{t('common:language.yue-HK')}</option>
          </select>
        </div>
        <ol className="script-lines" lang={lang === 'yue-HK' ? 'yue-Hant-HK' : 'zh-Hans-CN'}>
          <li>{s('returnVisit.intro', { worker: session.displayName, date: v.closedDate })}</li>
          <li>{s('returnVisit.progress')}</li>
          <li>{s('returnVisit.again')}</li>
          <li>{s('returnVisit.scaleIntro')}</li>
          {SATISFACTION_QUESTIONS.map((q) => (
            <li key={q}>{s(`returnVisit.questions.${q}`)}</li>
          ))}
          <li>{s('returnVisit.closing', { phone: settings.value?.orgPhone || s('returnVisit.ourPhone') })}</li>
        </ol>
      </details>
      <fieldset>
        <legend>{t('aftercare:returnVisit.happenedQ')}</legend>
        <label>
          <input type="radio" name={`happened-${v.id}`} checked={happened === true} onChange={() => setHappened(true)} /> {t('aftercare:returnVisit.happened')}
        </label>{' '}
        <label>
          <input type="radio" name={`happened-${v.id}`} checked={happened === false} onChange={() => setHappened(false)} /> {t('aftercare:returnVisit.didNotHappen')}
        </label>
      </fieldset>
      <Field label={t('aftercare:returnVisit.visitDate')}>{(id) => <input id={id} type="date" value={visitDate} onChange={(e) => setVisitDate(e.target.value)} required />}</Field>
      {happened ? (
        <>
          <Field label={t('aftercare:returnVisit.methodLabel')}>
            {(id) => (
              <select id={id} value={method} onChange={(e) => setMethod(e.target.value as VisitMethod)}>
                {VISIT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {t(`aftercare:returnVisit.method.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextArea label={t('aftercare:returnVisit.outcome')} rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} maxLength={5000} />
          <fieldset>
            <legend>{t('aftercare:returnVisit.petitionedAgain')}</legend>
            {PETITIONED_AGAIN.map((a) => (
              <label key={a}>
                <input type="radio" name={`again-${v.id}`} checked={again === a} onChange={() => setAgain(a)} /> {t(`aftercare:returnVisit.again.${a}`)}{' '}
              </label>
            ))}
          </fieldset>
          <fieldset className="satisfaction">
            <legend>{t('aftercare:returnVisit.satisfaction')}</legend>
            {SATISFACTION_QUESTIONS.map((q) => (
              <div key={q} className="sat-row" role="radiogroup" aria-label={t(`aftercare:returnVisit.questions.${q}`)}>
                <span>{t(`aftercare:returnVisit.questions.${q}`)}</span>
                {SATISFACTION_SCALE.map((n) => (
                  <label key={n}>
                    <input type="radio" name={`sat-${v.id}-${q}`} checked={sat[q] === n} onChange={() => setSat({ ...sat, [q]: n })} /> {t(`aftercare:returnVisit.scale.${n}`)}
                  </label>
                ))}
                <label>
                  <input
                    type="radio"
                    name={`sat-${v.id}-${q}`}
                    checked={sat[q] == null}
                    onChange={() => {
                      const next = { ...sat }
                      delete next[q]
                      setSat(next)
                    }}
                  />{' '}
                  {t('aftercare:returnVisit.notAnswered')}
                </label>
              </div>
            ))}
          </fieldset>
        </>
      ) : null}
      <TextArea
        label={t('aftercare:returnVisit.note')}
        hint={happened === false ? t('aftercare:returnVisit.noteHintNot') : undefined}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
      />
      <button type="submit" className="primary" disabled={happened == null || c.busy}>
        {t('aftercare:returnVisit.save')}
      </button>
      <ErrorText error={c.error} />
    </form>
  )
}
