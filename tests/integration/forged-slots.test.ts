import { afterEach, describe, expect, it } from 'vitest'
import { findUserSlot, newAuthority, readKeyring, SCRYPT_TEST, unwrapKey, wrapKey, writeKeyring, type KeySlot } from '../../src/main/db/keyring'
import { keyHandle } from '../../src/main/db/open'
import { sealSlot } from '../../src/main/session/slots'
import * as session from '../../src/main/session/service'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { runDeskCli } from '../support/cli'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../support/desk'

/**
 * Issue #11, MEDIUM 6: a worker has the database key (their own slot unwraps it) and write access to
 * the data folder. They must not be able to make a slot that logs in as a supervisor, nor raise
 * their own role in the database.
 */
const FORGED_PASS = 'my own chosen forged phrase'
const open: TestDesk[] = []
afterEach(() => {
  while (open.length) open.pop()!.cleanup()
})
function fresh(): TestDesk {
  const d = setupDesk()
  open.push(d)
  return d
}

/** What the worker holds: the database key, unwrapped with their own passphrase. */
function workerDbKey(d: TestDesk): Buffer {
  return unwrapKey(findUserSlot(readKeyring(d.dataDir)!, WORKER.loginName)!, WORKER.passphrase)!
}

function rawDb(d: TestDesk, key: Buffer): Database.Database {
  const db = new Database(join(d.dataDir, 'desk.db'))
  keyHandle(db, key)
  return db
}

const slotRefusals = (d: TestDesk) =>
  d.desk.db().sqlite.prepare(`SELECT details FROM audit_events WHERE action = 'session.slotRefused' ORDER BY id`).all() as { details: string }[]
const verifyAs = (d: TestDesk, login: string, pass: string) =>
  runDeskCli(['verify', '--data-dir', d.dataDir, '--login', login, '--json'], { DESK_PASSPHRASE: pass, DESK_RECOVERY_KEY: undefined }, 60_000)

/** A supervisor slot wrapping the database key under the forger's passphrase, with the real slot's id, role and signature copied. */
function forgeSupervisorSlot(d: TestDesk, key: Buffer): void {
  const ring = readKeyring(d.dataDir)!
  const real = findUserSlot(ring, SUPERVISOR.loginName)!
  const forged: KeySlot = { ...wrapKey(key, FORGED_PASS, { kind: 'user', lookup: real.lookup, userId: real.userId }, SCRYPT_TEST, real.id), role: real.role, sig: real.sig }
  writeKeyring(d.dataDir, { ...ring, slots: ring.slots.map((s) => (s.id === real.id ? forged : s)) })
}

describe('key slots are bound to role and identity', () => {
  it('a supervisor slot forged with the database key refuses login in words, is audited, and `desk verify` names it', async () => {
    const d = fresh()
    const key = workerDbKey(d)
    session.logout(d.desk)
    forgeSupervisorSlot(d, key)
    key.fill(0)
    const r = await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: FORGED_PASS })
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN', messageKey: 'errors:login.slotForged' })
    expect(d.desk.isOpen).toBe(false)
    expect(d.desk.session).toBeNull()
    // The worker's own login shows the trail: the refusal, with what was wrong and no actor.
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: true })
    expect(slotRefusals(d).map((e) => JSON.parse(e.details).problem)).toEqual(['signature'])
    const v = verifyAs(d, WORKER.loginName, WORKER.passphrase)
    expect(v.code, v.out + v.err).toBe(1)
    expect(JSON.parse(v.out).problems.join('\n')).toMatch(/not signed by the keyring authority/)
  })

  it('a forged slot does not end the session of whoever is signed in', async () => {
    const d = fresh()
    const key = workerDbKey(d)
    forgeSupervisorSlot(d, key)
    key.fill(0)
    const chen = d.desk.session!.userId
    expect(await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: FORGED_PASS })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(d.desk.session?.userId).toBe(chen)
    expect(slotRefusals(d)).toHaveLength(1)
  })

  it('a worker who raises their own role in the database is refused at login (the slot is signed for "worker")', async () => {
    const d = fresh()
    session.logout(d.desk)
    const key = workerDbKey(d)
    const db = rawDb(d, key)
    db.prepare(`UPDATE users SET role = 'supervisor' WHERE login_name = ?`).run(WORKER.loginName)
    db.close()
    key.fill(0)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: false, code: 'FORBIDDEN', messageKey: 'errors:login.slotForged' })
    expect(d.desk.isOpen).toBe(false)
  })

  it('replacing the signing key in keyring.json and re-signing every slot is refused: the database pins the real one', async () => {
    const d = fresh()
    const key = workerDbKey(d)
    session.logout(d.desk)
    forgeSupervisorSlot(d, key)
    key.fill(0)
    const ring = readKeyring(d.dataDir)!
    const mine = newAuthority()
    writeKeyring(d.dataDir, { ...ring, authority: mine.authority, slots: ring.slots.map((s) => sealSlot(s, s.role, mine.secret)) })
    expect(await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: FORGED_PASS })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // …and so is every other login on that keyring, until it is restored: nobody works on a tampered keyring.
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('what supervisors do keeps every slot signed: add, reset, promote (the new supervisor signs), demote, own passphrase, recovery; verify passes', async () => {
    const d = fresh()
    const li = session.listUsers(d.desk).find((u) => u.loginName === WORKER.loginName)!
    session.setRole(d.desk, { userId: li.id, role: 'supervisor' })
    session.logout(d.desk)
    // The promoted account received the authority: it can add an account itself.
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: true })
    expect(await d.router.invoke('users.add', { displayName: '王社工', loginName: 'wang', role: 'worker', passphrase: 'amber window seven kites' })).toMatchObject({ ok: true })
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })).toMatchObject({ ok: true })
    const before = readKeyring(d.dataDir)!.authority!.pub
    session.setRole(d.desk, { userId: li.id, role: 'worker' })
    // Demoting someone who could open the authority replaces it.
    expect(readKeyring(d.dataDir)!.authority!.pub).not.toBe(before)
    session.resetPassphrase(d.desk, { userId: li.id, passphrase: 'quiet harbour morning tide' })
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: 'quiet harbour morning tide' })).toMatchObject({ ok: true, value: { role: 'worker' } })
    // A worker changes their own passphrase: the same key pair, so its signature holds.
    expect(await d.router.invoke('session.changePassphrase', { current: 'quiet harbour morning tide', next: WORKER.passphrase })).toMatchObject({ ok: true })
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: 'wang', passphrase: 'amber window seven kites' })).toMatchObject({ ok: true })
    session.logout(d.desk)
    expect(await d.router.invoke('session.recover', { recoveryKey: d.recoveryKey, userId: 1, newPassphrase: 'seven amber kites window' })).toMatchObject({ ok: true })
    session.logout(d.desk)
    const v = verifyAs(d, WORKER.loginName, WORKER.passphrase)
    expect(v.code, v.out + v.err).toBe(0)
  })

  it('a keyring from before signing is signed at the first supervisor login, and then holds', async () => {
    const d = fresh()
    const key = workerDbKey(d)
    session.logout(d.desk)
    const ring = readKeyring(d.dataDir)!
    const strip = (s: KeySlot): KeySlot => {
      const { sig: _s, grant: _g, role: _r, ...rest } = s
      return rest
    }
    writeKeyring(d.dataDir, { ...ring, authority: undefined, slots: ring.slots.map(strip) })
    const db = rawDb(d, key)
    db.prepare(`DELETE FROM settings WHERE key = 'keyring.authority'`).run()
    db.close()
    key.fill(0)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: true })
    session.logout(d.desk)
    expect(readKeyring(d.dataDir)!.authority).toBeUndefined()
    expect(await d.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })).toMatchObject({ ok: true })
    const signed = readKeyring(d.dataDir)!
    expect(signed.authority).toBeDefined()
    expect(signed.slots.every((s) => typeof s.sig === 'string')).toBe(true)
    expect(d.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'keyring.signed'`).get()).toEqual({ n: 1 })
    session.logout(d.desk)
    expect(await d.router.invoke('session.login', { loginName: WORKER.loginName, passphrase: WORKER.passphrase })).toMatchObject({ ok: true })
  })
})
