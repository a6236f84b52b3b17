import { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { EMOTIONS, STAGES, type Emotion, type InterviewState, type OutputLang, type RiskLevel, type StageId } from '@shared/domain/interview/types'
import {
  STAGE_PLAN,
  buildStageView,
  isHighEmotion,
  suggestedStage
} from '@shared/domain/interview'
import { formatChineseDate } from '@shared/domain/dates'
import { ownWords } from '@shared/domain/interview/people'
import { promisesForInterview } from '@shared/domain/interview/route-promises'
import { crisisStageLines } from '@shared/domain/interview/crisis'
import { call, desk } from '../../app/desk-client'
import { useSession } from '../../app/session-context'
import { AutosaveStore, type SaveState } from '@shared/domain/interview/autosave'
import { CapturePanel } from './CapturePanel'
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
import {
  cycledTab,
  deskCrisis,
  deskReducer,
  initialDeskState,
  latestEmotion as lastReading,
  otherLang,
  steppedStage,
  type Capture,
  type Dialog
} from './desk-state'
import { deskKeyCommand, isTyping } from './desk-keys'
import { messageText, tk, tx, textT } from '../../app/i18n'

const fmtClock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return `${h ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
}

/**
 * The screen beside the worker for the hour: clock, stage, lines, capture, risk — all on the keyboard.
 * Its state is one reducer (desk-state.ts) and its keys one pure map (desk-keys.ts); this component
 * dispatches, sends each change to the main process (a failed write shows its translated error) and
 * keeps the autosave store flushed.
 */
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
  const [state, dispatch] = useReducer(deskReducer, initial, initialDeskState)
  const { lang, stage, suggested, emotions, checks, tab, riskLevel, contacts, accepted, matter, route, followUpDate, people, workForm } = state
  const ended = state.endedAt
  const { crisis: crisisOpen, help: helpOpen, readBack: readBackOpen } = state.open
  const crisis = deskCrisis(state)
  const promises = useMemo(() => promisesForInterview(initial, route), [initial, route])
  const casePeople = useLoad(() => call('cases.people', { caseId: initial.caseId }), [initial.caseId])
  const via = useMemo(() => callVia(casePeople.value?.altContacts ?? []), [casePeople.value])
  const notesRef = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null)
  const gaugeRef = useRef<HTMLDivElement | null>(null)
  const startedAt = useMemo(() => new Date(initial.startedAt).getTime(), [initial.startedAt])
  // What the panels and dialogs report back: stable, like the setters they replace.
  const on = useMemo(
    () => ({
      open: (dialog: Dialog) => dispatch({ type: 'open', dialog }),
      close: (dialog: Dialog) => dispatch({ type: 'close', dialog }),
      risk: (level: RiskLevel) => dispatch({ type: 'risk', level }),
      suggested: (s: StageId) => dispatch({ type: 'suggested', stage: s }),
      outputLang: (l: OutputLang) => dispatch({ type: 'lang', lang: l }),
      capture: (patch: Partial<Capture>) => dispatch({ type: 'capture', patch })
    }),
    []
  )

  useEffect(() => store.onChange((s, at) => dispatch({ type: 'saved', state: s, at })), [store])
  useEffect(() => {
    void send('interview.contacts', {}, 'errors:what.load').then((c) => c && dispatch({ type: 'contacts', contacts: c }))
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

  const latest = lastReading(state)
  const latestEmotion: Emotion = latest?.level ?? 'calm'

  const setStage = useCallback(
    (s: StageId) => {
      dispatch({ type: 'stage', stage: s })
      void send('interview.setStage', { interviewId: id, stage: s }, 'errors:what.stage')
    },
    [id]
  )
  const switchLang = useCallback(
    (l?: OutputLang) => {
      const next = l ?? otherLang(lang)
      if (next === lang) return
      dispatch({ type: 'lang', lang: next })
      void send('interview.setMeta', { interviewId: id, patch: { outputLang: next } }, 'errors:what.meta')
    },
    [id, lang]
  )
  const recordEmotion = (level: Emotion) => {
    dispatch({ type: 'emotion', level, at: new Date().toISOString() })
    void send('interview.emotion', { interviewId: id, level }, 'errors:what.emotion')
  }
  const toggleCheck = (checkId: string) => {
    const checked = !checks.has(checkId)
    dispatch({ type: 'check', checkId, checked, at: new Date().toISOString() })
    void send('interview.check', { interviewId: id, checkId, checked }, 'errors:what.check')
  }

  // The keyboard (desk-keys.ts). A layout effect, so the keys work from the first frame the desk is
  // seen (a passive effect may attach after paint, and an F4 pressed at once would do nothing).
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (shortcutsSuspended()) return
      const command = deskKeyCommand(e, { typing: isTyping(document.activeElement), helpOpen })
      if (!command) return
      // A new walk-in saves first; the key itself is left to the rest of the app, as it always was.
      if (command === 'newWalkIn') return void store.flush().then(onNewWalkIn)
      e.preventDefault()
      e.stopPropagation()
      switch (command) {
        case 'toggleHelp':
          return dispatch({ type: 'toggleHelp' })
        case 'closeHelp':
          return dispatch({ type: 'close', dialog: 'help' })
        case 'crisis':
          return dispatch({ type: 'open', dialog: 'crisis' })
        case 'readBack':
          return dispatch({ type: 'open', dialog: 'readBack' })
        case 'stageNext':
        case 'stagePrev':
          return setStage(steppedStage(stage, command === 'stagePrev'))
        case 'tabNext':
        case 'tabPrev':
          return dispatch({ type: 'tab', tab: cycledTab(tab, command === 'tabPrev') })
        case 'notes':
          dispatch({ type: 'tab', tab: 'notes' })
          setTimeout(() => notesRef.current?.focus(), 0)
          return
        case 'gauge':
          return gaugeRef.current?.querySelector('button')?.focus()
        case 'switchLang':
          return switchLang()
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
      next: tk(tScript, promises.nextKey)
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `store` is read through store.get(); stage and the save time say when its texts may have changed
    [session.displayName, contacts.orgPhone, stage, lang, state.save.at, words, followUpDate, tScript, promises]
  )
  const view = useMemo(() => {
    // The route decides what is said first (a reporter: confidentiality, 第十八条) and what a call promises.
    const v = buildStageView(stage, textT(tScript, 'script'), textT(tLabel), ctx, { workForm, emotion: latest ? latestEmotion : null, promises, callVia: via })
    // No spoken line with an empty slot: without the organisation's phone the phone line is left out.
    const lines = v.lines.filter((l) => !(l.id === 'phone' && !contacts.orgPhone))
    // Crisis mode: the stage script gives way to the crisis lines, in the output language.
    if (crisis) return { ...v, lines: crisisStageLines(crisis.kind, stage).map((k) => ({ id: k, text: tx(tScript, k, ctx as unknown as Record<string, string>, 'script') })) }
    return { ...v, lines }
  }, [stage, tScript, tLabel, ctx, crisis, contacts.orgPhone, workForm, latest, latestEmotion, promises, via])

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
        <Clock startedAt={startedAt} ended={ended} onSuggest={on.suggested} />
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
        <SaveBadge state={state.save.state} at={state.save.at} problem={store.problem} />
        <button type="button" className="iv-readback-btn" onClick={() => on.open('readBack')}>
          {t('interview:closing.readBackShort')} <kbd>F8</kbd>
        </button>
        <button type="button" className="iv-risk" onClick={() => on.open('crisis')} data-testid="crisis-button">
          {t('interview:crisis.button')} <kbd>F9</kbd>
        </button>
        <button type="button" className="link iv-help-btn" onClick={() => on.open('help')} aria-label={t('interview:keys.open')}>
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
                title={latestEmotion === em && latest ? t('interview:emotions.recordedAt', { time: new Date(latest.at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' }), level: t(`interview:emotions.${em}`) }) : undefined}
                onClick={() => recordEmotion(em)}
              >
                <kbd>{i + 1}</kbd>{t(`interview:emotions.${em}`)}
              </button>
            ))}
          </div>
          {isHighEmotion(latestEmotion) ? (
            <Deescalation lang={lang} emotion={latestEmotion} interviewId={id} onCrisis={() => on.open('crisis')} />
          ) : null}
          {!crisis ? <RiskCueHint interviewId={id} store={store} riskLevel={riskLevel} onRisk={on.risk} onCrisis={() => on.open('crisis')} /> : null}
          {!crisis ? <PeoplePrompts people={people} stage={stage} lang={lang} tScript={tScript as unknown as (k: string, p?: Record<string, string>) => string} /> : null}
          <div className="iv-script" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'} data-testid="script-lines">
            <Moments stage={stage} workForm={workForm} tScript={textT(tScript, 'script')} params={ctx as unknown as Record<string, string>} title={`${tx(t, `interview:stages.${stage}`)} · ${crisis ? t('interview:crisis.linesTitle') : t('interview:panel.script')}`}>
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
          setTab={(x) => dispatch({ type: 'tab', tab: x })}
          notesRef={(el) => (notesRef.current = el)}
          contacts={contacts}
          onFinished={(s) => {
            dispatch({ type: 'ended', endedAt: s.endedAt })
            onFinished?.(s)
          }}
          ended={ended}
          accepted={accepted}
          setAccepted={(accepted) => on.capture({ accepted })}
          matter={matter}
          setMatter={(matter) => on.capture({ matter })}
          followUpDate={followUpDate}
          setFollowUpDate={(followUpDate) => on.capture({ followUpDate })}
          route={route}
          setRoute={(route) => on.capture({ route })}
          riskLevel={riskLevel}
          inCrisis={!!crisis}
          workForm={workForm}
          setWorkForm={(workForm) => on.capture({ workForm })}
          people={people}
          setPeople={(people) => on.capture({ people })}
          onOutputLang={on.outputLang}
          tScript={tScript as unknown as (k: string, p?: Record<string, string>) => string}
        />
      </div>

      {crisisOpen ? (
        <CrisisDialog
          interviewId={id}
          contacts={contacts}
          riskLevel={riskLevel}
          onRisk={on.risk}
          onConfirmed={(c) => dispatch({ type: 'crisisConfirmed', kind: c.kind, since: c.since })}
          onClose={() => on.close('crisis')}
        />
      ) : null}
      {helpOpen ? <CheatSheet onClose={() => on.close('help')} /> : null}
      {readBackOpen ? (
        <ReadBackWindow interview={initial} store={store} lang={lang} acceptedNeeds={accepted} followUpDate={followUpDate} onClose={() => on.close('readBack')} />
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
    ? t('interview:save.blocked', { field: tk(t, `interview:fields.${problem.field}`), reason: messageText(t, problem.error) })
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
