import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { findRiskCues, suggestedLevel, type RiskCue } from '@shared/domain/interview/risk-cues'
import type { AutosaveStore } from '@shared/domain/interview/autosave'
import type { RiskLevel, TextField } from '@shared/domain/interview/types'
import { send } from '../../app/calls'

/** The fields where the petitioner's own words are written down. */
const WATCHED: readonly TextField[] = ['notes', 'wWhat', 'wWhy', 'wHow', 'surfaceDemand', 'experience']
const RANK: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical']

/**
 * Indirect signs of risk in what the worker typed: a suggestion to raise the risk level, with the
 * phrase noticed. It never raises the level itself and never stands in the way of typing (it reads
 * the text after autosave); the answer (raise / not now) is recorded without the text.
 */
export function RiskCueHint({
  interviewId,
  store,
  riskLevel,
  onRisk,
  onCrisis
}: {
  interviewId: number
  store: AutosaveStore
  riskLevel: RiskLevel
  onRisk(l: RiskLevel): void
  onCrisis(): void
}) {
  const { t } = useTranslation()
  const [tick, setTick] = useState(0)
  const [answered, setAnswered] = useState<Set<string>>(new Set())
  const [raised, setRaised] = useState<RiskCue | null>(null)
  useEffect(() => store.onChange(() => setTick((n) => n + 1)), [store])
  const cues = useMemo(
    () => WATCHED.flatMap((f) => findRiskCues(store.get(f))),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, tick]
  )
  const open = cues.find((c) => !answered.has(`${c.kind}:${c.phrase}`) && RANK.indexOf(riskLevel) < RANK.indexOf(suggestedLevel(c.kind)))
  const answer = async (c: RiskCue, a: 'raise' | 'dismiss') => {
    setAnswered((s) => new Set(s).add(`${c.kind}:${c.phrase}`))
    const r = await send('interview.riskCue', { interviewId, kind: c.kind, answer: a }, 'errors:what.riskCue')
    if (r && a === 'raise') {
      onRisk(r.riskLevel)
      setRaised(c)
    }
  }
  if (raised && !open)
    return (
      <div className="iv-cue" role="status" data-testid="risk-cue-raised">
        {t('interview:riskCue.raised', { level: t(`interview:risk.${riskLevel}`) })}{' '}
        <button type="button" onClick={onCrisis}>{t('interview:riskCue.openCrisis')}</button>
      </div>
    )
  if (!open) return null
  const level = suggestedLevel(open.kind)
  return (
    <div className="iv-cue" role="status" aria-live="polite" data-testid="risk-cue" data-cue={open.kind}>
      <strong>{t('interview:riskCue.noticed', { phrase: open.phrase })}</strong>{' '}
      {t(`interview:riskCue.kinds.${open.kind}`)} · {t('interview:riskCue.suggest', { level: t(`interview:risk.${level}`) })}{' '}
      <button type="button" className="primary" onClick={() => void answer(open, 'raise')} data-testid="risk-cue-raise">
        {t('interview:riskCue.raise', { level: t(`interview:risk.${level}`) })}
      </button>{' '}
      <button type="button" onClick={() => void answer(open, 'dismiss')} data-testid="risk-cue-dismiss">
        {t('interview:riskCue.dismiss')}
      </button>
    </div>
  )
}
