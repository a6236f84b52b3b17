import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { lookupFor, readKeyring } from '../db/keyring'
import * as session from './service'
import { PENDING_FILE, THROTTLE_FILE, throttleWait } from './throttle'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'

const open: TestDesk[] = []
afterEach(() => {
  while (open.length) open.pop()!.cleanup()
})

describe('failed logins survive a deleted throttle.json (issue #11, LOW)', () => {
  it('the pending events still reach the audit trail, and the wait is not reset', async () => {
    const d = setupDesk()
    open.push(d)
    session.logout(d.desk)
    for (let i = 0; i < 4; i++) {
      expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: `wrong guess number ${i}` })).toMatchObject({ ok: false })
      // Each guess after the wait (the clock is real): the counter, not the timing, is what is tested.
      rmSync(join(d.desk.stateDir, THROTTLE_FILE), { force: true })
    }
    const key = lookupFor(readKeyring(d.dataDir)!, WORKER.loginName)
    expect(throttleWait(d.desk, key)).toBeGreaterThan(0)
    session.login(d.desk, SUPERVISOR)
    const failed = d.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'session.loginFailed'`).get() as { n: number }
    expect(failed.n).toBe(4)
  })

  it('events recorded by the running desk are kept in memory too: deleting both files drops none of them', async () => {
    const d = setupDesk()
    open.push(d)
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: 'a wrong guess here' })).toMatchObject({ ok: false })
    rmSync(join(d.desk.stateDir, THROTTLE_FILE), { force: true })
    rmSync(join(d.desk.stateDir, PENDING_FILE), { force: true })
    session.login(d.desk, SUPERVISOR)
    const failed = d.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'session.loginFailed'`).get() as { n: number }
    expect(failed.n).toBe(1)
  })
})
