import { CRISIS_KINDS, CRISIS_STEPS } from '../interview'
import { CUE_KINDS } from '../interview/risk-cues'

/**
 * Some reasons and log details are written by the app itself, not typed by a person: a risk level
 * raised by the crisis dialog is stored with the reason `crisis.selfHarm`, a crisis step as
 * `group:calmGroup`. They are stored as tokens (the record does not change with the language) and
 * must be shown as words: this gives the i18n key for such a token (and, in `nested`, the keys of
 * its parameters), or null for text a person typed (shown as typed).
 */
export function storedReasonKey(reason: string): { key: string; nested?: Record<string, string> } | null {
  const crisis = /^crisis\.([A-Za-z]+)$/.exec(reason)
  if (crisis && (CRISIS_KINDS as readonly string[]).includes(crisis[1])) {
    return { key: 'cases:risk.fromCrisis', nested: { kind: `interview:crisis.kinds.${crisis[1]}` } }
  }
  // A risk level raised on the worker's answer to a risk cue (interview/risk-cues.ts).
  const cue = /^riskCue\.([A-Za-z]+)$/.exec(reason)
  if (cue && (CUE_KINDS as readonly string[]).includes(cue[1])) {
    return { key: 'interview:riskCue.reason', nested: { kind: `interview:riskCue.kinds.${cue[1]}` } }
  }
  const step = /^([A-Za-z]+):([A-Za-z0-9]+)$/.exec(reason)
  if (step && (CRISIS_KINDS as readonly string[]).includes(step[1])) {
    const kind = step[1] as (typeof CRISIS_KINDS)[number]
    if ((CRISIS_STEPS[kind] as readonly string[]).includes(step[2])) return { key: `interview:crisis.steps.${kind}.${step[2]}` }
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
