import { checkPassphrase } from '@shared/domain/session/passphrase'
import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { getDeskSettings, setDeskSettings } from '../settings/settings'
import * as svc from './service'
import { recoverySheet } from './recovery-sheet'
import { rotateDatabaseKey } from './rekey'

export const sessionHandlers = (desk: Desk) =>
  handlers({
    'desk.status': () => svc.status(desk),
    'desk.setup': (a) => svc.setup(desk, a),
    'passphrase.check': (a) => checkPassphrase(a.passphrase, a.context ?? []),
    'session.login': (a) => svc.login(desk, a),
    'session.recover': (a) => svc.recover(desk, a),
    'session.recoverySheet': (a) => recoverySheet(desk, a),
    'session.current': () => (desk.session && desk.isOpen ? svc.sessionInfo(desk, desk.session) : null),
    'session.lock': (a) => (svc.lock(desk, a.reason), null),
    'session.logout': () => (svc.logout(desk), null),
    'session.activity': () => svc.touch(desk),
    'session.setLocale': (a) => (svc.setLocale(desk, a.locale), null),
    'session.changePassphrase': (a) => svc.changePassphrase(desk, a),
    'users.list': () => svc.listUsers(desk),
    'users.add': (a) => svc.addUser(desk, a),
    'users.setDisabled': (a) => svc.setDisabled(desk, a),
    'users.setRole': (a) => svc.setRole(desk, a),
    'users.resetPassphrase': (a) => svc.resetPassphrase(desk, a),
    'desk.rotateKey': () => rotateDatabaseKey(desk),
    'settings.get': () => getDeskSettings(desk),
    'settings.set': (a) => setDeskSettings(desk, a)
  })
