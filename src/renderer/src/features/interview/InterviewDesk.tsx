import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import {
  EMOTIONS,
  STAGES,
  type Emotion,
  type InterviewState,
  type OutputLang,
  type CrisisKind,
  type RiskLevel,
  type StageId
} from '@shared/domain/interview/types'
import {
  STAGE_PLAN,
  buildStageView,
  isHighEmotion,
  suggestedStage
} from '@shared/domain/interview'
import { formatChineseDate, type MatterRoute } from '@shared/domain/dates'
import { ownWords, type InterviewPeople } from '@shared/domain/interview/people'
import { promisesForInterview } from '@shared/domain/interview/route-promises'
import { crisisActive, crisisStageLines } from '@shared/domain/interview/crisis'
import { call, desk } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { AutosaveStore, type SaveState } from '@shared/domain/interview/autosave'
import { CapturePanel, TABS, type Tab } from './CapturePanel'
import { Deescalation } from './Deescalation'
import { Moments } from './Moments'
import { CrisisDialog } from './CrisisDialog'
import { RiskCueHint } from './RiskCueHint'
import { CheatSheet } from './CheatSheet'
import { PeoplePrompts } from './PeoplePanel'
import { ReadBackWindow } from './ReadBack'
import { send, useLoad } from '../../app/calls'
import { callVia } from '@shared/domain/case/people-extras'
import { shortcutsSuspended } from '../../ui/hotkeys'

export interface Contacts {
  orgName: string
  orgPhone: string
  orgAddress: string
  dutyPhone: string
  siteContacts: { label: string; phone: string }[]
}

const isTyping = (el: Element | null) =>
  !!el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && !['radio', 'checkbox', 'button'].includes((el as HTMLInputElement).type)) || (el as HTMLElement).isContentEditable)


const fmtClock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return `${h ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
}

/** The screen beside the worker for the hour: clock, stage, lines, capture, risk — all on the keyboard. */
export function InterviewDesk({
  initial,
  onNewWalkIn,
  onFinished
}: {
  initial: InterviewState
  onNewWalkIn(): void
  /** The contact ended: the screen becomes the read-only record (with the Form A proposal). */
  onFinished?(s: InterviewState): void
}) {
  const { t } = useTranslation()
  const { session } = useSession()
  const id = initial.id
  const store = useMemo(
    () =>
      new AutosaveStore(
        (changes) => call('interview.save', { interviewId: id, changes }),
        { texts: initial.texts, revisions: initial.revisions }
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one store per interview: `initial` is only its starting texts, a new object on every load
    [id]
  )
  const [lang, setLang] = useState<OutputLang>(initial.outputLang)
  const [stage, setStageState] = useState<StageId>(initial.stage)
  const [emotions, setEmotions] = useState(initial.emotions)
  const [checks, setChecks] = useState(() => new Map(initial.checks.filter((c) => c.checked).map((c) => [c.checkId, c.at])))
  const [tab, setTab] = useState<Tab>('notes')
  const [suggested, setSuggested] = useState<StageId>('rapport')
  const [crisisOpen, setCrisisOpen] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)
  const [readBackOpen, setReadBackOpen] = useState(false)
  const [riskLevel, setRiskLevel] = useState<RiskLevel>(initial.riskLevel)
  const [lastCrisis, setLastCrisis] = useState<{ kind: CrisisKind; since: string } | null>(initial.crisis)
  // Crisis mode: a confirmed risk while the case's level stays high or critical.
  const crisis = crisisActive(lastCrisis, riskLevel)
  const [saveState, setSaveState] = useState<{ s: SaveState; at: string | null }>({ s: 'idle', at: null })
  const [contacts, setContacts] = useState<Contacts>({ orgName: '', orgPhone: '', orgAddress: '', dutyPhone: '', siteContacts: [] })
  const [ended, setEnded] = useState(initial.endedAt)
  const [accepted, setAccepted] = useState<string[]>(initial.acceptedNeeds)
  const [matter, setMatter] = useState<string>(initial.matterType)
  const [route, setRoute] = useState<MatterRoute>((initial.route as MatterRoute) || 'unknown')
  const promises = useMemo(() => promisesForInterview(initial, route), [initial, route])
  const casePeople = useLoad(() => call('cases.people', { caseId: initial.caseId }), [initial.caseId])
  const via = useMemo(() => callVia(casePeople.value?.altContacts ?? []), [casePeople.value])
  const [followUpDate, setFollowUpDate] = useState<string | null>(initial.followUpDate)
  const [people, setPeople] = useState<InterviewPeople>(initial.people)
  const [workForm, setWorkForm] = useState(initial.workForm)
  const notesRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null)
  const gaugeRef = useRef<HTMLDivElement | null>(null)
  const startedAt = useMemo(() => new Date(initial.startedAt).getTime(), [initial.startedAt])

  useEffect(() => store.onChange((s, at) => setSaveState({ s, at })), [store])
  useEffect(() => {
    void send('interview.contacts', {}, 'errors:what.load').then((c) => c && setContacts(c))
  }, [])
  // Nothing typed is lost: flush on leaving the screen, closing the window, or the desk locking.
  useEffect(() => {
    const flush = () => void store.flush()
    window.addEventListener('beforeunload', flush)
    window.addEventListener('pagehide', flush)
    const off = desk.on('session.locked', flush)
    return () => {
      window.removeEventListener('beforeunload', flush)
      window.removeEventListener('pagehide', flush)
      off()
      void store.flush().then(() => store.dispose())
    }
  }, [store])

  const latestEmotion: Emotion = emotions.length ? emotions[emotions.length - 1].level : 'calm'

  const setStage = useCallback(
    (s: StageId) => {
      setStageState(s)
      void send('interview.setStage', { interviewId: id, stage: s }, 'errors:what.stage')
    },
    [id]
  )
  const switchLang = useCallback(
    (l?: OutputLang) => {
      setLang((cur) => {
        const next = l ?? (cur === 'zh-CN' ? 'yue-HK' : 'zh-CN')
        if (next !== cur) void send('interview.setMeta', { interviewId: id, patch: { outputLang: next } }, 'errors:what.meta')
        return next
      })
    },
    [id]
  )
  const recordEmotion = useCallback(
    (level: Emotion) => {
      const at = new Date().toISOString()
      setEmotions((e) => [...e, { level, at }])
      void send('interview.emotion', { interviewId: id, level }, 'errors:what.emotion')
    },
    [id]
  )
  const toggleCheck = useCallback(
    (checkId: string) => {
      setChecks((m) => {
        const next = new Map(m)
        const checked = !next.has(checkId)
        if (checked) next.set(checkId, new Date().toISOString())
        else next.delete(checkId)
        void send('interview.check', { interviewId: id, checkId, checked }, 'errors:what.check')
        return next
      })
    },
    [id]
  )

  // The keyboard: F-keys work while typing; single keys (?, digits on the gauge) only outside text.
  // A layout effect, so the keys work from the first frame the desk is seen (a passive effect may
  // attach after paint, and an F4 pressed at once would do nothing).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (shortcutsSuspended() || e.isComposing || e.keyCode === 229) return
      const typing = isTyping(document.activeElement)
      const k = e.key
      const handled = () => {
        e.preventDefault()
        e.stopPropagation()
      }
      if (k === 'F1' || (k === '?' && !typing)) return handled(), setHelpOpen((o) => !o)
      if (k === 'F9') return handled(), setCrisisOpen(true)
      if (k === 'F8') return handled(), setReadBackOpen(true)
      if (k === 'F2') {
        handled()
        const i = STAGES.indexOf(stage)
        setStage(STAGES[Math.max(0, Math.min(STAGES.length - 1, i + (e.shiftKey ? -1 : 1)))])
        return
      }
      if (k === 'F3') {
        handled()
        const i = TABS.indexOf(tab)
        setTab(TABS[(i + (e.shiftKey ? TABS.length - 1 : 1)) % TABS.length])
        return
      }
      if (k === 'F4') {
        handled()
        setTab('notes')
        setTimeout(() => notesRef.current?.focus(), 0)
        return
      }
      if (k === 'F6') return handled(), gaugeRef.current?.querySelector('button')?.focus()
      if (e.altKey && !e.ctrlKey && (e.code === 'KeyL' || k.toLowerCase() === 'l')) return handled(), switchLang()
      if (e.ctrlKey && e.shiftKey && (e.code === 'KeyN' || k.toLowerCase() === 'n')) {
        void store.flush().then(onNewWalkIn)
        return
      }
      if (k === 'Escape') {
        if (helpOpen) return handled(), setHelpOpen(false)
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [stage, tab, helpOpen, setStage, switchLang, store, onNewWalkIn])

  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const tLabel = t
  // Lines are filled from what was captured; a gap stays a visible "……" for the worker to say. The
  // matter is the petitioner's own words said whole (never a form category, never a cut note): with
  // none, the line asks instead. What happens next is what the route allows, never the worker's plan.
  const words = ownWords({ ownWords: store.get('ownWords'), surfaceDemand: store.get('surfaceDemand') }) ?? ''
  const ctx = useMemo(
    () => ({
      worker: session.displayName,
      name: store.get('petitionerName') || store.get('subject') || '……',
      matter: words,
      date: followUpDate ? formatChineseDate(followUpDate) : '……',
      phone: contacts.orgPhone || '……',
      demand: words,
      next: tScript(promises.nextKey)
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `store` is read through store.get(); stage and saveState.at say when its texts may have changed
    [session.displayName, contacts.orgPhone, stage, lang, saveState.at, words, followUpDate, tScript, promises]
  )
  const view = useMemo(() => {
    // The route decides what is said first (a reporter: confidentiality, 第十八条) and what a call promises.
    const v = buildStageView(stage, tScript, tLabel, ctx, { workForm, emotion: emotions.length ? latestEmotion : null, promises, callVia: via })
    // No spoken line with an empty slot: without the organisation's phone the phone line is left out.
    const lines = v.lines.filter((l) => !(l.id === 'phone' && !contacts.orgPhone))
    // Crisis mode: the stage script gives way to the crisis lines, in the output language.
    if (crisis) return { ...v, lines: crisisStageLines(crisis.kind, stage).map((k) => ({ id: k, text: tScript(k, ctx as unknown as Record<string, string>) })) }
    return { ...v, lines }
  }, [stage, tScript, tLabel, ctx, crisis, contacts.orgPhone, workForm, emotions.length, latestEmotion, promises, via])

  return (
    <div className={`iv${crisis ? ' iv-in-crisis' : ''}`} data-testid="interview" data-lang={lang}>
      {crisis ? (
        <div className="crisis-banner" role="alert" data-testid="crisis-banner">
          <strong>{t('interview:crisis.mode', { kind: t(`interview:crisis.kinds.${crisis.kind}`), level: t(`interview:risk.${crisis.level}`) })}</strong>{' '}
          {contacts.dutyPhone ? t('interview:crisis.callDuty', { phone: contacts.dutyPhone }) : t('interview:crisis.noDutyPhone')}{' '}
          <span className="hint">{t('interview:crisis.modeHint')}</span>
        </div>
      ) : null}
      <div className="iv-strip" role="toolbar" aria-label={t('interview:clock.title')}>
        <span className="iv-case">
          <span>{t('interview:case.caseNo', { caseNo: initial.caseNo })}</span>
          <span>{t('interview:case.workCount', { n: initial.workCount })}</span>
        </span>
        <Clock startedAt={startedAt} ended={ended} onSuggest={setSuggested} />
        {crisis ? <span className="hint" data-testid="stage-suggestions-paused" title={t('interview:crisis.suggestionsPaused')} aria-label={t('interview:crisis.suggestionsPaused')}>⏸</span> : null}
        <div className="iv-stages" role="tablist" aria-label={t('interview:panel.script')}>
          {STAGES.map((s, i) => (
            <button
              key={s}
              type="button"
              role="tab"
              aria-selected={stage === s}
              className={`iv-stage${stage === s ? ' active' : ''}${suggested === s && stage !== s && !crisis ? ' suggested' : ''}`}
              onClick={() => setStage(s)}
              title={`${t('interview:stages.range', { from: STAGE_PLAN[s].from, to: STAGE_PLAN[s].to })}${suggested === s && !crisis ? ` · ${t('interview:stages.suggested', { stage: t(`interview:stages.${s}`) })}` : ''}`}
            >
              {i + 1}. {t(`interview:stages.${s}`)}
            </button>
          ))}
        </div>
        <div className="iv-lang" role="group" aria-label={t('interview:outputLang.label')}>
          {(['zh-CN', 'yue-HK'] as const).map((l) => (
            <button key={l} type="button" aria-pressed={lang === l} className={lang === l ? 'active' : ''} onClick={() => switchLang(l)} title={t('interview:outputLang.switchHint')}>
              {t(`interview:outputLang.${l}`)}
            </button>
          ))}
          <kbd>Alt+L</kbd>
        </div>
        <SaveBadge state={saveState.s} at={saveState.at} problem={store.problem} />
        <button type="button" className="iv-readback-btn" onClick={() => setReadBackOpen(true)}>
          {t('interview:closing.readBackShort')} <kbd>F8</kbd>
        </button>
        <button type="button" className="iv-risk" onClick={() => setCrisisOpen(true)} data-testid="crisis-button">
          {t('interview:crisis.button')} <kbd>F9</kbd>
        </button>
        <button type="button" className="link iv-help-btn" onClick={() => setHelpOpen(true)} aria-label={t('interview:keys.open')}>
          ? <kbd>F1</kbd>
        </button>
      </div>

      <div className="iv-body">
        <section className="iv-left" aria-label={t('interview:panel.script')}>
          <div className="iv-gauge" ref={gaugeRef} role="group" aria-label={t('interview:emotions.label')}
            onKeyDown={(e) => {
              const n = Number(e.key)
              if (n >= 1 && n <= EMOTIONS.length && !e.nativeEvent.isComposing) {
                e.preventDefault()
                recordEmotion(EMOTIONS[n - 1])
              }
            }}>
            <span className="iv-gauge-label">{t('interview:emotions.label')} <kbd>F6</kbd></span>
            {EMOTIONS.map((em, i) => (
              <button
                key={em}
                type="button"
                className={`iv-emo iv-emo-${em}${latestEmotion === em && emotions.length ? ' active' : ''}`}
                aria-pressed={latestEmotion === em && emotions.length > 0}
                title={latestEmotion === em && emotions.length ? t('interview:emotions.recordedAt', { time: new Date(emotions[emotions.length - 1].at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }), level: t(`interview:emotions.${em}`) }) : undefined}
                onClick={() => recordEmotion(em)}
              >
                <kbd>{i + 1}</kbd>{t(`interview:emotions.${em}`)}
              </button>
            ))}
          </div>
          {isHighEmotion(latestEmotion) ? (
            <Deescalation lang={lang} emotion={latestEmotion} interviewId={id} onCrisis={() => setCrisisOpen(true)} />
          ) : null}
          {!crisis ? <RiskCueHint interviewId={id} store={store} riskLevel={riskLevel} onRisk={setRiskLevel} onCrisis={() => setCrisisOpen(true)} /> : null}
          {!crisis ? <PeoplePrompts people={people} stage={stage} lang={lang} tScript={tScript as unknown as (k: string, p?: Record<string, string>) => string} /> : null}
          <div className="iv-script" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'} data-testid="script-lines">
            <Moments stage={stage} workForm={workForm} tScript={tScript} params={ctx as unknown as Record<string, string>} title={`${t(`interview:stages.${stage}`)} · ${crisis ? t('interview:crisis.linesTitle') : t('interview:panel.script')}`}>
              <ol>
                {view.lines.map((l) => (
                  <li key={l.id} data-line={l.id}>{l.text}</li>
                ))}
              </ol>
            </Moments>
          </div>
          <div className="iv-checks">
            <h3>{t('interview:panel.checks')}</h3>
            <div className="iv-checks-grid">
            {view.checks.map((c) => (
              <label key={c.id} className="iv-check">
                <input type="checkbox" checked={checks.has(c.id)} onChange={() => toggleCheck(c.id)} data-check={c.id} />
                <span>{c.label}</span>
                {checks.get(c.id) ? <time className="hint">{new Date(checks.get(c.id)!).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}</time> : null}
              </label>
            ))}
            </div>
          </div>
        </section>

        <CapturePanel
          interview={initial}
          store={store}
          lang={lang}
          tab={tab}
          setTab={setTab}
          notesRef={(el) => (notesRef.current = el)}
          contacts={contacts}
          onFinished={(s) => {
            setEnded(s.endedAt)
            onFinished?.(s)
          }}
          ended={ended}
          accepted={accepted}
          setAccepted={setAccepted}
          matter={matter}
          setMatter={setMatter}
          followUpDate={followUpDate}
          setFollowUpDate={setFollowUpDate}
          route={route}
          setRoute={setRoute}
          riskLevel={riskLevel}
          inCrisis={!!crisis}
          workForm={workForm}
          setWorkForm={setWorkForm}
          people={people}
          setPeople={setPeople}
          onOutputLang={setLang}
          tScript={tScript as unknown as (k: string, p?: Record<string, string>) => string}
        />
      </div>

      {crisisOpen ? (
        <CrisisDialog
          interviewId={id}
          contacts={contacts}
          riskLevel={riskLevel}
          onRisk={setRiskLevel}
          onConfirmed={(c) => setLastCrisis({ kind: c.kind, since: c.since })}
          onClose={() => setCrisisOpen(false)}
        />
      ) : null}
      {helpOpen ? <CheatSheet onClose={() => setHelpOpen(false)} /> : null}
      {readBackOpen ? (
        <ReadBackWindow interview={initial} store={store} lang={lang} acceptedNeeds={accepted} followUpDate={followUpDate} onClose={() => setReadBackOpen(false)} />
      ) : null}
    </div>
  )
}

function Clock({ startedAt, ended, onSuggest }: { startedAt: number; ended: string | null; onSuggest(s: StageId): void }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (ended) return
    const h = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(h)
  }, [ended])
  const elapsed = (ended ? new Date(ended).getTime() : now) - startedAt
  const suggested = suggestedStage(elapsed)
  useEffect(() => onSuggest(suggested), [suggested, onSuggest])
  return (
    <span className="iv-clock" role="timer" aria-live="off">
      <strong data-testid="clock">{fmtClock(elapsed)}</strong>
    </span>
  )
}

function SaveBadge({ state, at, problem }: { state: SaveState; at: string | null; problem: AutosaveStore['problem'] }) {
  const { t } = useTranslation()
  const time = at ? new Date(at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : ''
  // A save retrying cannot fix names the field and the reason; the text stays in its box.
  const text = problem
    ? t('interview:save.blocked', { field: t(`interview:fields.${problem.field}`), reason: t(problem.error.messageKey, problem.error.params) })
    : state === 'saving'
      ? t('interview:save.saving')
      : state === 'error'
        ? t('interview:save.error')
        : at
          ? t('interview:save.saved', { time })
          : ''
  return (
    <span className={`iv-save iv-save-${state}`} role={problem ? "alert" : "status"} data-testid="save-state" data-state={state}>
      {text}
    </span>
  )
}
