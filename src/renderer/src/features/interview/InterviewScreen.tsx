import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterviewState, OutputLang, UnfinishedInterview, WorkForm } from '@shared/domain/interview/types'
import { COLLECTIVE_MIN_PEOPLE } from '@shared/domain/case/options'
import { OUTPUT_LANGS } from '@shared/domain/interview/types'
import { call, CallError } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { formatDateTime } from '../../ui/format'
import { InterviewDesk } from './InterviewDesk'
import { EndedContact } from './EndedContact'
import { messageText } from '../../app/i18n'
import './interview.css'

/**
 * Interviews started in this window, by case: coming back to the case's 开始会谈 while one is still
 * open resumes it; once it has ended, 开始会谈 starts the next contact (第N+1次), never the ended one.
 */
const startedForCase = new Map<number, number>()

/**
 * Route 'interview': params.interviewId opens one (an ended contact read-only); params.caseId starts
 * (or resumes an open) one for a case; no params = a new walk-in (Ctrl+Shift+N from anywhere, then
 * Enter), with this worker's contacts that were started and not ended offered for resumption.
 */
export function InterviewScreen() {
  const { t } = useTranslation()
  const { route } = useNav()
  const { session } = useSession()
  const interviewId = Number(route.params?.interviewId) || null
  const caseId = Number(route.params?.caseId) || null
  const [state, setState] = useState<InterviewState | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [walkIn, setWalkIn] = useState(!interviewId && !caseId)
  const once = useRef(false)

  useEffect(() => {
    if (once.current) return
    once.current = true
    const load = async (): Promise<InterviewState | null> => {
      if (interviewId) return call('interview.get', { interviewId })
      if (!caseId) return null
      const open = startedForCase.get(caseId)
      if (open) {
        const s = await call('interview.get', { interviewId: open })
        if (!s.endedAt) return s
      }
      return call('interview.start', { caseId })
    }
    load()
      .then((s) => {
        if (!s) return
        if (caseId) startedForCase.set(caseId, s.id)
        setState(s)
      })
      .catch((e) => setError(e instanceof CallError ? e.error.messageKey : 'errors:internal'))
  }, [interviewId, caseId])

  const start = async (name: string, lang: OutputLang, workForm: WorkForm, headcount: number | null) => {
    try {
      const s = await call('interview.start', {
        petitionerName: name.trim() || t('interview:start.unnamed'),
        outputLang: lang,
        workForm,
        ...(headcount != null ? { headcount } : {})
      })
      setState(s)
      setWalkIn(false)
    } catch (e) {
      setError(e instanceof CallError ? e.error.messageKey : 'errors:internal')
    }
  }

  if (error) return <div className="page"><p className="error-text" role="alert">{messageText(t, { messageKey: error })}</p></div>
  if (walkIn || !state) {
    if (!walkIn) return <div className="boot" aria-busy="true">{t('common:loading')}</div>
    return (
      <StartWalkIn
        defaultLang={session.locale === 'yue-HK' ? 'yue-HK' : 'zh-CN'}
        onStart={start}
        onResume={async (id) => {
          try {
            setState(await call('interview.get', { interviewId: id }))
            setWalkIn(false)
          } catch (e) {
            setError(e instanceof CallError ? e.error.messageKey : 'errors:internal')
          }
        }}
      />
    )
  }
  // An ended contact is a finished record: read-only, corrected only on purpose.
  if (state.endedAt) return <EndedContact key={`ended-${state.id}`} initial={state} />
  return (
    <InterviewDesk
      key={state.id}
      initial={state}
      onFinished={setState}
      onNewWalkIn={() => {
        setState(null)
        setWalkIn(true)
      }}
    />
  )
}

function StartWalkIn({
  defaultLang,
  onStart,
  onResume
}: {
  defaultLang: OutputLang
  onStart(name: string, lang: OutputLang, workForm: WorkForm, headcount: number | null): void
  onResume(interviewId: number): void
}) {
  const { t, i18n } = useTranslation()
  // Contacts this worker started and did not end (after a restart too): offered, never resumed by themselves.
  const [unfinished, setUnfinished] = useState<UnfinishedInterview[]>([])
  useEffect(() => {
    void call('interview.unfinished', {}).then(setUnfinished, () => setUnfinished([]))
  }, [])
  const [name, setName] = useState('')
  const [lang, setLang] = useState<OutputLang>(defaultLang)
  const [workForm, setWorkForm] = useState<WorkForm>('faceToFace')
  const [count, setCount] = useState('')
  const headcount = Number(count) >= 1 ? Number(count) : null
  const [busy, setBusy] = useState(false)
  return (
    <div className="page iv-start">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault()
          if (busy) return
          setBusy(true)
          onStart(name, lang, workForm, workForm === 'faceToFace' ? headcount : null)
        }}
      >
        <h1>{t('interview:start.title')}</h1>
        <div className="field">
          <label htmlFor="iv-start-name">{t('interview:start.name')}</label>
          <input id="iv-start-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <fieldset className="iv-langs">
          <legend>{t('interview:start.lang')}</legend>
          {OUTPUT_LANGS.map((l) => (
            <label key={l} className="check">
              <input type="radio" name="iv-lang" checked={lang === l} onChange={() => setLang(l)} />
              {t(`interview:outputLang.${l}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="iv-langs">
          <legend>{t('interview:start.workForm')}</legend>
          {(['faceToFace', 'phone'] as const).map((w) => (
            <label key={w} className="check">
              <input type="radio" name="iv-work-form" checked={workForm === w} onChange={() => setWorkForm(w)} data-work-form={w} />
              {t(`interview:meta.workForms.${w}`)}
            </label>
          ))}
        </fieldset>
        {workForm === 'faceToFace' ? (
          <div className="field">
            <label htmlFor="iv-start-count">{t('interview:start.headcount')}</label>
            <input id="iv-start-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value.normalize('NFKC').replace(/\D/g, ''))} />
            {headcount != null && headcount >= COLLECTIVE_MIN_PEOPLE ? <p className="hint notice">{t('interview:start.collectiveNote', { count: headcount })}</p> : null}
          </div>
        ) : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('interview:start.go')} <kbd>Enter</kbd>
        </button>
        <p className="hint">{t('interview:start.hint')}</p>
      </form>
      {unfinished.length ? (
        <section className="card" data-testid="unfinished">
          <h2>{t('interview:start.unfinished')}</h2>
          <p className="hint">{t('interview:start.unfinishedHint')}</p>
          <ul>
            {unfinished.map((u) => (
              <li key={u.id}>
                <button type="button" className="link" onClick={() => onResume(u.id)}>
                  {t('interview:start.resumeOne', { caseNo: u.caseNo, name: u.masked ? t('people:confidential.maskedLine') : u.name, n: u.workCount, when: formatDateTime(u.startedAt, i18n.language) })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  )
}
