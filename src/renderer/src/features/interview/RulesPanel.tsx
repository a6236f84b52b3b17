import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import { COUNTING_RULE, formatChineseDate, isValidIsoDate, localIsoDate, sixtyDayRuleApplies, type MatterRoute } from '@shared/domain/dates'
import { buildRule, rulesForRoute } from '@shared/domain/interview/rules'
import type { InterviewState, OutputLang } from '@shared/domain/interview/types'
import { call } from '../../app/desk-client'

/**
 * Plain-language rules with real dates: from today (the visit) or a date the worker records. The
 * counting rule is stated once at the top. The 60-day rule is shown only for the petition route.
 */
export function RulesPanel({ interview, lang, route }: { interview: InterviewState; lang: OutputLang; route: MatterRoute }) {
  const { t } = useTranslation()
  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const today = localIsoDate(new Date())
  const [dates, setDates] = useState<Record<string, string>>(interview.ruleDates)
  const rules = rulesForRoute(route)
  const fmt = (d: string) => formatChineseDate(d)
  return (
    <div className="iv-rules" data-testid="rules">
      <p className="iv-counting">{t(COUNTING_RULE.statementKey)}</p>
      {!sixtyDayRuleApplies(route) ? <p className="hint">{t('interview:rules.hidden60')}</p> : null}
      {rules.map((r) => {
        const recorded = r.startsFrom === 'recorded'
        const from = recorded && dates[r.id] && isValidIsoDate(dates[r.id]) ? dates[r.id] : today
        const v = buildRule(r, from, fmt)
        return (
          <article key={r.id} className="iv-rule" data-rule={r.id}>
            <header>
              <strong>{t(v.labelKey)}</strong>
              <span className="iv-article">{v.articleKeys.map((k) => t(k)).join('；')}</span>
            </header>
            {recorded ? (
              <label className="iv-rule-from">
                {t(`interview:rules.${r.id}.from`)}{' '}
                <input
                  type="date"
                  value={from}
                  onChange={(e) => {
                    const d = e.target.value
                    if (!isValidIsoDate(d)) return
                    setDates((x) => ({ ...x, [r.id]: d }))
                    void call('interview.setMeta', { interviewId: interview.id, patch: { ruleDates: { [r.id]: d } } }).catch(() => {})
                  }}
                />
              </label>
            ) : null}
            <p className="iv-say" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}>{tScript(v.scriptKey, v.params)}</p>
            {v.dates.length ? (
              <ul className="iv-dates">
                {v.dates.map((d) => (
                  <li key={d.id + d.due}>
                    {t(`interview:deadlines.${d.id}.label`)}：<strong>{t('interview:rules.dueOn', { date: d.due, weekday: t(`interview:weekday.${d.dueWeekday}`) })}</strong>
                    {d.fallsOnWeekend ? <span className="iv-weekend"> {t(COUNTING_RULE.weekendNoteKey, { weekday: t(`interview:weekday.${d.dueWeekday}`), next: d.nextWorkingDay })}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {v.caveatKeys.map((k) => <p key={k} className="hint">{t(k)}</p>)}
          </article>
        )
      })}
      <p className="iv-say hint" lang={lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}>{tScript(COUNTING_RULE.scriptKey)}</p>
    </div>
  )
}
