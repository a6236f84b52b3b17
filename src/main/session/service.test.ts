import { createHash } from 'node:crypto'
import { existsSync, openSync, readdirSync, readFileSync, statSync, writeSync, closeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { createDeskApp } from '../app'
import { readKeyring, SCRYPT_TEST, unwrapKey } from '../db/keyring'
import { dbPath, keyHandle } from '../db/open'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import { THROTTLE_FILE } from './throttle'
import { checkIdle } from './idle'
import * as svc from './service'

/** Every file under a folder, by relative path, with the SHA-256 of its bytes. */
function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string, rel: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p, `${rel}${e.name}/`)
      else out[`${rel}${e.name}`] = createHash('sha256').update(readFileSync(p)).digest('hex')
    }
  }
  walk(dir, '')
  return out
}

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-11-26T09:00:00Z')) {
  let t = start
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) }
}

let open: TestDesk[] = []
afterEach(() => {
  for (const d of open) d.cleanup()
  open = []
})
function fresh(opts: Parameters<typeof setupDesk>[0] = {}): TestDesk {
  const d = setupDesk(opts)
  open.push(d)
  return d
}
const call = (d: { router: TestDesk['router'] }, method: string, args: unknown = {}) => d.router.invoke(method, args)
const audits = (d: TestDesk, action: string) =>
  d.desk.db().sqlite.prepare('SELECT * FROM audit_events WHERE action = ? ORDER BY id').all(action) as {
    actor_id: number | null
    subject_id: string | null
    details: string
  }[]

describe('login throttling', () => {
  it('a wrong passphrase leaves every file in the data folder byte-identical', async () => {
    const d = fresh()
    svc.lock(d.desk, 'user')
    const before = hashTree(d.dataDir)
    for (let i = 0; i < 5; i++) {
      const res = await call(d, 'session.login', { loginName: 'chen', passphrase: `wrong guess number ${i}` })
      expect(res.ok).toBe(false)
    }
    await call(d, 'session.login', { loginName: 'nobody-here', passphrase: 'wrong again and again' })
    expect(hashTree(d.dataDir)).toEqual(before)
    expect(existsSync(join(d.desk.stateDir, THROTTLE_FILE))).toBe(true)
  })

  it('three failures are free, then waits double (2, 4 s …), per login, and survive a restart', async () => {
    const c = clock()
    const d = fresh({ now: c.now })
    svc.lock(d.desk, 'user')
    const wrong = { loginName: 'li', passphrase: 'not the passphrase at all' }
    for (let i = 0; i < 3; i++) expect((await call(d, 'session.login', wrong)) as object).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((await call(d, 'session.login', wrong)) as object).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    // 4 failures: wait 2 s — even the right passphrase is refused until then, without KDF work
    expect(await call(d, 'session.login', { loginName: 'li', passphrase: WORKER.passphrase })).toMatchObject({
      ok: false,
      code: 'THROTTLED',
      messageKey: 'errors:login.throttled',
      params: { seconds: 2 }
    })
    // another login is not throttled by li's failures
    expect((await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).ok).toBe(true)
    svc.lock(d.desk, 'user')

    // restart: a new desk on the same folders still makes li wait
    d.stop()
    const again = createDeskApp({ dataDir: d.dataDir, kdf: SCRYPT_TEST, now: c.now, idleWatch: false })
    try {
      c.advance(1_000)
      expect(await again.router.invoke('session.login', { loginName: 'li', passphrase: WORKER.passphrase })).toMatchObject({
        code: 'THROTTLED',
        params: { seconds: 1 }
      })
      c.advance(1_000)
      expect(await again.router.invoke('session.login', wrong)).toMatchObject({ code: 'WRONG_PASSPHRASE' })
      // 5 failures: wait 4 s
      expect(await again.router.invoke('session.login', wrong)).toMatchObject({ code: 'THROTTLED', params: { seconds: 4 } })
      c.advance(4_000)
      const ok = await again.router.invoke('session.login', { loginName: 'li', passphrase: WORKER.passphrase })
      expect(ok.ok).toBe(true)
      // the right passphrase clears li's counter
      svc.lock(again.desk, 'user')
      expect(await again.router.invoke('session.login', wrong)).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    } finally {
      again.stop()
    }
  })

  it('a global counter slows guessing across many login names, and desk.status reports the wait', async () => {
    const c = clock()
    const d = fresh({ now: c.now })
    svc.logout(d.desk)
    for (let i = 0; i < 11; i++) await call(d, 'session.login', { loginName: `guess${i}`, passphrase: 'some wrong passphrase' })
    const st = await call(d, 'desk.status')
    expect(st).toMatchObject({ ok: true, value: { state: 'locked', retryAfterSeconds: 2 } })
    expect(await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).toMatchObject({ code: 'THROTTLED' })
    c.advance(2_000)
    expect((await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).ok).toBe(true)
  })

  it('the throttle file holds no login or display name', async () => {
    const d = fresh()
    svc.logout(d.desk)
    for (const name of ['chen', 'li', 'zhangmeiling']) await call(d, 'session.login', { loginName: name, passphrase: 'not right at all' })
    const text = readFileSync(join(d.desk.stateDir, THROTTLE_FILE), 'utf8')
    for (const s of ['chen', 'zhangmeiling', '"li"', SUPERVISOR.displayName, WORKER.displayName, 'not right']) expect(text).not.toContain(s)
  })

  it('failed attempts become session.loginFailed audit events at the next unlock, with the time only', async () => {
    const c = clock()
    const d = fresh({ now: c.now })
    svc.lock(d.desk, 'user')
    await call(d, 'session.login', { loginName: 'chen', passphrase: 'a wrong passphrase' })
    c.advance(60_000)
    await call(d, 'session.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' })
    expect((await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).ok).toBe(true)
    const failed = audits(d, 'session.loginFailed')
    expect(failed).toHaveLength(2)
    expect(failed.map((f) => JSON.parse(f.details))).toEqual([
      { at: '2026-11-26T09:00:00.000Z', kind: 'login' },
      { at: '2026-11-26T09:01:00.000Z', kind: 'recovery' }
    ])
    expect(failed.every((f) => f.actor_id === null)).toBe(true)
    // written once: a second unlock adds none
    svc.lock(d.desk, 'user')
    await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })
    expect(audits(d, 'session.loginFailed')).toHaveLength(2)
    expect(audits(d, 'session.unlock').length).toBeGreaterThanOrEqual(1)
  })
})

describe('recovery key', () => {
  it('lists supervisors, then re-wraps the chosen slot only, without re-encrypting the database', async () => {
    const d = fresh()
    svc.logout(d.desk)
    const header = readFileSync(dbPath(d.dataDir)).subarray(0, 16).toString('hex')
    const ringBefore = readKeyring(d.dataDir)!
    // typed back the way people do: lower case, spaces instead of dashes, O for 0
    const typed = d.recoveryKey.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o')
    const list = await call(d, 'session.recover', { recoveryKey: typed })
    expect(list).toMatchObject({ ok: true, value: { session: null, supervisors: [{ loginName: 'chen', displayName: SUPERVISOR.displayName }] } })
    expect(d.desk.isOpen).toBe(false)
    const supId = (list as { value: { supervisors: { id: number }[] } }).value.supervisors[0].id

    const weak = await call(d, 'session.recover', { recoveryKey: typed, userId: supId, newPassphrase: 'password1' })
    expect(weak).toMatchObject({ code: 'WEAK_PASSPHRASE', field: 'newPassphrase' })
    const done = await call(d, 'session.recover', { recoveryKey: d.recoveryKey, userId: supId, newPassphrase: 'a brand new winter passphrase' })
    expect(done).toMatchObject({ ok: true, value: { session: { loginName: 'chen', role: 'supervisor' } } })
    expect(audits(d, 'session.recovered')).toMatchObject([{ actor_id: supId, subject_id: String(supId) }])

    const ringAfter = readKeyring(d.dataDir)!
    expect(ringAfter.slots).toHaveLength(ringBefore.slots.length)
    // the worker's and the recovery slot are untouched; the supervisor's is new
    const byId = (r: typeof ringBefore) => Object.fromEntries(r.slots.map((s) => [`${s.kind}:${s.userId}`, s.id]))
    expect(byId(ringAfter)[`user:${supId}`]).not.toBe(byId(ringBefore)[`user:${supId}`])
    expect(ringAfter.slots.filter((s) => s.kind !== 'user' || s.userId !== supId)).toEqual(
      ringBefore.slots.filter((s) => s.kind !== 'user' || s.userId !== supId)
    )
    svc.logout(d.desk)
    expect(readFileSync(dbPath(d.dataDir)).subarray(0, 16).toString('hex')).toBe(header)
    expect(await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((await call(d, 'session.login', { loginName: 'chen', passphrase: 'a brand new winter passphrase' })).ok).toBe(true)
    svc.logout(d.desk)
    expect((await call(d, 'session.login', { loginName: 'li', passphrase: WORKER.passphrase })).ok).toBe(true)
  })

  it('a wrong recovery key gets a clear error and is throttled like a login', async () => {
    const c = clock()
    const d = fresh({ now: c.now })
    svc.logout(d.desk)
    const before = hashTree(d.dataDir)
    const wrong = { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' }
    for (let i = 0; i < 4; i++) {
      expect(await call(d, 'session.recover', wrong)).toMatchObject({ code: 'WRONG_PASSPHRASE', messageKey: 'errors:login.recoveryFailed' })
    }
    expect(await call(d, 'session.recover', { recoveryKey: d.recoveryKey })).toMatchObject({ code: 'THROTTLED', params: { seconds: 2 } })
    expect(hashTree(d.dataDir)).toEqual(before)
    c.advance(2_000)
    expect((await call(d, 'session.recover', { recoveryKey: d.recoveryKey })).ok).toBe(true)
  })
})

describe('passphrases and accounts', () => {
  it('changing your own passphrase needs the current one, replaces your slot, and is audited', async () => {
    const d = fresh()
    const before = readKeyring(d.dataDir)!
    expect(await call(d, 'session.changePassphrase', { current: 'not my passphrase', next: 'fresh mountain tea leaves' })).toMatchObject({
      code: 'WRONG_PASSPHRASE',
      messageKey: 'errors:passphrase.wrongCurrent',
      field: 'current'
    })
    expect(await call(d, 'session.changePassphrase', { current: SUPERVISOR.passphrase, next: 'iloveyou' })).toMatchObject({
      code: 'WEAK_PASSPHRASE',
      field: 'next'
    })
    expect((await call(d, 'session.changePassphrase', { current: SUPERVISOR.passphrase, next: 'fresh mountain tea leaves' })).ok).toBe(true)
    const after = readKeyring(d.dataDir)!
    expect(after.slots).toHaveLength(before.slots.length)
    expect(audits(d, 'session.changePassphrase')).toHaveLength(1)
    const slots = d.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM key_slots WHERE user_id = ?`).get(d.desk.session!.userId) as { n: number }
    expect(slots.n).toBe(1)
    svc.logout(d.desk)
    expect(await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    expect((await call(d, 'session.login', { loginName: 'chen', passphrase: 'fresh mountain tea leaves' })).ok).toBe(true)
  })

  it('a supervisor resets a worker’s passphrase: only that slot changes, the new one replaces the old', async () => {
    const d = fresh()
    const li = svc.listUsers(d.desk).find((u) => u.loginName === 'li')!
    const before = readKeyring(d.dataDir)!
    expect(await call(d, 'users.resetPassphrase', { userId: li.id, passphrase: 'li' })).toMatchObject({ code: 'WEAK_PASSPHRASE' })
    expect(await call(d, 'users.resetPassphrase', { userId: d.desk.session!.userId, passphrase: 'quiet harbour morning tide' })).toMatchObject({ code: 'FORBIDDEN' })
    expect((await call(d, 'users.resetPassphrase', { userId: li.id, passphrase: 'quiet harbour morning tide' })).ok).toBe(true)
    const after = readKeyring(d.dataDir)!
    const liSlots = after.slots.filter((s) => s.kind === 'user' && s.userId === li.id)
    expect(liSlots).toHaveLength(1)
    expect(unwrapKey(liSlots[0], WORKER.passphrase)).toBeNull()
    expect(after.slots.filter((s) => s.userId !== li.id)).toEqual(before.slots.filter((s) => s.userId !== li.id))
    expect(audits(d, 'users.resetPassphrase')).toMatchObject([{ subject_id: String(li.id), actor_id: d.desk.session!.userId }])
    svc.logout(d.desk)
    expect((await call(d, 'session.login', { loginName: 'li', passphrase: 'quiet harbour morning tide' })).ok).toBe(true)
  })

  it('disabled people cannot log in; re-enabled (with a new passphrase) they can', async () => {
    const d = fresh()
    const li = svc.listUsers(d.desk).find((u) => u.loginName === 'li')!
    expect((await call(d, 'users.setDisabled', { userId: li.id, disabled: true })).ok).toBe(true)
    svc.logout(d.desk)
    // The slot is gone: the old passphrase is simply wrong now.
    expect(await call(d, 'session.login', { loginName: 'li', passphrase: WORKER.passphrase })).toMatchObject({ code: 'WRONG_PASSPHRASE' })
    await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })
    expect((await call(d, 'users.setDisabled', { userId: li.id, disabled: false, passphrase: 'quiet harbour morning tide' })).ok).toBe(true)
    expect(audits(d, 'users.disable')).toHaveLength(1)
    expect(audits(d, 'users.enable')).toHaveLength(1)
    svc.logout(d.desk)
    expect((await call(d, 'session.login', { loginName: 'li', passphrase: 'quiet harbour morning tide' })).ok).toBe(true)
  })

  it('the last active supervisor cannot be disabled or demoted', async () => {
    const d = fresh()
    const me = d.desk.session!.userId
    expect(await call(d, 'users.setRole', { userId: me, role: 'worker' })).toMatchObject({ code: 'CONFLICT', messageKey: 'errors:users.lastSupervisor' })
    expect(await call(d, 'users.setDisabled', { userId: me, disabled: true })).toMatchObject({ code: 'FORBIDDEN' })
    // a second supervisor: now the first may step down, and the second is then the last
    const li = svc.listUsers(d.desk).find((u) => u.loginName === 'li')!
    expect((await call(d, 'users.setRole', { userId: li.id, role: 'supervisor' })).ok).toBe(true)
    expect(audits(d, 'users.setRole')).toMatchObject([{ subject_id: String(li.id), details: JSON.stringify({ from: 'worker', to: 'supervisor' }) }])
    expect((await call(d, 'users.setRole', { userId: me, role: 'worker' })).ok).toBe(true)
    // demoted at once: supervisor-only calls are refused now
    expect(await call(d, 'users.list')).toMatchObject({ code: 'FORBIDDEN' })
    svc.logout(d.desk)
    await call(d, 'session.login', { loginName: 'li', passphrase: WORKER.passphrase })
    expect(await call(d, 'users.setRole', { userId: li.id, role: 'worker' })).toMatchObject({ code: 'CONFLICT' })
    expect((await call(d, 'users.setDisabled', { userId: me, disabled: true })).ok).toBe(true)
  })

  it('workers cannot manage accounts or settings', async () => {
    const d = fresh()
    svc.logout(d.desk)
    await call(d, 'session.login', { loginName: 'li', passphrase: WORKER.passphrase })
    for (const [m, a] of [
      ['users.list', {}],
      ['users.setDisabled', { userId: 1, disabled: true }],
      ['users.setRole', { userId: 2, role: 'supervisor' }],
      ['users.resetPassphrase', { userId: 1, passphrase: 'take over the desk now' }],
      ['settings.set', { idleMinutes: 60 }]
    ] as const) {
      expect(await call(d, m, a)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
    expect(await call(d, 'settings.get')).toMatchObject({ ok: true, value: { idleMinutes: 5 } })
  })
})

describe('settings and idle lock', () => {
  it('a supervisor sets idle minutes, organisation and site contacts; one audit event names the keys', async () => {
    const d = fresh()
    const res = await call(d, 'settings.set', {
      idleMinutes: 10,
      orgName: '广州市某区信访局社工站',
      orgPhone: '020-12345678',
      siteContacts: [{ label: '保安室', phone: '020-1234 0000' }]
    })
    expect(res).toMatchObject({ ok: true, value: { idleMinutes: 10, siteContacts: [{ label: '保安室' }] } })
    const ev = audits(d, 'settings.change')
    expect(ev).toHaveLength(1)
    expect(JSON.parse(ev[0].details)).toEqual({ keys: ['idleMinutes', 'orgName', 'orgPhone', 'siteContacts'] })
    expect(ev[0].details).not.toContain('020')
    expect(await call(d, 'settings.set', { idleMinutes: 0 })).toMatchObject({ code: 'BAD_ARGS', messageKey: 'errors:settings.idleRange' })
    expect(await call(d, 'settings.set', { siteContacts: [{ label: '', phone: '1' }] })).toMatchObject({ code: 'BAD_ARGS' })
    expect(await call(d, 'settings.set', { somethingElse: 1 })).toMatchObject({ code: 'BAD_ARGS' })
  })

  it('locks after the idle time by wall clock, closing the database and dropping the key', async () => {
    const c = clock()
    const d = fresh({ now: c.now })
    await call(d, 'settings.set', { idleMinutes: 7 })
    const locked: string[] = []
    d.desk.on('session.locked', (p) => locked.push(p.reason))
    await call(d, 'session.activity')
    c.advance(6 * 60_000 + 59_000)
    expect(checkIdle(d.desk)).toBe(false)
    // a machine asleep for an hour locks the moment the timer runs again
    c.advance(60 * 60_000)
    const key = d.desk.dbKey()
    expect(checkIdle(d.desk)).toBe(true)
    expect(locked).toEqual(['idle'])
    expect(d.desk.isOpen).toBe(false)
    expect(key.every((b) => b === 0)).toBe(true)
    expect(await call(d, 'cases.list')).toMatchObject({ ok: false })
    expect(await call(d, 'desk.status')).toMatchObject({ value: { state: 'locked', lockedUser: { loginName: 'chen' } } })
  })
})

describe('damaged or too-new database', () => {
  it('a file that fails authentication: login says DB_DAMAGED, status says damaged, nothing is deleted', async () => {
    const d = fresh()
    svc.logout(d.desk)
    const file = dbPath(d.dataDir)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(64, 0x5a), 0, 64, 100)
    closeSync(fd)
    const size = statSync(file).size
    expect(await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).toMatchObject({ code: 'DB_DAMAGED' })
    expect(await call(d, 'desk.status')).toMatchObject({ value: { state: 'damaged' } })
    expect(statSync(file).size).toBe(size)
    expect(existsSync(join(d.dataDir, 'keyring.json'))).toBe(true)
    // setup refuses: an empty desk never replaces a damaged one
    expect(await call(d, 'desk.setup', { ...SUPERVISOR, loginName: 'new' })).toMatchObject({ code: 'ALREADY_SET_UP' })
  })

  it('a file from a newer app: DB_TOO_NEW and state tooNew', async () => {
    const d = fresh()
    const key = Buffer.from(d.desk.dbKey())
    svc.logout(d.desk)
    const raw = new Database(dbPath(d.dataDir))
    keyHandle(raw, key)
    raw.pragma('user_version = 999')
    raw.close()
    expect(await call(d, 'session.login', { loginName: 'chen', passphrase: SUPERVISOR.passphrase })).toMatchObject({ code: 'DB_TOO_NEW' })
    expect(await call(d, 'desk.status')).toMatchObject({ value: { state: 'tooNew' } })
    expect(existsSync(dbPath(d.dataDir))).toBe(true)
  })

  it('a keyring without its database is damaged, not a new desk', async () => {
    const d = fresh()
    svc.logout(d.desk)
    const { renameSync } = await import('node:fs')
    renameSync(dbPath(d.dataDir), `${dbPath(d.dataDir)}.moved`)
    expect(await call(d, 'desk.status')).toMatchObject({ value: { state: 'damaged' } })
  })
})
