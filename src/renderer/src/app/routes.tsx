import type { ComponentType } from 'react'
import type { Role } from '@shared/domain/session/types'
import { TodayScreen } from '../features/today/TodayScreen'
import { sessionScreens } from '../features/session/screens'
import { caseScreens } from '../features/cases/screens'
import { interviewScreens } from '../features/interview/screens'
import { supervisorScreens } from '../features/supervisor/screens'
import { PrintScreen } from '../features/forms/PrintScreen'

export interface ScreenDef {
  component: ComponentType
  /** i18n key of the navigation label; screens without one are reached from elsewhere. */
  navKey?: string
  /** Keyboard shortcut shown in the navigation and the cheat sheet. */
  hotkey?: string
  access?: Role
}

/** Every screen by name. Features own their entries (their screens.ts files). */
export const SCREENS: Record<string, ScreenDef> = {
  today: { component: TodayScreen, navKey: 'common:nav.today', hotkey: 'Alt+1' },
  ...caseScreens,
  ...interviewScreens,
  ...supervisorScreens,
  ...sessionScreens,
  // Reached from a case's print tab and from Today (blank forms for the day the computer is down).
  forms: { component: PrintScreen }
}
