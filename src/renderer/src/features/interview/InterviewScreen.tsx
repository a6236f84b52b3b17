import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InterviewState, OutputLang } from '@shared/domain/interview/types'
import { OUTPUT_LANGS } from '@shared/domain/interview/types'
import { call, CallError } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { InterviewDesk } from './InterviewDesk'
import './interview.css'

/** Interviews started in this window, by case: coming back to the route resumes, never restarts. */
const startedForCase = new Map<number, number>()
let current: number | null = null

/**
 * Route 'interview': params.interviewId resumes one; params.caseId starts (or resumes) one for a
 * case; no params = a new walk-in (Ctrl+Shift+N from anywhere, then Enter).
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
    const resume = interviewId ?? (caseId ? startedForCase.get(caseId) : undefined)
    const load = resume
      ? call('interview.get', { interviewId: resume })
      : caseId
        ? call('interview.start', { caseId })
        : null
    if (!load) return
    load
      .then((s) => {
        if (caseId) startedForCase.set(caseId, s.id)
        current = s.id
        setState(s)
      })
      .catch((e) => setError(e instanceof CallError ? e.error.messageKey : 'errors:internal'))
  }, [interviewId, caseId])

  const start = async (name: string, lang: OutputLang) => {
    try {
      const s = await call('interview.start', { petitionerName: name.trim() || t('interview:start.unnamed'), outputLang: lang })
      current = s.id
      setState(s)
      setWalkIn(false)
    } catch (e) {
      setError(e instanceof CallError ? e.error.messageKey : 'errors:internal')
    }
  }

  if (error) return <div className="page"><p className="error-text" role="alert">{t(error)}</p></div>
  if (walkIn || !state) {
    if (!walkIn) return <div className="boot" aria-busy="true">{t('common:loading')}</div>
    return (
      <StartWalkIn
        defaultLang={session.locale === 'yue-HK' ? 'yue-HK' : 'zh-CN'}
        onStart={start}
        resumeId={current}
        onResume={async () => {
          if (!current) return
          setState(await call('interview.get', { interviewId: current }))
          setWalkIn(false)
        }}
      />
    )
  }
  return (
    <InterviewDesk
      key={state.id}
      initial={state}
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
  resumeId,
  onResume
}: {
  defaultLang: OutputLang
  onStart(name: string, lang: OutputLang): void
  resumeId: number | null
  onResume(): void
}) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [lang, setLang] = useState<OutputLang>(defaultLang)
  const [busy, setBusy] = useState(false)
  return (
    <div className="page iv-start">
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault()
          if (busy) return
          setBusy(true)
          onStart(name, lang)
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
        <button type="submit" className="primary" disabled={busy}>
          {t('interview:start.go')} <kbd>Enter</kbd>
        </button>
        {resumeId ? (
          <button type="button" className="link" onClick={onResume}>
            {t('interview:start.resume')}
          </button>
        ) : null}
        <p className="hint">{t('interview:start.hint')}</p>
      </form>
    </div>
  )
}
