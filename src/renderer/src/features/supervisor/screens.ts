import type { ScreenDef } from '../../app/routes'
import { SUPERVISOR_TABS, withTabs } from './SupervisorHub'

/**
 * The supervisor feature's screens, by route name, all supervisor-only (the main process refuses
 * workers too). One navigation entry ("督导工作") opens the sign-off queue; the five screens are tabs.
 */
const tabbed = Object.fromEntries(
  SUPERVISOR_TABS.map((tab) => [tab.name, { component: withTabs(tab.name, tab.component), access: 'supervisor' } satisfies ScreenDef])
)

export const supervisorScreens: Record<string, ScreenDef> = {
  ...tabbed,
  supervisor: { component: withTabs('signoffs', SUPERVISOR_TABS[0].component), navKey: 'supervisor:nav.hub', hotkey: 'Alt+9', access: 'supervisor' }
}
