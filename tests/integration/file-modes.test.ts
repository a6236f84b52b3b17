import { describe, expect, it } from 'vitest'
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupDesk } from '../support/desk'
import * as session from '../../src/main/session/service'
import { sweepExportTemps, sweepLeftovers } from '../../src/main/fs/leftovers'

describe('files we write', () => {
  it.skipIf(process.platform === 'win32')('desk.db, its -wal/-shm and keyring.json are 0600, the data folder 0700 — also an old 0644 file after the next open', () => {
    const d = setupDesk()
    try {
      const modes = () => Object.fromEntries(readdirSync(d.dataDir).map((f) => [f, (statSync(join(d.dataDir, f)).mode & 0o777).toString(8)]))
      for (const [f, m] of Object.entries(modes())) expect(m, f).toBe('600')
      expect((statSync(d.dataDir).mode & 0o777).toString(8)).toBe('700')
      session.lock(d.desk, 'user')
      chmodSync(join(d.dataDir, 'desk.db'), 0o644)
      session.login(d.desk, { loginName: 'chen', passphrase: 'correct horse battery staple' })
      for (const [f, m] of Object.entries(modes())) expect(m, f).toBe('600')
    } finally {
      d.cleanup()
    }
  })
})

describe('what killed runs left', () => {
  it('a restore staging folder, verify scratch files and half-written temp files are removed at start; a fresh export temp in a shared folder is kept', () => {
    const d = setupDesk()
    try {
      const parent = join(d.dataDir, '..')
      const staging = `${d.dataDir}.restore-0badf00d`
      mkdirSync(staging)
      writeFileSync(join(staging, 'desk.db'), Buffer.alloc(1024))
      writeFileSync(join(d.desk.stateDir, '.verify-0123456789abcdef.db'), 'x')
      writeFileSync(join(d.desk.stateDir, '.verify-0123456789abcdef.db-wal'), 'x')
      writeFileSync(join(d.dataDir, '.keyring.json.a1b2c3d4e5f6.tmp'), 'x')
      const backups = join(parent, 'backups')
      mkdirSync(backups)
      const old = join(backups, '.desk-2026.pdbk.a1b2c3d4e5f6.tmp')
      const fresh = join(backups, '.desk-2027.pdbk.0a1b2c3d4e5f.tmp')
      writeFileSync(old, 'x')
      writeFileSync(fresh, 'x')
      const removed = sweepLeftovers(d.dataDir, d.desk.stateDir)
      expect(removed.length).toBe(4)
      expect(readdirSync(parent)).not.toContain('data.restore-0badf00d')
      expect(readdirSync(d.desk.stateDir).filter((f) => f.startsWith('.verify'))).toEqual([])
      expect(readdirSync(d.dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([])
      // A backup folder may be shared: only what is over an hour old goes.
      expect(sweepExportTemps(backups, 3_600_000, Date.now() + 1000)).toEqual([])
      expect(sweepExportTemps(backups, 3_600_000, Date.now() + 2 * 3_600_000).sort()).toEqual([fresh, old].sort())
      // The desk still opens: nothing of its own was touched.
      expect(session.status(d.desk).state).toBe('unlocked')
    } finally {
      d.cleanup()
    }
  })
})
