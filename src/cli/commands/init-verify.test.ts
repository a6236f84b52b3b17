import { afterAll, describe, expect, it } from 'vitest'
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { findUserSlot, readKeyring, unwrapKey } from '../../main/db/keyring'
import { dbPath, openRaw } from '../../main/db/open'
import { tempDir } from '../../../tests/support/desk'
import { runDeskCli } from '../../../tests/support/cli'

/** `npm run desk -- init|verify`, run as a child process exactly as a script would run it. */
const PASS = 'river lantern autumn violet'
const t = tempDir('desk-cli-')
afterAll(() => t.cleanup())

function desk(args: string[], env: Record<string, string | undefined> = {}) {
  return runDeskCli(args, { DESK_PASSPHRASE: undefined, DESK_RECOVERY_KEY: undefined, ...env }, 60000)
}

function dbKey(dataDir: string): Buffer {
  return unwrapKey(findUserSlot(readKeyring(dataDir)!, 'chen')!, PASS)!
}

describe('desk init', () => {
  const dataDir = join(t.dir, 'a')
  let recoveryKey = ''

  it('creates the desk and prints the recovery key once', () => {
    const r = desk(['init', '--data-dir', dataDir, '--name', '陈督导', '--login', 'chen', '--json'], { DESK_PASSPHRASE: PASS })
    expect(r.code, r.err).toBe(0)
    recoveryKey = JSON.parse(r.out).recoveryKey
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    expect(existsSync(dbPath(dataDir))).toBe(true)
    const ring = readFileSync(join(dataDir, 'keyring.json'), 'utf8')
    for (const secret of [PASS, recoveryKey, 'chen', '陈督导']) expect(ring).not.toContain(secret)
  })

  it('refuses a second setup, a missing passphrase and a weak one', () => {
    const again = desk(['init', '--data-dir', dataDir, '--name', '陈督导', '--login', 'chen'], { DESK_PASSPHRASE: PASS })
    expect(again.code).toBe(1)
    expect(again.err).toContain('ALREADY_SET_UP')
    expect(desk(['init', '--data-dir', join(t.dir, 'b'), '--name', '陈', '--login', 'chen']).code).toBe(2)
    const weak = desk(['init', '--data-dir', join(t.dir, 'c'), '--name', '陈', '--login', 'chen'], { DESK_PASSPHRASE: 'password' })
    expect(weak.code).toBe(1)
    expect(weak.err).toContain('WEAK_PASSPHRASE')
    expect(desk(['init', '--name', 'x']).code).toBe(2)
  })

  it('verify: all well with the passphrase, and with the recovery key alone', () => {
    const r = desk(['verify', '--data-dir', dataDir, '--login', 'chen', '--json'], { DESK_PASSPHRASE: PASS })
    expect(r.code, r.out + r.err).toBe(0)
    const report = JSON.parse(r.out)
    expect(report).toMatchObject({ ok: true, integrity: ['ok'], auditChain: { ok: true }, problems: [] })
    expect(report.counts.users).toBe(1)
    expect(report.counts.key_slots).toBe(2)
    const rec = desk(['verify', '--data-dir', dataDir], { DESK_RECOVERY_KEY: recoveryKey.toLowerCase().replace(/-/g, ' ') })
    expect(rec.code, rec.out + rec.err).toBe(0)
    expect(rec.out).toContain('All checks passed.')
  })

  it('init and verify take --user, the old spelling of --login, like every other command', () => {
    const other = join(t.dir, 'user-alias')
    const made = desk(['init', '--data-dir', other, '--name', '李督导', '--user', 'li', '--json'], { DESK_PASSPHRASE: PASS })
    expect(made.code, made.err).toBe(0)
    const r = desk(['verify', '--data-dir', other, '--user', 'li', '--json'], { DESK_PASSPHRASE: PASS })
    expect(r.code, r.out + r.err).toBe(0)
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, problems: [] })
    expect(desk(['verify', '--data-dir', other, '--user', 'chen'], { DESK_PASSPHRASE: PASS }).code).toBe(3)
  })

  it('verify: a wrong passphrase exits 3 and reads nothing', () => {
    const r = desk(['verify', '--data-dir', dataDir, '--login', 'chen'], { DESK_PASSPHRASE: 'not the passphrase' })
    expect(r.code).toBe(3)
  })

  it('verify: an edited audit event is found, with where the chain breaks', () => {
    const db = openRaw(dbPath(dataDir), dbKey(dataDir))
    db.prepare(`UPDATE audit_events SET action = 'something.else' WHERE id = 1`).run()
    db.close()
    const r = desk(['verify', '--data-dir', dataDir, '--login', 'chen', '--json'], { DESK_PASSPHRASE: PASS })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, auditChain: { ok: false, brokenAt: 1, reason: 'edited' } })
  })

  it('verify: flipped bytes in the file are found by the full integrity check', () => {
    const dir = join(t.dir, 'd')
    expect(desk(['init', '--data-dir', dir, '--name', '陈督导', '--login', 'chen'], { DESK_PASSPHRASE: PASS }).code).toBe(0)
    const file = dbPath(dir)
    const pages = statSync(file).size / 4096
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(32, 0x5a), 0, 32, 4096 * (pages - 1) + 500)
    closeSync(fd)
    const r = desk(['verify', '--data-dir', dir, '--login', 'chen', '--json'], { DESK_PASSPHRASE: PASS })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out).ok).toBe(false)
  })
})
