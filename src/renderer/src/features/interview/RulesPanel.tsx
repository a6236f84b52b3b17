import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { COUNTING_RULE, formatChineseDate, isValidIsoDate, isoDateAtOffset, type MatterRoute } from '@shared/domain/dates'
import { buildRule, rulesForCase, type RuleDef } from '@shared/domain/interview/rules'
import { promisesForInterview } from '@shared/domain/interview/route-promises'
import type { InterviewState, OutputLang } from '@shared/domain/interview/types'
import { send } from '../../app/calls'
import { tk, tx, textT } from '../../app/i18n'

/**
 * Plain-language rules with real dates, for THIS case: its own cards first (decided by the recorded
 * route and events, route-promises.ts), the rest folded. A card that counts from a recorded date is
 * dated only once the worker records that date — never from today.
 */
export function RulesPanel({
  interview,
  lang,
  route,
  ruleDates,
  setRuleDates
}: {
  interview: InterviewState
  lang: OutputLang
  route: MatterRoute
  ruleDates: Record<string, string>
  setRuleDates(d: Record<string, string>): void
}) {
  const { t } = useTranslation()
  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const p = promisesForInterview({ ...interview, ruleDates }, route)
  const { own, folded } = rulesForCase(p)
  const visit = isoDateAtOffset(new Date(interview.startedAt))
  // The case's recorded dates, under the rules panel's ids, overlaid by what was recorded here.
  const recorded: Record<string, string> = {
    ...(p.route === 'petition' && interview.caseRoute.events.acceptedDate ? { accepted: interview.caseRoute.events.acceptedDate, extension: interview.caseRoute.events.acceptedDate } : {}),
    ...(interview.caseRoute.events.opinionReceivedDate ? { review: interview.caseRoute.events.opinionReceivedDate } : {}),
    ...(interview.caseRoute.events.reviewReceivedDate ? { recheck: interview.caseRoute.events.reviewReceivedDate } : {}),
    ...(interview.caseRoute.events.knewOfActDate ? { adminReview: interview.caseRoute.events.knewOfActDate } : {}),
    ...(interview.caseRoute.events.infringementDate ? { arbitration: interview.caseRoute.events.infringementDate } : {}),
    ...ruleDates
  }
  const record = (id: string, d: string) => {
    if (!isValidIsoDate(d)) return
    setRuleDates({ ...ruleDates, [id]: d })
    void send('interview.setMeta', { interviewId: interview.id, patch: { ruleDates: { [id]: d } } }, 'errors:what.meta')
  }
  const card = (r: RuleDef) => <RuleCard key={r.id} rule={r} visit={visit} recorded={recorded[r.id]} lang={lang} tScript={textT(tScript, 'script')} onRecord={(d) => record(r.id, d)} />
  return (
    <div className="iv-rules" data-testid="rules" data-route={p.route}>
      <p className="iv-counting">{t(COUNTING_RULE.statementKey)}</p>
      <p className="hint">{t(`interview:rules.routeHint.${p.route === 'unknown' ? 'unknown' : 'known'}`, { route: t(`interview:routes.${p.route}`) })}</p>
      {!p.sixtyDay ? <p className="hint">{t('interview:rules.hidden60')}</p> : null}
      <div data-testid="rules-own">{own.map(card)}</div>
      {folded.length ? (
        <details className="iv-rules-folded" data-testid="rules-folded">
          <summary>{t('interview:rules.others', { count: folded.length })}</summary>
          {folded.map(card)}
        </details>
      ) : null}
      <p className="iv-say hint" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}>{tk(tScript, COUNTING_RULE.scriptKey)}</p>
    </div>
  )
}

function RuleCard({
  rule: r,
  visit,
  recorded,
  lang,
  tScript,
  onRecord
}: {
  rule: RuleDef
  visit: string
  recorded: string | undefined
  lang: OutputLang
  tScript: (k: string, p?: Record<string, string>) => string
  onRecord(d: string): void
}) {
  const { t } = useTranslation()
  const fromRecorded = r.startsFrom === 'recorded'
  const from = fromRecorded ? (recorded && isValidIsoDate(recorded) ? recorded : null) : visit
  const v = buildRule(r, from, (d) => formatChineseDate(d))
  return (
    <article className="iv-rule" data-rule={r.id}>
      <header>
        <strong>{tk(t, v.labelKey)}</strong>
        <span className="iv-article">{v.articleKeys.map((k) => tk(t, k)).join('；')}</span>
      </header>
      {fromRecorded ? (
        <label className="iv-rule-from">
          {tx(t, `interview:rules.${r.id}.from`)}{' '}
          <input type="date" value={from ?? ''} onChange={(e) => onRecord(e.target.value)} data-from={r.id} />
          {!from ? <span className="hint"> {t('interview:rules.recordToDate')}</span> : null}
        </label>
      ) : null}
      <p className="iv-say" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}>{tScript(v.scriptKey, v.params)}</p>
      {v.dates.length ? (
        <ul className="iv-dates">
          {v.dates.map((d) => (
            <li key={d.id + d.due}>
              {tx(t, `interview:deadlines.${d.id}.label`)}：<strong>{t('interview:rules.dueOn', { date: d.due, weekday: tx(t, `interview:weekday.${d.dueWeekday}`) })}</strong>
              {d.fallsOnWeekend ? <span className="iv-weekend"> {tx(t, COUNTING_RULE.weekendNoteKey, { weekday: tx(t, `interview:weekday.${d.dueWeekday}`), next: d.nextWorkingDay })}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {v.caveatKeys.map((k) => <p key={k} className="hint">{tk(t, k)}</p>)}
    </article>
  )
}
