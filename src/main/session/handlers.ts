import { checkPassphrase } from '@shared/domain/session/passphrase'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import * as svc from './service'

export const sessionHandlers = (desk: Desk) =>
  handlers({
    'desk.status': () => svc.status(desk),
    'desk.setup': (a) => svc.setup(desk, a),
    'passphrase.check': (a) => checkPassphrase(a.passphrase, a.context ?? []),
    'session.login': (a) => svc.login(desk, a),
    'session.recover': () => fail('INTERNAL', 'errors:internal'),
    'session.current': () => (desk.session && desk.isOpen ? svc.sessionInfo(desk, desk.session) : null),
    'session.lock': (a) => (svc.lock(desk, a.reason), null),
    'session.logout': () => (svc.logout(desk), null),
    'session.activity': () => svc.touch(desk),
    'session.setLocale': (a) => (svc.setLocale(desk, a.locale), null),
    'session.changePassphrase': () => fail('INTERNAL', 'errors:internal'),
    'users.list': () => svc.listUsers(desk),
    'users.add': (a) => svc.addUser(desk, a),
    'users.setDisabled': () => fail('INTERNAL', 'errors:internal'),
    'users.setRole': () => fail('INTERNAL', 'errors:internal'),
    'users.resetPassphrase': () => fail('INTERNAL', 'errors:internal')
  })
