import type { IsoDate } from '../dates'
import { lineKey, checkKey } from './catalogue'
import { deadlineScriptKey, petitionerDeadlines, type RoutePromises } from './route-promises'
import { NO_WORDS_LINE, empathyKey, ownWords, stageCheckIds, stageLineIds } from './people'
import type { Emotion, StageId, WorkForm } from './types'
import { followUpCallLine, type CallVia } from '../case/people-extras'

export type Translate = (key: string, params?: Record<string, string | number>) => string

export interface SummaryInput {
  surfaceDemand: string
  /** The matter in the petitioner's own words (preferred to the surface demand when sayable). */
  ownWords?: string
  acceptedNeeds: readonly string[]
  /** The worker's plan: a note, never spliced into what is said (kept for callers; unused). */
  followUpPlan?: string
  followUpDate: IsoDate | null
  orgPhone: string
  /** What the recorded route and events allow us to promise (route-promises.ts). */
  promises: RoutePromises
  /** Follow-up calls go to this alternative contact (people-extras.ts callVia), else to the petitioner. */
  callVia?: CallVia | null
}


/**
 * The accepted needs as one list inside a spoken sentence: every fragment is a plain noun phrase
 * (script:needs.*), joined with 、 and the last one with 和 / 同埋, so 「我哋仲傾到法律援助、
 * 證據同文件同埋住嘅地方。」 reads as a sentence. Used by the summary, the read-back and the handout.
 */
export function joinNeeds(needs: readonly string[], t: Translate): string {
  const items = needs.map((n) => t(`script:needs.${n}`))
  if (items.length < 2) return items.join('')
  return items.slice(0, -1).join(t('script:summary.listSeparator')) + t('script:summary.listLast') + items[items.length - 1]
}

/**
 * The closing summary in the output language, built from what was captured ("today we made clear
 * that your main concern is …; next we will …; I will call you on <date>"). `t` translates in the
 * script namespace of the OUTPUT language; the worker edits the draft freely afterwards.
 */
export function draftSummary(input: SummaryInput, t: Translate, formatDate: (d: IsoDate) => string): string {
  const parts: string[] = []
  // The petitioner's words said back whole, or a sentence without them: a note is never cut to fit.
  const words = ownWords({ ownWords: input.ownWords ?? '', surfaceDemand: input.surfaceDemand })
  parts.push(words ? t('script:summary.demand', { demand: words }) : t('script:summary.demandUnclear'))
  if (input.acceptedNeeds.length) {
    parts.push(t('script:summary.needs', { needs: joinNeeds(input.acceptedNeeds, t) }))
  }
  // What happens next is what the route allows us to promise, in the output language; the worker's
  // own plan (a note, maybe in another language) stays in the record and is never spliced in.
  parts.push(t('script:summary.next', { next: t(input.promises.nextKey) }))
  // The petitioner's own deadlines (复查/复核 windows, 行政复议, 仲裁时效): said once recorded.
  for (const d of petitionerDeadlines(input.promises)) parts.push(t(deadlineScriptKey(d.id), { date: formatDate(d.due) }))
  // The call names the alternative contact when there is one, and promises news only where the route allows.
  if (input.followUpDate) parts.push(followUpCallLine('summary', { date: formatDate(input.followUpDate), progressNews: input.promises.progressNews, via: input.callVia ?? null }, t))
  if (input.orgPhone) parts.push(t('script:summary.phone', { phone: input.orgPhone }))
  parts.push(t('script:summary.thanks'))
  return parts.join('')
}

export interface StageLineContext {
  worker: string
  name: string
  /** The petitioner's own words for the matter ('' when none: the line asks instead). */
  matter: string
  date: string
  phone: string
  /** The demand in the petitioner's words, said whole ('' when none). */
  demand: string
  next: string
}

export interface StageView {
  stage: StageId
  lines: { id: string; text: string }[]
  checks: { id: string; label: string }[]
}

export interface StageViewOptions {
  /** A phone contact gets the phone lines (no seat, no water). */
  workForm?: WorkForm | string
  /** The emotion the worker recorded last: the empathy line follows it. */
  emotion?: Emotion | null
  /** What the route allows (route-promises.ts): a reporter hears confidentiality first; what a call promises. */
  promises?: RoutePromises
  /** Follow-up calls go to this alternative contact (people-extras.ts callVia). */
  callVia?: CallVia | null
}

/** The script panel for one stage in one language (pure, so a language switch is just a rebuild). */
export function buildStageView(stage: StageId, tScript: Translate, tLabel: Translate, ctx: StageLineContext, opts: StageViewOptions = {}): StageView {
  const params = ctx as unknown as Record<string, string>
  const workForm = opts.workForm ?? 'faceToFace'
  // A slot without the petitioner's words: the sibling line that needs none (never a category).
  const lineId = (id: string) => (NO_WORDS_LINE[id] && (id === 'confirm' ? !ctx.matter : !ctx.demand) ? NO_WORDS_LINE[id] : id)
  const key = (id: string) => (stage === 'emotion' && id === 'feel' ? empathyKey(opts.emotion ?? null) : lineKey(stage, id))
  const p = opts.promises
  // A reporter of an official hears about confidentiality and retaliation first (rapport and policy stages).
  const opening = p && (stage === 'rapport' || stage === 'policy') ? p.openingKeys.map((k) => ({ id: k.replace(/^script:/, ''), text: tScript(k, params) })) : []
  // The call-back line: to the alternative contact when there is one; progress news only where the route allows.
  const text = (id: string) =>
    stage === 'closing' && id === 'callBack' && p
      ? followUpCallLine('closing', { date: ctx.date, progressNews: p.progressNews, via: opts.callVia ?? null }, tScript)
      : tScript(key(lineId(id)), params)
  return {
    stage,
    lines: [...opening, ...stageLineIds(stage, workForm).map((id) => ({ id, text: text(id) }))],
    checks: stageCheckIds(stage, workForm).map((id) => ({ id, label: tLabel(checkKey(id)) }))
  }
}
