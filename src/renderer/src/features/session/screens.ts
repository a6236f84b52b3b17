import type { ScreenDef } from '../../app/routes'
import { AccountsScreen } from './AccountsScreen'
import { MyPassphraseScreen } from './MyPassphraseScreen'
import { SettingsScreen } from './SettingsScreen'

/** The session feature's screens: team accounts and desk settings (supervisors), your own passphrase. */
export const sessionScreens: Record<string, ScreenDef> = {
  accounts: { component: AccountsScreen, navKey: 'common:nav.accounts', access: 'supervisor' },
  deskSettings: { component: SettingsScreen, navKey: 'common:nav.settings', access: 'supervisor' },
  myPassphrase: { component: MyPassphraseScreen }
}
