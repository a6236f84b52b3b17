import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TodayData, TodayDeadline, TodayFollowUp } from '@shared/domain/case/today'
import type { BackupStatus } from '@shared/domain/supervisor/backup'
import { COUNTING_RULE, deadlineById } from '@shared/domain/dates/deadlines'
import { intlTag } from '../../ui/format'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { CaseTable, RiskBadge } from '../cases'
import { useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { TodayReferrals } from '../referrals'
import { OrgDetailsCard } from './OrgDetailsCard'
import { CaseCrisis } from '../interview'
import { OpinionsCard, ReturnVisitsCard } from '../aftercare'
import { tk } from '../../app/i18n'

/** The worker's day: follow-ups due and overdue, statutory dates approaching, recent and high-risk cases. */
export function TodayScreen() {
  const { t } = useTranslation()
  const { session } = useSession()
  const { go } = useNav()
  // With the service down the page says so (what failed, what is safe) and offers a retry.
  const today = useLoad(() => call('cases.today', {}), [])
  const data: TodayData | null = today.value ?? null
  // The supervisor keeps the backups: remind them here, where every day starts.
  const backupLoad = useLoad(async () => (session.role === 'supervisor' ? call('backup.status', {}) : null), [session.role])
  const backup: BackupStatus | null = backupLoad.value ?? null
  return (
    <div className="page today">
      <div className="today-head">
        <h1>{t('common:today.greeting', { name: session.displayName })}</h1>
        <button type="button" onClick={() => go({ name: 'forms' })}>
          {t('forms:nav.print')}
        </button>
      </div>
      {backup?.due ? (
        <p className="notice" role="status">
          {backup.lastBackupAt ? t('supervisor:backup.due', { days: backup.daysSince ?? 0 }) : t('supervisor:backup.never')}{' '}
          <button type="button" className="link" onClick={() => go({ name: 'backups' })}>
            {t('supervisor:nav.backups')}
          </button>
        </p>
      ) : null}
      <ErrorText error={today.error} kind="read" what={t('errors:what.today')} onRetry={today.reload} />
      <ErrorText error={backupLoad.error} kind="read" onRetry={backupLoad.reload} />
      {session.role === 'supervisor' ? <OrgDetailsCard /> : null}
      {!data ? null : (
        <div className="today-grid">
          <section className="card">
            <h2>{t('cases:today.followUps')}</h2>
            <FollowUpList title={t('cases:today.overdue')} items={data.overdue} className="overdue" />
            <FollowUpList title={t('cases:today.dueToday')} items={data.due} />
            <FollowUpList title={t('cases:today.upcoming')} items={data.upcoming} />
            {data.overdue.length + data.due.length + data.upcoming.length === 0 ? <p className="muted">{t('cases:today.noFollowUps')}</p> : null}
          </section>
          <section className="card">
            <h2>{t('cases:today.deadlines')}</h2>
            {data.deadlines.length === 0 ? <p className="muted">{t('cases:today.noDeadlines')}</p> : <DeadlineList items={data.deadlines} />}
            <p className="hint">{t(COUNTING_RULE.statementKey)}</p>
          </section>
          <TodayReferrals />
          <ReturnVisitsCard />
          <OpinionsCard />
          <TodayCrisis cases={[...data.highRisk.filter((h) => !h.masked), ...data.recent.filter((r) => !data.highRisk.some((h) => h.id === r.id))]} onChanged={today.reload} />
          <section className="card wide">
            <h2>{t('cases:today.highRisk')}</h2>
            <CaseTable rows={data.highRisk} empty={t('cases:today.noHighRisk')} />
          </section>
          <section className="card wide">
            <h2>{t('cases:today.recent')}</h2>
            <CaseTable rows={data.recent} empty={t('common:today.empty')} />
          </section>
        </div>
      )}
    </div>
  )
}

function FollowUpList({ title, items, className }: { title: string; items: TodayFollowUp[]; className?: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  if (items.length === 0) return null
  return (
    <>
      <h3 className={className}>
        {title} ({items.length})
      </h3>
      <ul className="today-list">
        {items.map((f) => (
          <li key={f.id}>
            <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: f.caseId, tab: 'followUps' } })}>
              <span className="mono">{f.dueDate}</span> · {f.caseNo} · {f.masked ? t('people:confidential.maskedLine') : f.name}
            </button>{' '}
            <RiskBadge level={f.riskLevel} /> <span className="muted">{t(`cases:options.followUpKind.${f.kind}`)}</span> {f.note}
          </li>
        ))}
      </ul>
    </>
  )
}

function DeadlineList({ items }: { items: TodayDeadline[] }) {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  return (
    <ul className="today-list">
      {items.map((d) => {
        const def = deadlineById(d.id)
        return (
          <li key={`${d.caseId}-${d.id}`} className={d.daysLeft < 0 ? 'overdue' : undefined}>
            <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: d.caseId } })}>
              <span className="mono">{d.due}</span> · {d.caseNo} · {d.masked ? t('people:confidential.maskedLine') : d.name}
            </button>{' '}
            <RiskBadge level={d.riskLevel} />
            <div>
              {d.whose === 'petitioner' ? <span className="badge" data-testid="their-deadline">{t('cases:today.theirDeadline')}</span> : null} {tk(t, def.labelKey)} <span className="muted">（{tk(t, def.articleKey)}）</span> ·{' '}
              {d.daysLeft < 0 ? t('cases:today.passed', { count: -d.daysLeft }) : d.daysLeft === 0 ? t('cases:today.dueTodayShort') : t('cases:today.daysLeft', { count: d.daysLeft })}
              {d.fallsOnWeekend ? (
                <span className="hint">
                  {' '}
                  {t(COUNTING_RULE.weekendNoteKey, { weekday: new Intl.DateTimeFormat(intlTag(i18n.language), { weekday: 'long' }).format(new Date(`${d.due}T12:00:00`)), next: d.nextWorkingDay })}
                </span>
              ) : null}
            </div>
          </li>
        )
      })}
    </ul>
  )
}

/** The crisis protocol from Today: pick the case (high-risk and recent ones), then the same dialog. */
function TodayCrisis({ cases, onChanged }: { cases: TodayData['recent']; onChanged(): void }) {
  const { t } = useTranslation()
  const [caseId, setCaseId] = useState<number | null>(cases[0]?.id ?? null)
  const c = cases.find((x) => x.id === caseId)
  if (cases.length === 0) return null
  return (
    <section className="card" data-testid="today-crisis">
      <h2>{t('interview:crisis.title')}</h2>
      <label>
        {t('interview:crisis.whichCase')}{' '}
        <select value={caseId ?? ''} onChange={(e) => setCaseId(Number(e.target.value))}>
          {cases.map((x) => (
            <option key={x.id} value={x.id}>
              {x.caseNo} · {x.masked ? t('people:confidential.maskedLine') : x.name}
            </option>
          ))}
        </select>
      </label>{' '}
      {c ? <CaseCrisis caseId={c.id} riskLevel={c.riskLevel} banner={false} onChanged={onChanged} /> : null}
    </section>
  )
}
