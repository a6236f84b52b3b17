import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SUBJECT_KINDS, type SubjectKind } from '@shared/domain/aftercare/early-warning'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { Field } from '../../ui/Field'
import { NO_AUTOFILL } from '../../ui/no-autofill'
import { ReturnVisitsPanel } from './ReturnVisits'

/**
 * A case's "after the visit" tab: its return visits (scheduled by closing or transfer) and what the
 * case is about — the employer, estate, village or project — for the early warning across cases.
 */
export function CaseAftercarePanel({ caseId, languages }: { caseId: number; languages: readonly string[] }) {
  // The script speaks the first recorded language it can (普通话 or 粵語); the worker may switch.
  const first = languages.find((l) => l === 'putonghua' || l === 'cantonese')
  return (
    <div className="aftercare-panel">
      <ReturnVisitsPanel caseId={caseId} scriptLang={first === 'cantonese' ? 'yue-HK' : 'zh-CN'} />
      <SubjectsPanel caseId={caseId} />
    </div>
  )
}

function SubjectsPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation()
  const list = useLoad(() => call('subjects.forCase', { caseId }), [caseId])
  const [kind, setKind] = useState<SubjectKind>('employer')
  const [name, setName] = useState('')
  const names = useLoad(() => call('subjects.names', { kind }), [kind])
  const c = useCall()
  const add = async () => {
    const r = await c.run(() => call('subjects.add', { caseId, kind, name }))
    if (r) {
      setName('')
      list.reload()
      names.reload()
    }
  }
  const remove = async (subjectId: number) => {
    const r = await c.run(() => call('subjects.remove', { caseId, subjectId }))
    if (r) list.reload()
  }
  return (
    <section className="card wide">
      <h2>{t('aftercare:subjects.title')}</h2>
      <p className="hint">{t('aftercare:subjects.intro')}</p>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      <ul className="subject-list">
        {(list.value ?? []).map((s) => (
          <li key={s.id}>
            <span className="badge">{t(`aftercare:subjects.kinds.${s.kind}`)}</span> {s.name}{' '}
            <button type="button" className="link" onClick={() => void remove(s.id)}>
              {t('aftercare:subjects.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <Field label={t('aftercare:subjects.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as SubjectKind)}>
              {SUBJECT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`aftercare:subjects.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('aftercare:subjects.name')}>
          {(id) => (
            <>
              <input id={id} list={`${id}-names`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} {...NO_AUTOFILL} />
              <datalist id={`${id}-names`}>
                {(names.value ?? []).map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <button type="submit" disabled={!name.trim() || c.busy}>
          {t('aftercare:subjects.add')}
        </button>
      </form>
      <ErrorText error={c.error} />
    </section>
  )
}
