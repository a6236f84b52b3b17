import type { ScreenDef } from '../../app/routes'
import { ArchiveScreen } from './ArchiveScreen'
import { RegisterScreen } from './RegisterScreen'
import { LendingScreen } from './LendingScreen'

/** The records clerk's desk (档案管理): for clerks and supervisors; the main process refuses workers too. */
export const archiveScreens: Record<string, ScreenDef> = {
  archive: { component: ArchiveScreen, navKey: 'archive:nav.queue', hotkey: 'Alt+5', roles: ['clerk', 'supervisor'] },
  register: { component: RegisterScreen, navKey: 'archive:nav.register', hotkey: 'Alt+6', roles: ['clerk', 'supervisor'] },
  lending: { component: LendingScreen, navKey: 'archive:nav.lending', hotkey: 'Alt+7', roles: ['clerk', 'supervisor'] }
}
