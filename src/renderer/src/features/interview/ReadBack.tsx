import { useEffect, useMemo, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { formatChineseDate } from '@shared/domain/dates'
import { FIVE_W } from '@shared/domain/interview/catalogue'
import { joinNeeds } from '@shared/domain/interview/summary'
import type { InterviewState, OutputLang } from '@shared/domain/interview/types'
import { call } from '../../app/desk-client'
import type { AutosaveStore } from '@shared/domain/interview/autosave'
import { findVoice, loadVoices, speak, stopSpeaking } from './speech'
import { send } from '../../app/calls'
import { shortcutsSuspended } from '../../ui/hotkeys'
import { tx } from '../../app/i18n'

/**
 * 当面核对: the petitioner-facing view, in a second window the worker can drag to the monitor
 * facing the visitor (browser mode: a same-origin window we render into, so it updates live). If
 * the window cannot open (blocked, or the desktop shell denies it), the view fills this window and
 * Esc returns. Large type, the output language, calm: no risk words, no worker's judgements
 * (notes, personality, assessment stay on the worker's side).
 */
export function ReadBackWindow({
  interview,
  store,
  lang,
  acceptedNeeds,
  followUpDate,
  onClose
}: {
  interview: InterviewState
  store: AutosaveStore
  lang: OutputLang
  acceptedNeeds: string[]
  followUpDate: string | null
  onClose(): void
}) {
  const { t } = useTranslation()
  const [container, setContainer] = useState<HTMLElement | null>(null)
  const [blocked, setBlocked] = useState(false)
  // Desktop shell: the main process shows the view in its own window (it reads the saved texts).
  const [onScreen, setOnScreen] = useState(false)
  const [voice, setVoice] = useState<string | null | undefined>(undefined)
  // Tell the worker up front whether this machine can read aloud in the output language.
  useEffect(() => {
    let live = true
    void loadVoices().then((v) => live && setVoice(findVoice(lang, v)?.name ?? null))
    return () => {
      live = false
    }
  }, [lang])

  useEffect(() => {
    let live = true
    let cleanup: (() => void) | undefined
    void call('interview.openReadBack', { interviewId: interview.id })
      .catch(() => ({ opened: false }))
      .then((r) => {
        if (!live) return
        if (r.opened) {
          setOnScreen(true)
          cleanup = () => void send('interview.closeReadBack', {}, 'errors:what.readBack')
        } else cleanup = openOwnWindow()
      })
    return () => {
      live = false
      cleanup?.()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open the second window once per mount: reopening it on every change of `interview` would flash it
  }, [])

  // The second window reads what is saved: keep saving while it is open, so corrections show within a second.
  useEffect(() => {
    if (!onScreen) return
    const h = setInterval(() => void store.flush().catch(() => {}), 1000)
    return () => clearInterval(h)
  }, [onScreen, store])

  /** Browser mode: a same-origin window we render into (or, when blocked, this window). */
  function openOwnWindow(): (() => void) | undefined {
    const w = window.open('', 'desk-readback', 'popup,width=1100,height=800')
    void send('interview.event', { interviewId: interview.id, kind: 'readBack', detail: w ? 'window' : 'inline' }, 'errors:what.event')
    if (!w) {
      setBlocked(true)
      return
    }
    const doc = w.document
    doc.title = i18next.getFixedT(lang, 'script')('readback.title')
    doc.documentElement.lang = lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'
    for (const el of Array.from(document.querySelectorAll('link[rel="stylesheet"], style'))) {
      const copy = doc.importNode(el, true) as HTMLElement
      if (copy instanceof HTMLLinkElement) copy.href = (el as HTMLLinkElement).href
      doc.head.appendChild(copy)
    }
    doc.body.className = 'rb-window'
    doc.body.innerHTML = ''
    const root = doc.createElement('div')
    doc.body.appendChild(root)
    setContainer(root)
    const closed = () => onClose()
    w.addEventListener('pagehide', closed)
    return () => {
      w.removeEventListener('pagehide', closed)
      stopSpeaking()
      w.close()
    }
  }

  useEffect(() => {
    if (!blocked) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.isComposing && !shortcutsSuspended()) {
        e.preventDefault()
        onClose()
      }
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [blocked, onClose])

  const view = <ReadBackView interviewId={interview.id} store={store} lang={lang} acceptedNeeds={acceptedNeeds} followUpDate={followUpDate} />
  if (blocked)
    return (
      <div className="rb-overlay" role="dialog" aria-modal="true">
        <p className="hint rb-worker-note">{t('interview:readback.blocked')}</p>
        {view}
      </div>
    )
  if (!onScreen && !container) return null
  return (
    <>
      <div className="iv-toast" role="status">
        {t('interview:readback.opened')}{' '}
        {voice === undefined ? null : voice ? (
          <span>{t('interview:readback.voiceOk', { voice })}</span>
        ) : (
          <span data-testid="worker-no-voice">{t('interview:readback.noVoice', { lang: t(`interview:outputLang.${lang}`) })}</span>
        )}{' '}
        <button type="button" className="link" onClick={onClose}>{t('interview:keys.close')}</button>
      </div>
      {container && !onScreen ? createPortal(view, container) : null}
    </>
  )
}

/** Where the view reads its texts: the live autosave store, or (second window) the last fetched view. */
export type TextSource = Pick<AutosaveStore, 'snapshot'>

function useStoreTexts(store: TextSource): Record<string, string> {
  const [texts, setTexts] = useState(() => store.snapshot())
  useEffect(() => {
    // Follow the worker's corrections as they are made (every half second is live enough).
    const h = setInterval(() => setTexts(store.snapshot()), 500)
    return () => clearInterval(h)
  }, [store])
  return texts
}

export function ReadBackView({
  interviewId,
  store,
  lang,
  acceptedNeeds,
  followUpDate
}: {
  interviewId: number
  store: TextSource
  lang: OutputLang
  acceptedNeeds: string[]
  followUpDate: string | null
}) {
  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const tLabel = useMemo(() => i18next.getFixedT(lang, 'interview'), [lang])
  const texts = useStoreTexts(store)
  const [voiceMsg, setVoiceMsg] = useState<string | null>(null)
  const [speaking, setSpeaking] = useState(false)
  const sections: { heading: string; body: string }[] = []
  if (texts.surfaceDemand?.trim()) sections.push({ heading: tScript('readback.demand'), body: texts.surfaceDemand.trim() })
  const what = FIVE_W.map((f) => (texts[f]?.trim() ? `${tLabel(`fields.${f}`)}：${texts[f].trim()}` : '')).filter(Boolean).join('\n')
  if (what) sections.push({ heading: tScript('readback.what'), body: what })
  if (acceptedNeeds.length)
    sections.push({ heading: tScript('readback.needs'), body: joinNeeds(acceptedNeeds, (k, o) => tx(tScript, k, o, 'script')) })
  if (texts.summary?.trim()) sections.push({ heading: tScript('readback.next'), body: texts.summary.trim() })
  else if (texts.followUpPlan?.trim()) sections.push({ heading: tScript('readback.next'), body: texts.followUpPlan.trim() })
  if (followUpDate) sections.push({ heading: tScript('readback.callBack'), body: formatChineseDate(followUpDate) })

  const readAloud = async () => {
    if (speaking) {
      stopSpeaking()
      setSpeaking(false)
      return
    }
    const voice = findVoice(lang, await loadVoices())
    if (!voice) {
      setVoiceMsg(tScript('readback.noVoice'))
      return
    }
    setVoiceMsg(null)
    setSpeaking(true)
    void send('interview.event', { interviewId, kind: 'readAloud', detail: lang }, 'errors:what.event')
    speak([tScript('readback.title'), ...sections.map((s) => `${s.heading}。${s.body}`)].join('\n'), voice, () => setSpeaking(false))
  }

  return (
    <main className="rb" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'} data-testid="readback">
      <h1>{tScript('readback.title')}</h1>
      <p className="rb-intro">{tScript('readback.intro')}</p>
      {sections.length ? (
        sections.map((s) => (
          <section key={s.heading}>
            <h2>{s.heading}</h2>
            <p>{s.body}</p>
          </section>
        ))
      ) : (
        <p>{tScript('readback.empty')}</p>
      )}
      <div className="rb-actions">
        <button
          type="button"
          className="rb-fullscreen"
          onClick={(e) => {
            // The button lives in whichever window shows the view (the second window, or this one).
            const doc = e.currentTarget.ownerDocument
            if (doc.fullscreenElement) void doc.exitFullscreen()
            else void doc.documentElement.requestFullscreen?.().catch(() => {})
          }}
        >
          {tScript('readback.fullscreen')}
        </button>
        <button type="button" onClick={() => void readAloud()} data-testid="read-aloud">
          {speaking ? tScript('readback.stop') : tScript('readback.readAloud')}
        </button>
        {voiceMsg ? <p className="rb-voice" role="status" data-testid="no-voice">{voiceMsg}</p> : null}
      </div>
    </main>
  )
}
