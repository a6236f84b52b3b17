import type { ScreenDef } from '../../app/routes'
import { PrintScreen } from './PrintScreen'

/**
 * The forms feature's screens. 'forms' opens the print screen; from a case use
 * go({ name: 'forms', params: { caseId } }) — or place <CasePrintPanel caseId={…} /> on the case page.
 */
export const formsScreens: Record<string, ScreenDef> = {
  forms: { component: PrintScreen, navKey: 'forms:nav.print' }
}
