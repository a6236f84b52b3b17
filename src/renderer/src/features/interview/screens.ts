import type { ScreenDef } from '../../app/routes'
import { InterviewScreen } from './InterviewScreen'

/**
 * The interview feature's screens, by route name. Ctrl+Shift+N from anywhere opens a new walk-in
 * (then Enter starts it); a case page goes to { name: 'interview', params: { caseId } }.
 */
export const interviewScreens: Record<string, ScreenDef> = {
  interview: { component: InterviewScreen, navKey: 'interview:nav.interview', hotkey: 'Ctrl+Shift+N' }
}
