import { afterEach, describe, expect, it } from 'vitest'
import { readKeyring, unwrapKey } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import { runDeskCli } from '../support/cli'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../support/desk'

const NEW_PASS = 'quiet harbour morning tide'
const open: TestDesk[] = []
afterEach(() => {
  while (open.length) open.pop()!.cleanup()
})
function fresh(): TestDesk {
  const d = setupDesk()
  open.push(d)
  return d
}
const li = (d: TestDesk) => session.listUsers(d.desk).find((u) => u.loginName === WORKER.loginName)!
const audits = (d: TestDesk, action: string) =>
  d.desk.db().sqlite.prepare('SELECT actor_id, subject_id FROM audit_events WHERE action = ? ORDER BY id').all(action) as { actor_id: number | null; subject_id: string | null }[]
const verifyAs = (d: TestDesk, login: string, pass: string) =>
  runDeskCli(['verify', '--data-dir', d.dataDir, '--login', login, '--json'], { DESK_PASSPHRASE: pass, DESK_RECOVERY_KEY: undefined }, 60_000)
/** What someone holding a copy of keyring.json and the passphrase can unwrap: any slot, tried with it. */
const unwrapsAnything = (d: TestDesk, pass: string) => readKeyring(d.dataDir)!.slots.some((s) => unwrapKey(s, pass) !== null)

describe('revoked is revoked', () => {
  it("disabling removes the account's slot: its passphrase unwraps nothing, in the app or `desk verify`", async () => {
    const d = fresh()
    expect(unwrapsAnything(d, WORKER.passphrase)).toBe(true)
    const slotsBefore = readKeyring(d.dataDir)!.slots.length
    session.setDisabled(d.desk, { userId: li(d).id, disabled: true })
    expect(readKeyring(d.dataDir)!.slots).toHaveLength(slotsBefore - 1)
    expect(unwrapsAnything(d, WORKER.passphrase)).toBe(false)
    expect(d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM key_slots WHERE user_id = ?').get(li(d).id)).toEqual({ n: 0 })
    const v = verifyAs(d, WORKER.loginName, WORKER.passphrase)
    expect(v.code, v.err).toBe(3)
    // The supervisor's own check passes: keyring and database agree.
    const ok = verifyAs(d, SUPERVISOR.loginName, SUPERVISOR.passphrase)
    expect(ok.code, ok.out + ok.err).toBe(0)
  })

  it('re-enabling needs a new passphrase; the old one stays dead; a disabled account cannot be given one by a reset', async () => {
    const d = fresh()
    const id = li(d).id
    session.setDisabled(d.desk, { userId: id, disabled: true })
    await expect(d.router.invoke('users.resetPassphrase', { userId: id, passphrase: NEW_PASS })).resolves.toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await d.router.invoke('users.setDisabled', { userId: id, disabled: false })).toMatchObject({ ok: false, code: 'BAD_ARGS' })
    expect(unwrapsAnything(d, WORKER.passphrase)).toBe(false)
    expect(await d.router.invoke('users.setDisabled', { userId: id, disabled: false, passphrase: NEW_PASS })).toMatchObject({ ok: true })
    expect(audits(d, 'users.enable')).toHaveLength(1)
    expect(unwrapsAnything(d, WORKER.passphrase)).toBe(false)
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: false, code: 'WRONG_PASSPHRASE' })
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: NEW_PASS })).toMatchObject({ ok: true })
  })

  it("a disabled account's correct passphrase (a slot an older version left) does not log out whoever is signed in, and the slot is dropped", async () => {
    const d = fresh()
    const id = li(d).id
    // As an older version disabled: the flag only, the slot kept.
    d.desk.db().sqlite.prepare('UPDATE users SET disabled = 1 WHERE id = ?').run(id)
    const chen = d.desk.session!.userId
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: false, code: 'ACCOUNT_DISABLED' })
    expect(d.desk.isOpen).toBe(true)
    expect(d.desk.session?.userId).toBe(chen)
    expect((await d.router.invoke('users.list', {})).ok).toBe(true)
    // Counted as a failed attempt, audited without an actor.
    expect(audits(d, 'session.loginFailed').length).toBeGreaterThan(0)
    // `desk verify` refuses that slot too, and the supervisor's verify reports it…
    expect(verifyAs(d, WORKER.loginName, WORKER.passphrase).code).toBe(3)
    const report = verifyAs(d, SUPERVISOR.loginName, SUPERVISOR.passphrase)
    expect(report.code).toBe(1)
    expect(JSON.parse(report.out).problems.join('\n')).toContain(`disabled account ${id} still has a key slot`)
    // …until the next login drops it.
    session.logout(d.desk)
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(unwrapsAnything(d, WORKER.passphrase)).toBe(false)
    expect(verifyAs(d, SUPERVISOR.loginName, SUPERVISOR.passphrase).code).toBe(0)
  })

  it('someone signing in over a live session is recorded: who replaced whom', async () => {
    const d = fresh()
    const chen = d.desk.session!.userId
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: true })
    expect(audits(d, 'session.replaced')).toEqual([{ actor_id: li(d).id, subject_id: String(chen) }])
    // A wrong passphrase over a live session changes nothing.
    expect(await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: 'not the passphrase at all' })).toMatchObject({ ok: false })
    expect(d.desk.session?.userId).toBe(li(d).id)
  })
})

describe('guesses through the CLI', () => {
  it('are recorded like failed logins, reach the audit trail at the next login, and are refused once throttled', async () => {
    const { cliThrottle } = await import('../../src/cli/throttle')
    const d = fresh()
    session.logout(d.desk)
    const runs = Array.from({ length: 2 }, () => verifyAs(d, WORKER.loginName, 'a wrong guess at it'))
    expect(runs.map((r) => r.code)).toEqual([3, 3])
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    const failed = d.desk.db().sqlite.prepare(`SELECT details FROM audit_events WHERE action = 'session.loginFailed'`).all() as { details: string }[]
    expect(failed.map((f) => JSON.parse(f.details).kind)).toEqual(['cli', 'cli'])
    // Past the free attempts the CLI waits like the login screen, before any key derivation.
    const t = cliThrottle(d.dataDir, readKeyring(d.dataDir)!, WORKER.loginName)
    for (let i = 0; i < 10; i++) t.failed()
    const refused = verifyAs(d, WORKER.loginName, WORKER.passphrase)
    expect(refused.code).toBe(3)
    expect(refused.err).toContain('Too many wrong attempts')
  })
})
