import { useTranslation } from 'react-i18next'
import { WARNING_DEFAULTS } from '@shared/domain/aftercare/early-warning'
import { call } from '../../app/desk-client'
import { useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { ErrorText } from '../../ui/ErrorText'
import './aftercare.css'

/**
 * Supervisors: several recent cases about the same employer, estate, village or project, or a matter
 * type rising above its usual months (5.1 f) — with the cases behind each, as a prompt to look and to
 * consider reporting upward (第二十五条). Never a decision, and never a list of people (第十八条).
 */
export function WarningsScreen() {
  const { t } = useTranslation()
  const { go } = useNav()
  const w = useLoad(() => call('warnings.get', {}), [])
  const label = (kind: string, l: string) => (kind === 'matter' ? t(`cases:options.needs.${l}`, { defaultValue: l }) : l)
  return (
    <div className="page aftercare">
      <h1>{t('aftercare:warnings.title')}</h1>
      <p className="sv-small">{t('aftercare:warnings.intro', { days: WARNING_DEFAULTS.windowDays, min: WARNING_DEFAULTS.minCases })}</p>
      <p className="notice">{t('aftercare:warnings.notADecision')}</p>
      <ErrorText error={w.error} kind="read" onRetry={w.reload} />
      {w.value && w.value.signals.length === 0 ? <p className="muted">{t('aftercare:warnings.none', { date: w.value.today })}</p> : null}
      {(w.value?.signals ?? []).map((s) => (
        <section key={`${s.kind}-${s.key}`} className="card wide warning">
          <h2>
            <span className="badge">{t(`aftercare:warnings.kinds.${s.kind}`)}</span> {label(s.kind, s.label)}
          </h2>
          <p>
            {s.pattern === 'cluster'
              ? t('aftercare:warnings.cluster', { count: s.count, days: WARNING_DEFAULTS.windowDays })
              : t('aftercare:warnings.rising', { count: s.count, days: WARNING_DEFAULTS.windowDays, baseline: s.baseline })}
          </p>
          <p className="muted">{t('aftercare:warnings.trend', { counts: s.trend.join(' → ') })}</p>
          <p className="hint">{t('aftercare:warnings.prompt')}</p>
          <ul className="warning-cases">
            {s.cases.map((c) => (
              <li key={c.caseId}>
                <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: c.caseId } })}>
                  {c.caseNo}
                </button>{' '}
                <span className="mono muted">{c.date}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
