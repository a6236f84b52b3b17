import type { ScreenDef } from '../../app/routes'
import { BackupsScreen } from './BackupsScreen'
import { AuditScreen } from './AuditScreen'
import { SignoffScreen } from './SignoffScreen'

/** The supervisor feature's screens, by route name. */
export const supervisorScreens: Record<string, ScreenDef> = {
  backups: { component: BackupsScreen, navKey: 'supervisor:nav.backups', access: 'supervisor' },
  signoffs: { component: SignoffScreen, navKey: 'supervisor:nav.signoffs', access: 'supervisor' },
  audit: { component: AuditScreen, navKey: 'supervisor:nav.audit', access: 'supervisor' }
}
