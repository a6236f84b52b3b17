import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { createDeskApp, type DeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import { integrityCheck } from '../../src/main/db/open'
import * as session from '../../src/main/session/service'
import { checkIdle } from '../../src/main/session/idle'
import zhErrors from '../../src/shared/i18n/locales/zh-CN/errors.json'
import yueErrors from '../../src/shared/i18n/locales/yue-HK/errors.json'
import { SUPERVISOR, WORKER, tempDir } from '../support/desk'

/**
 * The data folder on a disk that is full to the brim. Locking must never fail open, a login must
 * not half-start, the idle timer must not crash the process, every write must say "disk full" in the
 * person's language (not "something went wrong", not "the file is damaged"), and nothing that was
 * acknowledged is lost once space is freed.
 *
 * It runs on a real small tmpfs mounted for the test (this needs root, as in CI). Where mounting is
 * not possible it runs on SQLite's own size limit (`max_page_count`) instead, which covers the
 * writes and the lock but not the keyring, the throttle file or a login; the run says which.
 */
const tmp = tempDir('desk-full-')
const mnt = join(tmp.dir, 'mnt')
mkdirSync(mnt)
let mounted = false
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m,mode=0700', 'tmpfs', mnt], { stdio: 'ignore' })
  mounted = true
} catch {
  mounted = false
}
console.log(mounted ? 'disk-full: on a 12 MB tmpfs filled to the brim' : 'disk-full: mount not possible here, on SQLite max_page_count')

const dataDir = join(mnt, 'data')
let app: DeskApp
const fillers = join(mnt, 'filler')

/** Fill the disk until the OS says ENOSPC (then nothing that needs a new page can be written). */
function fill(): void {
  if (!mounted) {
    const db = app.desk.db().sqlite
    const pages = db.pragma('page_count', { simple: true }) as number
    db.pragma(`max_page_count = ${pages}`)
    return
  }
  mkdirSync(fillers, { recursive: true })
  const chunk = Buffer.alloc(64 * 1024, 0x5a)
  for (const size of [chunk.length, 4096, 512, 1]) {
    for (let i = 0; ; i++) {
      const fd = openSync(join(fillers, `${size}-${i}-${readdirSync(fillers).length}`), 'w')
      try {
        for (;;) writeSync(fd, chunk, 0, size)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
        break
      } finally {
        closeSync(fd)
      }
    }
  }
}

function free(): void {
  if (!mounted) {
    if (app.desk.isOpen) app.desk.db().sqlite.pragma('max_page_count = 1073741823')
    return
  }
  rmSync(fillers, { recursive: true, force: true })
}

const call = (method: string, args: unknown = {}) => app.router.invoke(method, args)

beforeAll(() => {
  app = createDeskApp({ dataDir, kdf: SCRYPT_TEST, idleWatch: false })
  session.setup(app.desk, SUPERVISOR)
  session.addUser(app.desk, WORKER)
})

afterAll(() => {
  app?.stop()
  if (mounted) execFileSync('umount', ['-l', mnt], { stdio: 'ignore' })
  tmp.cleanup()
})

/** What was acknowledged (ok: true) while the disk was full; checked after space is freed. */
const acknowledged: { id: number; name: string }[] = []
const refusedAsFull: string[] = []

function expectFullOrOk(method: string, r: Awaited<ReturnType<typeof call>>): void {
  if (r.ok) return
  expect(r, method).toMatchObject({ code: 'DISK_FULL', messageKey: 'errors:disk.full' })
  refusedAsFull.push(method)
}

describe('a full disk', () => {
  it('the message exists in both languages and says the disk is full', () => {
    expect(zhErrors.disk.full).toContain('磁盘已满')
    expect(yueErrors.disk.full).toContain('磁碟已滿')
  })

  it('every write answers DISK_FULL (or succeeds and is kept); nothing answers INTERNAL or DB_DAMAGED', async () => {
    const before = await call('cases.create', { partyKind: 'person', name: '写满之前', phone: '13800138000', demands: '磁盘满之前的诉求' })
    expect(before.ok).toBe(true)
    acknowledged.push({ id: (before as { value: { id: number } }).value.id, name: '写满之前' })
    fill()
    for (let i = 0; i < 5; i++) {
      const name = `满盘${i}`
      const r = await call('cases.create', { partyKind: 'person', name, phone: '13900139000', demands: '磁盘满时的诉求'.repeat(50) })
      expectFullOrOk('cases.create', r)
      if (r.ok) acknowledged.push({ id: (r.value as { id: number }).id, name })
    }
    const caseId = acknowledged[0]!.id
    expectFullOrOk('cases.update', await call('cases.update', { id: caseId, patch: { demands: '改动'.repeat(500) } }))
    expectFullOrOk('interview.start', await call('interview.start', { caseId }))
    expectFullOrOk('settings.set', await call('settings.set', { orgName: '某某街道'.repeat(10) }))
    expectFullOrOk('session.setLocale', await call('session.setLocale', { locale: 'yue-HK' }))
    expectFullOrOk('users.add', await call('users.add', { displayName: '王社工', loginName: 'wang', passphrase: 'amber falcon quiet harbour', role: 'worker' }))
    const users = await call('users.list')
    const li = (users as { value: { id: number; loginName: string }[] }).value.find((u) => u.loginName === 'li')!
    expectFullOrOk('users.resetPassphrase', await call('users.resetPassphrase', { userId: li.id, passphrase: 'silver meadow paper kite' }))
    expect(refusedAsFull.length).toBeGreaterThan(3)
  })

  it('locking closes the desk although its audit event cannot be written; a reload sees a locked desk', async () => {
    expect(await call('session.lock', { reason: 'user' })).toEqual({ ok: true, value: null })
    expect(app.desk.isOpen).toBe(false)
    // What a reload of the browser tab asks: the desk is locked, not open and not damaged.
    expect(await call('session.current')).toEqual({ ok: true, value: null })
    expect((await call('desk.status')) as { value: { state: string } }).toMatchObject({ value: { state: 'locked' } })
    expect(await call('cases.list', {})).toMatchObject({ ok: false, code: 'LOCKED' })
  })

  it.runIf(mounted)('a login while the disk is full answers DISK_FULL and leaves the desk locked (not half-started)', async () => {
    const r = await call('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(r).toMatchObject({ ok: false, code: 'DISK_FULL', messageKey: 'errors:disk.full' })
    expect(app.desk.isOpen).toBe(false)
    expect(await call('session.current')).toEqual({ ok: true, value: null })
    expect(await call('cases.list', {})).toMatchObject({ ok: false, code: 'LOCKED' })
    const st = (await call('desk.status')) as { value: { state: string; lockedUser: { loginName: string } | null } }
    expect(st.value.state).toBe('locked')
    expect(st.value.lockedUser?.loginName).toBe(SUPERVISOR.loginName)
    // The lock's event waits in memory.
    expect(app.desk.deferredCount).toBeGreaterThan(0)
  })

  it('the idle lock on a full disk locks and does not throw (a throwing timer ends the process)', async () => {
    free()
    expect((await call('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })).ok).toBe(true)
    fill()
    app.desk.lastActivity = 0
    expect(() => checkIdle(app.desk)).not.toThrow()
    expect(app.desk.isOpen).toBe(false)
    expect(await call('session.current')).toEqual({ ok: true, value: null })
  })

  it('logout on a full disk logs out', async () => {
    free()
    expect((await call('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })).ok).toBe(true)
    fill()
    expect(await call('session.logout')).toEqual({ ok: true, value: null })
    expect(app.desk.isOpen).toBe(false)
    expect(await call('session.current')).toEqual({ ok: true, value: null })
  })

  it('once space is freed: every acknowledged record is there, and the held lock/logout events are written in order', async () => {
    free()
    const r = await call('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(r.ok, JSON.stringify(r)).toBe(true)
    expect(app.desk.deferredCount).toBe(0)
    for (const a of acknowledged) {
      const got = await call('cases.get', { id: a.id })
      expect(got.ok, a.name).toBe(true)
      expect(JSON.stringify(got)).toContain(a.name)
    }
    const actions = (
      app.desk.db().sqlite.prepare(`SELECT action, details FROM audit_events WHERE action LIKE 'session.%' ORDER BY id`).all() as {
        action: string
        details: string
      }[]
    ).map((e) => (e.action === 'session.lock' ? `lock:${JSON.parse(e.details).reason}` : e.action.replace('session.', '')))
    expect(actions.slice(-6)).toEqual(['lock:user', 'unlock', 'lock:idle', 'unlock', 'logout', 'login'])
    // The file is whole: a fresh connection passes SQLite's full integrity check.
    expect(integrityCheck(dataDir, app.desk.dbKey())).toEqual(['ok'])
  })
})

describe.runIf(mounted)('a read-only data folder', () => {
  it('is said to be read-only, not damaged: the desk stays "locked" (no restore screen) and login says what to do', async () => {
    const ro = join(tmp.dir, 'ro')
    mkdirSync(ro)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', ro], { stdio: 'ignore' })
    try {
      const other = createDeskApp({ dataDir: join(ro, 'data'), stateDir: join(tmp.dir, 'ro.state'), kdf: SCRYPT_TEST, idleWatch: false })
      session.setup(other.desk, SUPERVISOR)
      session.lock(other.desk, 'user')
      execFileSync('mount', ['-o', 'remount,ro', ro], { stdio: 'ignore' })
      const r = await other.router.invoke('session.login', { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
      expect(r).toMatchObject({ ok: false, code: 'READ_ONLY', messageKey: 'errors:disk.readOnly' })
      expect(await other.router.invoke('desk.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } })
      expect(zhErrors.disk.readOnly).toContain('只读')
      other.stop()
    } finally {
      execFileSync('umount', ['-l', ro], { stdio: 'ignore' })
    }
  })
})
