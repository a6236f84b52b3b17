import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupStatus } from '@shared/domain/supervisor/backup'
import { desk } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useHotkey } from '../../ui/hotkeys'
import { AuditScreen } from './AuditScreen'
import { BackupsScreen } from './BackupsScreen'
import { FiguresScreen } from './FiguresScreen'
import { RetentionScreen } from './RetentionScreen'
import { SignoffScreen } from './SignoffScreen'
import { DirectoryScreen, SupervisionScreen } from '../referrals'
import { ReportScreen, SupervisionRecordsScreen, WarningsScreen } from '../aftercare'
import './supervisor.css'
import { reportFailure } from '../../app/calls'

export const SUPERVISOR_TABS = [
  { name: 'signoffs', navKey: 'supervisor:nav.signoffs', component: SignoffScreen },
  { name: 'supervision', navKey: 'supervisor:nav.supervision', component: SupervisionScreen },
  { name: 'figures', navKey: 'supervisor:nav.figures', component: FiguresScreen },
  { name: 'audit', navKey: 'supervisor:nav.audit', component: AuditScreen },
  { name: 'backups', navKey: 'supervisor:nav.backups', component: BackupsScreen },
  { name: 'retention', navKey: 'supervisor:nav.retention', component: RetentionScreen },
  { name: 'directory', navKey: 'supervisor:nav.directory', component: DirectoryScreen },
  { name: 'conferences', navKey: 'aftercare:nav.supervision', component: SupervisionRecordsScreen },
  { name: 'monthlyReport', navKey: 'aftercare:nav.report', component: ReportScreen },
  { name: 'warnings', navKey: 'aftercare:nav.warnings', component: WarningsScreen }
] as const

/**
 * One entry in the main navigation for the supervisor's tools (the bar must fit 1366 px), with the
 * screens as tabs: Alt+Shift+1…9 switch to the first nine; the strip wraps so all ten fit a 1366-pixel screen.
 */
export function SupervisorTabs({ current }: { current: string }) {
  const { t } = useTranslation()
  const nav = useNav()
  SUPERVISOR_TABS.forEach((tab, i) => {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- SUPERVISOR_TABS is a constant: the same hooks run in the same order on every render
    useHotkey(`Alt+Shift+${i + 1}`, () => nav.go({ name: tab.name }), i < 9)
  })
  // The backup reminder shows on every supervisor screen until a backup is made.
  const [backup, setBackup] = useState<BackupStatus | null>(null)
  useEffect(() => {
    void desk.invoke('backup.status', {}).then((r) => (r.ok ? setBackup(r.value) : reportFailure(r, 'errors:what.load')))
  }, [current])
  return (
    <>
    <div className="sv-tabs" role="tablist" aria-label={t('supervisor:nav.hub')}>
      {SUPERVISOR_TABS.map((tab, i) => (
        <button
          key={tab.name}
          type="button"
          role="tab"
          aria-selected={tab.name === current}
          className={tab.name === current ? 'sv-tab active' : 'sv-tab'}
          onClick={() => nav.go({ name: tab.name })}
          title={i < 9 ? `Alt+Shift+${i + 1}` : undefined}
        >
          {t(tab.navKey)}
        </button>
      ))}
    </div>
    {backup?.due && current !== 'backups' ? (
      <p className="sv-banner sv-reminder" role="alert">
        {backup.lastBackupAt ? t('supervisor:backup.due', { days: backup.daysSince ?? 0 }) : t('supervisor:backup.never')}{' '}
        <button type="button" onClick={() => nav.go({ name: 'backups' })}>
          {t('supervisor:backup.export.button')}
        </button>
      </p>
    ) : null}
    </>
  )
}

/** A screen of the supervisor's tools with the tab strip above it. */
export function withTabs(name: string, Screen: () => React.ReactElement) {
  return function Tabbed() {
    return (
      <>
        <SupervisorTabs current={name} />
        <Screen />
      </>
    )
  }
}
