import { useTranslation } from 'react-i18next'
import { useNav } from '../../app/nav'
import { useHotkey } from '../../ui/hotkeys'
import { AuditScreen } from './AuditScreen'
import { BackupsScreen } from './BackupsScreen'
import { FiguresScreen } from './FiguresScreen'
import { RetentionScreen } from './RetentionScreen'
import { SignoffScreen } from './SignoffScreen'
import './supervisor.css'

export const SUPERVISOR_TABS = [
  { name: 'signoffs', navKey: 'supervisor:nav.signoffs', component: SignoffScreen },
  { name: 'figures', navKey: 'supervisor:nav.figures', component: FiguresScreen },
  { name: 'audit', navKey: 'supervisor:nav.audit', component: AuditScreen },
  { name: 'backups', navKey: 'supervisor:nav.backups', component: BackupsScreen },
  { name: 'retention', navKey: 'supervisor:nav.retention', component: RetentionScreen }
] as const

/**
 * One entry in the main navigation for the supervisor's tools (the bar must fit 1366 px), with the
 * five screens as tabs: Alt+Shift+1…5 switch between them.
 */
export function SupervisorTabs({ current }: { current: string }) {
  const { t } = useTranslation()
  const nav = useNav()
  SUPERVISOR_TABS.forEach((tab, i) => {
    // eslint-disable-next-line react-hooks/rules-of-hooks
    useHotkey(`Alt+Shift+${i + 1}`, () => nav.go({ name: tab.name }))
  })
  return (
    <div className="sv-tabs" role="tablist" aria-label={t('supervisor:nav.hub')}>
      {SUPERVISOR_TABS.map((tab, i) => (
        <button
          key={tab.name}
          type="button"
          role="tab"
          aria-selected={tab.name === current}
          className={tab.name === current ? 'sv-tab active' : 'sv-tab'}
          onClick={() => nav.go({ name: tab.name })}
          title={`Alt+Shift+${i + 1}`}
        >
          {t(tab.navKey)}
        </button>
      ))}
    </div>
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
