import { CRISIS_KINDS, CRISIS_STEPS } from '../interview'
import { CUE_KINDS } from '../interview/risk-cues'
import { isI18nKey, type I18nKey } from '../../i18n/keys'

/**
 * Some reasons and log details are written by the app itself, not typed by a person: a risk level
 * raised by the crisis dialog is stored with the reason `crisis.selfHarm`, a crisis step as
 * `group:calmGroup`. They are stored as tokens (the record does not change with the language) and
 * must be shown as words: this gives the i18n key for such a token (and, in `nested`, the keys of
 * its parameters), or null for text a person typed (shown as typed).
 */
export function storedReasonKey(reason: string): { key: I18nKey; nested?: Record<string, I18nKey> } | null {
  const crisis = /^crisis\.([A-Za-z]+)$/.exec(reason)
  const kindKey = crisis && `interview:crisis.kinds.${crisis[1]}`
  if (crisis && (CRISIS_KINDS as readonly string[]).includes(crisis[1]) && kindKey && isI18nKey(kindKey)) {
    return { key: 'cases:risk.fromCrisis', nested: { kind: kindKey } }
  }
  // A risk level raised on the worker's answer to a risk cue (interview/risk-cues.ts).
  const cue = /^riskCue\.([A-Za-z]+)$/.exec(reason)
  const cueKey = cue && `interview:riskCue.kinds.${cue[1]}`
  if (cue && (CUE_KINDS as readonly string[]).includes(cue[1]) && cueKey && isI18nKey(cueKey)) {
    return { key: 'interview:riskCue.reason', nested: { kind: cueKey } }
  }
  const step = /^([A-Za-z]+):([A-Za-z0-9]+)$/.exec(reason)
  if (step && (CRISIS_KINDS as readonly string[]).includes(step[1])) {
    const kind = step[1] as (typeof CRISIS_KINDS)[number]
    const key = `interview:crisis.steps.${kind}.${step[2]}`
    if ((CRISIS_STEPS[kind] as readonly string[]).includes(step[2]) && isI18nKey(key)) return { key }
  }
  return null
}

/** Text that looks like an i18n key (`ns:a.b`, `a.b.c`) or an error code (UPPER_SNAKE): never to be shown. */
export function looksLikeKeyOrCode(text: string): string | null {
  const m =
    /\b[a-z][A-Za-z]*:[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+\b/.exec(text) ??
    /(?<![\w.@/-])[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*\.[a-z][A-Za-z0-9]*(?![\w/-])/.exec(text) ??
    /\b[A-Z]{2,}(_[A-Z]+)+\b/.exec(text) ??
    /\((BAD_ARGS|IO|LOCKED|FORBIDDEN|INTERNAL|CONFLICT)\)/.exec(text) ??
    /(?<![\w.])(crisis|interview|cases|errors|common|session|supervisor|forms|script)\.[a-z][A-Za-z]+\b/.exec(text) ??
    /\b(common|session|errors|cases|interview|forms|supervisor|script):/.exec(text) ??
    /(?<![\w.@/-])[a-z]+\.[a-z]+[A-Z][A-Za-z]*\b/.exec(text)
  return m ? m[0] : null
}
