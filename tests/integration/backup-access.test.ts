import { afterEach, describe, expect, it } from 'vitest'
import * as session from '../../src/main/session/service'
import { setupDesk, WORKER, SUPERVISOR, type TestDesk } from '../support/desk'

let d: TestDesk | null = null
afterEach(() => d?.cleanup())

const SUPERVISOR_ONLY: [string, unknown][] = [
  ['backup.export', {}],
  ['backup.verify', { file: '/tmp/x.pdbackup', passphrase: 'x' }],
  ['backup.restoreReplace', { file: '/tmp/x.pdbackup', passphrase: 'x', confirm: '覆盖' }],
  ['backup.setPassphrase', { passphrase: 'x', understood: true }],
  ['backup.status', {}],
  ['backup.list', {}],
  ['backup.log', {}],
  ['audit.query', {}],
  ['audit.filters', {}],
  ['audit.pdf', { locale: 'zh-CN', action: 'save' }],
  ['signoff.queue', {}],
  ['signoff.sign', { kind: 'A', subjectId: 1, opinion: '同意' }],
  ['figures.get', { from: '2026-01-01', to: '2026-03-01' }],
  ['figures.pdf', { from: '2026-01-01', to: '2026-03-01', locale: 'zh-CN', action: 'save' }],
  ['retention.get', {}],
  ['retention.destroy', { caseIds: [1], reason: 'x', confirm: '销毁' }],
  ['retention.hold', { caseNo: '2026-000001', hold: true, reason: 'x' }]
]

describe('workers cannot export, restore, see backups or the audit trail (refused in the main process)', () => {
  it.each(SUPERVISOR_ONLY)('%s as a worker → FORBIDDEN', async (method, args) => {
    d = setupDesk()
    session.logout(d.desk)
    session.login(d.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    expect(await d.router.invoke(method, args)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('a restore from the first-run screen is refused once the desk holds data, even locked', async () => {
    d = setupDesk()
    session.logout(d.desk)
    expect(await d.router.invoke('backup.restoreFresh', { file: '/tmp/none.pdbackup', passphrase: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(await d.router.invoke('backup.status', {})).toMatchObject({ ok: true })
  })
})
