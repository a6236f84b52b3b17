import type { ComponentType } from 'react'
import type { Role } from '@shared/domain/session/types'
import type { I18nKey } from '@shared/i18n/keys'
import { TodayScreen } from '../features/today/TodayScreen'
import { sessionScreens } from '../features/session/screens'
import { caseScreens } from '../features/cases/screens'
import { interviewScreens } from '../features/interview/screens'
import { supervisorScreens } from '../features/supervisor/screens'
import { PrintScreen } from '../features/forms/PrintScreen'
import { archiveScreens } from '../features/archive/screens'
import { ClerkToday } from '../features/archive'
import { useSession } from './session-context'

export interface ScreenDef {
  component: ComponentType
  /** i18n key of the navigation label; screens without one are reached from elsewhere. */
  navKey?: I18nKey
  /** Keyboard shortcut shown in the navigation and the cheat sheet. */
  hotkey?: string
  access?: Role
  /** Who may open it, when not everyone but the records clerk (see `mayOpen`). */
  roles?: readonly Role[]
}

/**
 * Who sees a screen: the roles it lists; else a supervisor-only screen for supervisors; else any
 * worker or supervisor. A records clerk (档案管理) sees only screens that name 'clerk' — finding cases,
 * printing and the archive — never a screen that edits a record (the main process refuses them too).
 */
export function mayOpen(def: ScreenDef, role: Role): boolean {
  if (def.roles) return def.roles.includes(role)
  if (role === 'clerk') return false
  return !def.access || def.access === 'worker' || role === 'supervisor'
}

/** Today: the records clerk's is the archive's (overdue returns, the queue). */
function TodayForRole() {
  const { session } = useSession()
  return session.role === 'clerk' ? <ClerkToday /> : <TodayScreen />
}

/** Every screen by name. Features own their entries (their screens.ts files). */
export const SCREENS: Record<string, ScreenDef> = {
  today: { component: TodayForRole, navKey: 'common:nav.today', hotkey: 'Alt+1', roles: ['worker', 'supervisor', 'clerk'] },
  ...caseScreens,
  ...interviewScreens,
  ...supervisorScreens,
  ...sessionScreens,
  ...archiveScreens,
  // Reached from a case's print tab and from Today (blank forms for the day the computer is down).
  forms: { component: PrintScreen, roles: ['worker', 'supervisor', 'clerk'] }
}
