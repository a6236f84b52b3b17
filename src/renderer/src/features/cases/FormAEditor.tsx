import { useTranslation } from 'react-i18next'
import { ageAt } from '@shared/domain/dates/age'
import { isValidIsoDate, localIsoDate } from '@shared/domain/dates/calendar'
import { COUNTING_RULE, deadlineById } from '@shared/domain/dates/deadlines'
import { caseDeadlines } from '@shared/domain/case/today'
import { CASE_SOURCES, EDUCATION, GENDERS, LANGUAGES, LIVING, MARITAL, NEEDS } from '@shared/domain/case/options'
import type { CaseFields, CaseRecord } from '@shared/domain/case/types'
import { formatDateTime } from '../../ui/format'
import { OptionChecks, OptionRadios } from './OptionInputs'
import type { useCaseAutosave } from './useCaseAutosave'
import { messageText, tk, tx } from '../../app/i18n'
import { isI18nKey } from '@shared/i18n/keys'

type Autosave = ReturnType<typeof useCaseAutosave>

/** Registration (7.1.1) and Form A's 接案记录 / 案主基本情况, edited in place and saved as you type. */
export function RegistrationSection({ record, a }: { record: CaseRecord; a: Autosave }) {
  const { t } = useTranslation()
  const f = a.fields
  const age = f.birth ? ageAt(f.birth, f.contactDate) : null
  const text = (k: keyof CaseFields, opts: { label?: string; hint?: string; area?: boolean; rows?: number } = {}) => (
    <div className="field">
      <label htmlFor={`f-${k}`}>{opts.label ?? tx(t, `cases:fields.${k}`)}</label>
      {opts.area ? (
        <textarea id={`f-${k}`} rows={opts.rows ?? 3} value={f[k] as string} onChange={(e) => a.set(k, e.target.value as never)} />
      ) : (
        <input id={`f-${k}`} value={f[k] as string} onChange={(e) => a.set(k, e.target.value as never)} autoComplete="off" />
      )}
      {opts.hint ? <div className="hint">{opts.hint}</div> : null}
      {a.problems[k] ? <div className="field-error">{messageText(t, { messageKey: a.problems[k]!, params: a.problemParams[k] })}</div> : null}
    </div>
  )
  return (
    <div className="form-a">
      <SaveState a={a} />
      <section className="card">
        <h2>{t('cases:sections.registration')}</h2>
        <div className="field-row">
          {text('name', { label: record.fields.partyKind === 'organisation' ? t('cases:fields.orgName') : t('cases:fields.name') })}
          {f.partyKind !== 'person' ? text('contactPerson') : null}
          {text('phone')}
        </div>
        <div className="field-row">
          {text('address')}
          {text('locality', { hint: t('cases:fields.localityHint') })}
        </div>
        {text('summary', { area: true, hint: t('cases:fields.summaryHint') })}
      </section>
      <section className="card">
        <h2>{t('cases:sections.intakeRecord')}</h2>
        <div className="field-row">
          <div className="field narrow">
            <label htmlFor="f-contactDate">{t('cases:fields.contactDate')}</label>
            <input id="f-contactDate" type="date" value={f.contactDate} onChange={(e) => a.set('contactDate', e.target.value)} />
            {a.problems.contactDate ? <div className="field-error">{messageText(t, { messageKey: a.problems.contactDate, params: a.problemParams.contactDate })}</div> : null}
          </div>
          <div className="field">
            <span className="label">{t('cases:fields.worker')}</span>
            <span>{record.assignedWorker?.displayName ?? '—'}</span>
          </div>
        </div>
        <OptionRadios
          name="f-source"
          legend={t('cases:fields.source')}
          list={CASE_SOURCES}
          labels="cases:options.source"
          value={f.source}
          onChange={(v) => a.set('source', v)}
          otherCodes={['outreach', 'referral']}
          otherText={f.sourceText}
          onOtherText={(s) => a.set('sourceText', s)}
        />
        {text('demands', { area: true, rows: 4 })}
        {text('petitionHistory', { area: true, hint: t('cases:fields.petitionHistoryHint') })}
        {text('personality', { area: true, hint: t('cases:fields.personalityHint') })}
        <div className="field-row">
          {text('referralOrg')}
          {text('referralContact')}
        </div>
      </section>
      <section className="card">
        <h2>{t('cases:sections.client')}</h2>
        <div className="field-row">
          <OptionRadios name="f-gender" legend={t('cases:fields.gender')} list={GENDERS} labels="cases:options.gender" value={f.gender} onChange={(v) => a.set('gender', v)} />
          <div className="field narrow">
            <label htmlFor="f-birth">{t('cases:fields.birth')}</label>
            <input id="f-birth" placeholder="1968-05" value={f.birth} onChange={(e) => a.set('birth', e.target.value.trim())} />
            <div className="hint">{t('cases:fields.birthHint')}</div>
            {a.problems.birth ? <div className="field-error">{messageText(t, { messageKey: a.problems.birth, params: a.problemParams.birth })}</div> : null}
          </div>
          <div className="field narrow">
            <span className="label">{t('cases:fields.age')}</span>
            <output aria-label={t('cases:fields.age')}>{age != null ? t('cases:fields.ageAuto', { age }) : '—'}</output>
          </div>
        </div>
        <div className="field-row">
          {text('occupation')}
          {text('economicStatus')}
        </div>
        <OptionChecks legend={t('cases:fields.language')} list={LANGUAGES} labels="cases:options.language" value={f.language} onChange={(v) => a.set('language', v)} otherText={f.languageOther} onOtherText={(s) => a.set('languageOther', s)} />
        <OptionRadios name="f-marital" legend={t('cases:fields.marital')} list={MARITAL} labels="cases:options.marital" value={f.marital} onChange={(v) => a.set('marital', v)} otherText={f.maritalOther} onOtherText={(s) => a.set('maritalOther', s)} />
        <OptionRadios name="f-education" legend={t('cases:fields.education')} list={EDUCATION} labels="cases:options.education" value={f.education} onChange={(v) => a.set('education', v)} />
        <OptionChecks legend={t('cases:fields.living')} list={LIVING} labels="cases:options.living" value={f.living} onChange={(v) => a.set('living', v)} otherText={f.livingOther} onOtherText={(s) => a.set('livingOther', s)} />
        <OptionChecks legend={t('cases:fields.needs')} list={NEEDS} labels="cases:options.needs" value={f.needs} onChange={(v) => a.set('needs', v)} otherText={f.needsOther} onOtherText={(s) => a.set('needsOther', s)} />
        {text('background', { area: true })}
        {text('assessment', { area: true })}
        {text('needsAnalysis', { area: true })}
      </section>
    </div>
  )
}

/** Form A 服务计划 and the petition-procedure dates that drive the statutory reminders. */
export function PlanSection({ a, record }: { a: Autosave; record: CaseRecord }) {
  const { t } = useTranslation()
  const f = a.fields
  const area = (k: 'serviceGoals' | 'serviceStrategy' | 'evaluationMethods') => (
    <div className="field">
      <label htmlFor={`f-${k}`}>{t(`cases:fields.${k}`)}</label>
      <textarea id={`f-${k}`} rows={4} value={f[k]} onChange={(e) => a.set(k, e.target.value)} />
    </div>
  )
  const date = (k: 'workerSignedDate' | 'acceptedDate' | 'opinionReceivedDate' | 'reviewReceivedDate' | 'knewOfActDate' | 'infringementDate') => (
    <div className="field narrow">
      <label htmlFor={`f-${k}`}>{t(`cases:fields.${k}`)}</label>
      <input id={`f-${k}`} type="date" value={f[k]} onChange={(e) => a.set(k, e.target.value)} />
      {a.problems[k] ? <div className="field-error">{messageText(t, { messageKey: a.problems[k]!, params: a.problemParams[k] })}</div> : null}
    </div>
  )
  return (
    <div>
      <SaveState a={a} />
      <section className="card">
        <h2>{t('cases:sections.plan')}</h2>
        {area('serviceGoals')}
        {area('serviceStrategy')}
        {area('evaluationMethods')}
        {date('workerSignedDate')}
      </section>
      <section className="card">
        <h2>{t('cases:sections.procedure')}</h2>
        <p className="hint">{t('cases:procedure.hint')}</p>
        <label className="check">
          <input type="checkbox" checked={f.irrational} onChange={(e) => a.set('irrational', e.target.checked)} />
          {t('cases:fields.irrational')}
        </label>
        <label className="check">
          <input type="checkbox" checked={f.inPetitionProcedure} onChange={(e) => a.set('inPetitionProcedure', e.target.checked)} />
          {t('cases:fields.inPetitionProcedure')}
        </label>
        <div className="field-row">
          {f.inPetitionProcedure ? date('acceptedDate') : null}
          {f.inPetitionProcedure ? (
            <label className="check">
              <input type="checkbox" checked={f.extended} onChange={(e) => a.set('extended', e.target.checked)} />
              {t('cases:fields.extended')}
            </label>
          ) : null}
        </div>
        <div className="field-row">
          {date('opinionReceivedDate')}
          {date('reviewReceivedDate')}
        </div>
        <p className="hint">{t('cases:procedure.theirDeadlinesHint')}</p>
        <div className="field-row">
          {date('knewOfActDate')}
          {date('infringementDate')}
        </div>
        <CaseDeadlines fields={f} record={record} />
      </section>
    </div>
  )
}

/** This case's statutory dates, by the one counting rule of the date module. */
function CaseDeadlines({ fields, record }: { fields: CaseFields; record: CaseRecord }) {
  const { t } = useTranslation()
  const today = localIsoDate(new Date())
  const valid = (d: string) => d === '' || isValidIsoDate(d)
  if (![fields.contactDate, fields.acceptedDate, fields.opinionReceivedDate, fields.reviewReceivedDate, fields.knewOfActDate, fields.infringementDate].every(valid) || !fields.contactDate) return null
  const list = caseDeadlines(record.id, fields, record.diversion?.chosen ?? null, today)
  if (list.length === 0) return null
  return (
    <div className="case-deadlines">
      <h3>{t('cases:today.deadlines')}</h3>
      <ul>
        {list.map((d) => {
          const def = deadlineById(d.id)
          return (
            <li key={d.id} className={d.daysLeft < 0 ? 'muted' : undefined}>
              <span className="mono">{d.due}</span> · {tk(t, def.labelKey)} <span className="muted">（{tk(t, def.articleKey)}）</span>
              {def.caveatKey ? <div className="hint">{tk(t, def.caveatKey)}</div> : null}
            </li>
          )
        })}
      </ul>
      <p className="hint">{t(COUNTING_RULE.statementKey)}</p>
    </div>
  )
}

export function SaveState({ a }: { a: Autosave }) {
  const { t, i18n } = useTranslation()
  // "languageOther" and the like are the 其他 text of the field they belong to.
  const fieldLabel = (f: string) => {
    const own = `cases:fields.${f}`
    const base = `cases:fields.${f.replace(/Other$/, '')}`
    return isI18nKey(own) ? tk(t, own) : isI18nKey(base) ? tk(t, base) : t('cases:autosave.someFields')
  }
  return (
    <div className="save-state" aria-live="polite">
      {a.state.saving ? t('cases:autosave.saving') : a.state.at ? t('cases:autosave.saved', { time: formatDateTime(a.state.at, i18n.language) }) : t('cases:autosave.idle')}
      {a.state.error ? (
        <p role="alert" className="error-text">
          {a.state.retrying
            ? t('cases:autosave.retrying', { reason: messageText(t, a.state.error) })
            : t('cases:autosave.blocked', {
                field: a.state.field ? fieldLabel(a.state.field) : t('cases:autosave.someFields'),
                reason: messageText(t, a.state.error)
              })}
        </p>
      ) : null}
    </div>
  )
}
