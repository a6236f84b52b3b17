import { afterEach, describe, expect, it } from 'vitest'
import { readKeyring, lookupFor } from '../../src/main/db/keyring'
import { recordFailure } from '../../src/main/session/throttle'
import * as session from '../../src/main/session/service'
import { ANY_LOGIN } from '../../src/cli/throttle'
import { runDeskCli } from '../support/cli'
import { setupDesk, SUPERVISOR, type TestDesk } from '../support/desk'

/**
 * Issue #11, LOW: every CLI command that unlocks (cases, forms, demo, backup …) is throttled like the
 * login screen and its wrong guesses reach the audit trail, as `desk verify` already was.
 */
const open: TestDesk[] = []
afterEach(() => {
  while (open.length) open.pop()!.cleanup()
})
const WRONG = { DESK_PASSPHRASE: 'not the passphrase at all', DESK_USER: undefined, DESK_LOCALE: 'zh-CN' }

function closed(): TestDesk {
  const d = setupDesk()
  open.push(d)
  session.logout(d.desk)
  return d
}
const failedEvents = (d: TestDesk) =>
  (d.desk.db().sqlite.prepare(`SELECT details FROM audit_events WHERE action = 'session.loginFailed' ORDER BY id`).all() as { details: string }[]).map(
    (r) => JSON.parse(r.details).kind as string
  )

describe('CLI commands that unlock are throttled and recorded', () => {
  it('a wrong passphrase without a login name (cases, backup export) is recorded and reaches the audit trail', async () => {
    const d = closed()
    expect(runDeskCli(['cases', '--data-dir', d.dataDir, '--json'], WRONG, 60_000).code).toBe(3)
    expect(runDeskCli(['backup', 'export', '--data-dir', d.dataDir, '--out', `${d.dataDir}.x.pdbackup`], { ...WRONG, DESK_BACKUP_PASSPHRASE: 'harbour lantern quietly folding maps' }, 60_000).code).not.toBe(0)
    session.login(d.desk, SUPERVISOR)
    expect(failedEvents(d).filter((k) => k === 'cli')).toHaveLength(2)
  })

  it('while the throttle asks to wait, the CLI says so in words and tries nothing', () => {
    const d = closed()
    const ring = readKeyring(d.dataDir)!
    for (let i = 0; i < 12; i++) recordFailure(d.desk, ANY_LOGIN, 'cli')
    for (let i = 0; i < 12; i++) recordFailure(d.desk, lookupFor(ring, SUPERVISOR.loginName), 'login')
    const right = { ...WRONG, DESK_PASSPHRASE: SUPERVISOR.passphrase }
    const noLogin = runDeskCli(['cases', '--data-dir', d.dataDir, '--json'], right, 60_000)
    expect(noLogin.code).toBe(3)
    expect(noLogin.err).toMatch(/尝试次数过多，请等 \d+ 秒后再试/)
    const withLogin = runDeskCli(['forms', '--data-dir', d.dataDir, '--case', '1', '--form', 'A', '--lang', 'zh-CN', '--out', `${d.dataDir}.a.pdf`, '--login', SUPERVISOR.loginName], right, 60_000)
    expect(withLogin.code).not.toBe(0)
    expect(withLogin.err).toMatch(/尝试次数过多，请等 \d+ 秒后再试/)
  })
})
