import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as session from '../../src/main/session/service'
import { setupDesk, SUPERVISOR, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS, newerAppBackup, seed } from './backup-helpers'
import { runDeskCli } from '../support/cli'

let d: TestDesk
let dir: { dir: string; cleanup(): void }

function desk(args: string[], env: Record<string, string> = {}) {
  return runDeskCli(['backup', ...args], env)
}

beforeAll(() => {
  d = setupDesk()
  seed(d.desk.db().sqlite, 50)
  session.logout(d.desk)
  dir = tempDir('desk-cli-bk-')
})
afterAll(() => {
  d.cleanup()
  dir.cleanup()
})

describe('npm run desk -- backup …', () => {
  it('exports as the first supervisor, verifies (0), tells a wrong passphrase (3), damage (4) and a newer file apart, restores into a new folder', () => {
    const file = join(dir.dir, 'cli.pdbackup')
    const exp = desk(['export', '--data-dir', d.dataDir, '--out', file], { DESK_PASSPHRASE: SUPERVISOR.passphrase, DESK_BACKUP_PASSPHRASE: BACKUP_PASS })
    expect(exp.code, exp.err).toBe(0)
    expect(existsSync(file)).toBe(true)
    expect(desk(['verify', file], { DESK_BACKUP_PASSPHRASE: BACKUP_PASS })).toMatchObject({ code: 0 })
    const wrong = desk(['verify', file], { DESK_BACKUP_PASSPHRASE: 'not it at all' })
    expect(wrong.code).toBe(3)
    expect(wrong.err).toContain('BACKUP_WRONG_PASSPHRASE')
    const bytes = readFileSync(file)
    bytes[1000] ^= 0x10
    writeFileSync(join(dir.dir, 'flipped.pdbackup'), bytes)
    expect(desk(['verify', join(dir.dir, 'flipped.pdbackup')], { DESK_BACKUP_PASSPHRASE: BACKUP_PASS }).code).toBe(4)
    const target = join(dir.dir, 'restored', 'data')
    const res = desk(['restore', file, '--data-dir', target], { DESK_BACKUP_PASSPHRASE: BACKUP_PASS })
    expect(res.code, res.err).toBe(0)
    expect(existsSync(join(target, 'desk.db'))).toBe(true)
    // Restoring over a folder that holds a desk is refused.
    expect(desk(['restore', file, '--data-dir', target], { DESK_BACKUP_PASSPHRASE: BACKUP_PASS }).code).toBe(1)
  })

  it('a backup from a newer app → exit code 5', async () => {
    const target = await newerAppBackup(dir.dir)
    const r = desk(['verify', target], { DESK_BACKUP_PASSPHRASE: BACKUP_PASS })
    expect(r.code).toBe(5)
    expect(r.err).toContain('BACKUP_TOO_NEW')
  })
})
