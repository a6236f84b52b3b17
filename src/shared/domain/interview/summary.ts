import type { IsoDate } from '../dates'
import { gist } from '../../text/characters'
import { STAGE_CHECKS, STAGE_LINES, lineKey, checkKey } from './catalogue'
import { deadlineScriptKey, petitionerDeadlines, type RoutePromises } from './route-promises'
import type { StageId } from './types'

export type Translate = (key: string, params?: Record<string, string | number>) => string

export interface SummaryInput {
  surfaceDemand: string
  acceptedNeeds: readonly string[]
  followUpPlan: string
  followUpDate: IsoDate | null
  orgPhone: string
  /** What the recorded route and events allow us to promise (route-promises.ts). */
  promises: RoutePromises
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
  // First clause only, so a long demand does not become a paragraph in a spoken sentence.
  const demand = gist(input.surfaceDemand, 60)
  parts.push(demand ? t('script:summary.demand', { demand }) : t('script:summary.demandUnclear'))
  if (input.acceptedNeeds.length) {
    parts.push(t('script:summary.needs', { needs: joinNeeds(input.acceptedNeeds, t) }))
  }
  const next = gist(input.followUpPlan, 120)
  parts.push(t('script:summary.next', { next: next || t(input.promises.nextKey) }))
  // The petitioner's own deadlines (复查/复核 windows, 行政复议, 仲裁时效): said once recorded.
  for (const d of petitionerDeadlines(input.promises)) parts.push(t(deadlineScriptKey(d.id), { date: formatDate(d.due) }))
  if (input.followUpDate) parts.push(t('script:summary.call', { date: formatDate(input.followUpDate) }))
  if (input.orgPhone) parts.push(t('script:summary.phone', { phone: input.orgPhone }))
  parts.push(t('script:summary.thanks'))
  return parts.join('')
}

export interface StageLineContext {
  worker: string
  name: string
  matter: string
  date: string
  phone: string
  demand: string
  next: string
}

export interface StageView {
  stage: StageId
  lines: { id: string; text: string }[]
  checks: { id: string; label: string }[]
}

/** The script panel for one stage in one language (pure, so a language switch is just a rebuild). */
export function buildStageView(stage: StageId, tScript: Translate, tLabel: Translate, ctx: StageLineContext): StageView {
  const params = ctx as unknown as Record<string, string>
  return {
    stage,
    lines: STAGE_LINES[stage].map((id) => ({ id, text: tScript(lineKey(stage, id), params) })),
    checks: STAGE_CHECKS[stage].map((id) => ({ id, label: tLabel(checkKey(id)) }))
  }
}
