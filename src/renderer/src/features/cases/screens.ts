import type { ScreenDef } from '../../app/routes'
import { CaseScreen } from './CaseScreen'
import { CaseloadScreen } from './CaseloadScreen'
import { NewCaseScreen } from './NewCaseScreen'
import { SearchScreen } from './SearchScreen'

/**
 * The cases feature's screens, by route name. Other features open a case with
 * go({ name: 'case', params: { caseId, tab? } }) — tab: registration | screening | plan | interviews |
 * flows | consent | followUps | closing | print | history.
 */
export const caseScreens: Record<string, ScreenDef> = {
  newCase: { component: NewCaseScreen, navKey: 'cases:nav.newCase', hotkey: 'Alt+2' },
  search: { component: SearchScreen, navKey: 'cases:nav.search', hotkey: 'Alt+3', roles: ['worker', 'supervisor', 'clerk'] },
  caseload: { component: CaseloadScreen, navKey: 'cases:nav.caseload', hotkey: 'Alt+4', access: 'supervisor' },
  case: { component: CaseScreen }
}
