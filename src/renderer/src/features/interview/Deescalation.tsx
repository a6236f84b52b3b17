import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { AVOID_PHRASES, AVOID_SHOWN, PAUSE_SECONDS, suggestsCrisis } from '@shared/domain/interview/catalogue'
import { deescalationKeys } from '@shared/domain/interview/people'
import type { Emotion, OutputLang } from '@shared/domain/interview/types'
import { send } from '../../app/calls'
import { tk, tx, textT } from '../../app/i18n'

/** When emotion runs high: empathic lines, a visible pause timer, and what not to say. */
export function Deescalation({ lang, emotion, interviewId, onCrisis }: { lang: OutputLang; emotion: Emotion; interviewId: number; onCrisis(): void }) {
  const { t } = useTranslation()
  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const [until, setUntil] = useState<number | null>(null)
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    if (!until) return
    const h = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(h)
  }, [until])
  const left = until ? Math.max(0, Math.ceil((until - now) / 1000)) : null
  const startPause = (sec: number) => {
    setUntil(Date.now() + sec * 1000)
    setNow(Date.now())
    void send('interview.event', { interviewId, kind: 'pause', detail: String(sec) }, 'errors:what.event')
  }
  return (
    <div className="iv-deesc" data-testid="deescalation" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}>
      <div className="iv-deesc-head">
        <strong>{t('interview:deesc.title')}</strong>
        <span className="iv-pause">
          {left !== null && left > 0 ? (
            <span className="iv-pause-left" role="timer" data-testid="pause-left">{t('interview:deesc.pauseLeft', { sec: left })}</span>
          ) : left === 0 ? (
            <span>{t('interview:deesc.pauseDone')}</span>
          ) : null}
          {PAUSE_SECONDS.map((s) => (
            <button key={s} type="button" onClick={() => startPause(s)}>{t(s === 60 ? 'interview:deesc.pause1' : 'interview:deesc.pause2')}</button>
          ))}
        </span>
      </div>
      <ul className="iv-empathy">
        {/* The empathy line for the emotion the worker picked, then the pause and listening lines. */}
        {deescalationKeys(emotion).map((k) => <li key={k} data-line={k}>{tk(tScript, k)}</li>)}
      </ul>
      <div className="iv-avoid" data-testid="avoid-list">
        <span className="iv-avoid-title">{t('interview:deesc.avoidTitle')}</span>
        {AVOID_PHRASES.slice(0, AVOID_SHOWN).map((k) => <AvoidItem key={k} id={k} tScript={textT(tScript, 'script')} />)}
        <details className="iv-avoid-more">
          <summary>{t('interview:deesc.avoidMore', { n: AVOID_PHRASES.length })}</summary>
          {AVOID_PHRASES.map((k) => <AvoidItem key={k} id={k} tScript={textT(tScript, 'script')} full />)}
        </details>
      </div>
      {suggestsCrisis(emotion) ? (
        <button type="button" className="link" onClick={onCrisis}>{t('interview:deesc.crisisHint')}</button>
      ) : null}
    </div>
  )
}

/**
 * One 不要说 item: the category and the example struck through; in full (under "all"), also the
 * better line — the same data the guard uses when it flags typed text.
 */
function AvoidItem({ id, tScript, full = false }: { id: string; tScript: (k: string) => string; full?: boolean }) {
  const { t } = useTranslation()
  const better = tScript(`guard.${id}`)
  return (
    <span className="iv-avoid-item" data-avoid={id} title={full ? undefined : better}>
      <span className="iv-avoid-name">{tx(t, `interview:guard.name.${id}`)}</span> <s>{tx(tScript, `script:avoid.${id}`)}</s>
      {full ? <> → {better}</> : null}
    </span>
  )
}
