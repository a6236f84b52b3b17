import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import * as backup from '../../src/main/backup/service'
import { setupDesk, SUPERVISOR, WORKER, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS, canonicalDump, seed } from './backup-helpers'

const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function desk(): TestDesk {
  const d = setupDesk()
  cleanups.push(() => d.cleanup())
  seed(d.desk.db().sqlite)
  return d
}

describe('backup export → restore', () => {
  it('restores into an empty data folder with every table row for row, and the same accounts log in', async () => {
    const d = desk()
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const out = tempDir('desk-bk-')
    cleanups.push(out.cleanup)
    const progress: number[] = []
    d.desk.on('progress', (p) => p.task === 'backup' && progress.push(p.done))
    const res = await backup.exportBackup(d.desk, { folder: out.dir })
    expect(res.file.startsWith(out.dir)).toBe(true)
    expect(readdirSync(out.dir)).toEqual([res.file.split('/').pop()])
    expect(progress.at(-1)).toBe(1000)
    expect(progress.length).toBeGreaterThan(2)
    // Nothing personal in the clear: the organisation name written above is not in the file.
    const bytes = readFileSync(res.file)
    expect(bytes.includes(Buffer.from('社工服务中心'))).toBe(false)
    expect(bytes.includes(Buffer.from('2026-000001'))).toBe(false)

    const key = Buffer.from(d.desk.dbKey())
    // The export's own audit event and log row come after the snapshot; the restore adds its own.
    const later = (t: string, row: Record<string, unknown>) =>
      (t === 'audit_events' && (row.action === 'backup.restore' || row.action === 'backup.export')) || t === 'backup_log'
    const before = canonicalDump(d.dataDir, key, { skip: later })

    const fresh = tempDir('desk-fresh-')
    cleanups.push(fresh.cleanup)
    const dataDir = join(fresh.dir, 'data')
    const app = createDeskApp({ dataDir, kdf: SCRYPT_TEST, idleWatch: false })
    cleanups.push(() => app.stop())
    expect(session.status(app.desk).state).toBe('new')
    const r = await backup.restoreFresh(app.desk, { file: res.file, passphrase: BACKUP_PASS })
    expect(r.backupCreatedAt).toBe(res.createdAt)
    expect(session.status(app.desk).state).toBe('locked')

    // The restored database is keyed with the desk's own key again, exactly as before.
    const after = canonicalDump(dataDir, key, { skip: later })
    expect(Object.keys(after)).toEqual(Object.keys(before))
    for (const t of Object.keys(before)) expect({ t, rows: after[t] }).toEqual({ t, rows: before[t] })

    // The accounts in the backup log in, with their passphrases, and the restore is on the trail.
    const info = session.login(app.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(info.role).toBe('supervisor')
    const actions = app.desk.db().sqlite.prepare('SELECT action FROM audit_events ORDER BY id DESC LIMIT 1').get() as { action: string }
    expect(actions.action).toBe('session.login')
    session.logout(app.desk)
    expect(session.login(app.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase }).role).toBe('worker')
    session.logout(app.desk)
    // …and so does the recovery key.
    const rec = session.recover(app.desk, { recoveryKey: d.recoveryKey })
    expect(rec.supervisors.map((s) => s.loginName)).toContain(SUPERVISOR.loginName)
  })

  it('verify gives a verdict with the counts, and rotation keeps the last K in the folder', async () => {
    const d = desk()
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const out = tempDir('desk-bk-')
    cleanups.push(out.cleanup)
    backup.saveBackupSettings(d.desk, { folder: out.dir, keep: 2 })
    let t = Date.parse('2026-03-01T09:00:00Z')
    ;(d.desk as { now: () => Date }).now = () => new Date((t += 61_000))
    const files: string[] = []
    for (let i = 0; i < 3; i++) files.push((await backup.exportBackup(d.desk)).file)
    expect(readdirSync(out.dir).sort()).toEqual(files.slice(1).map((f) => f.split('/').pop()).sort())
    const v = await backup.verifyBackup(d.desk, { file: files[2], passphrase: BACKUP_PASS })
    expect(v.ok).toBe(true)
    expect(v.tables.cases).toBe(300)
    expect(v.tables.users).toBe(2)
    const st = backup.backupStatus(d.desk)
    expect(st.due).toBe(false)
    expect(st.lastBackupAt).not.toBeNull()
    expect(backup.backupLog(d.desk).map((l) => l.kind)).toEqual(['verify', 'export', 'export', 'export'])
  })

  it('replacing current data asks for the typed word, takes a safety backup, and brings back the old records', async () => {
    const d = desk()
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const out = tempDir('desk-bk-')
    cleanups.push(out.cleanup)
    const res = await backup.exportBackup(d.desk, { folder: out.dir })
    d.desk.db().sqlite.prepare(`DELETE FROM cases WHERE id > 10`).run()
    await expect(backup.restoreReplace(d.desk, { file: res.file, passphrase: BACKUP_PASS, confirm: 'yes' })).rejects.toMatchObject({ code: 'BAD_ARGS' })
    await expect(backup.restoreReplace(d.desk, { file: res.file, passphrase: 'not the passphrase at all', confirm: '覆盖' })).rejects.toMatchObject({
      code: 'BACKUP_WRONG_PASSPHRASE'
    })
    expect(d.desk.isOpen).toBe(true)
    const safetyDir = join(out.dir, 'safety')
    mkdirSync(safetyDir)
    const r = await backup.restoreReplace(d.desk, { file: res.file, passphrase: BACKUP_PASS, confirm: '覆盖', safetyFolder: safetyDir })
    expect(existsSync(r.safetyFile)).toBe(true)
    expect(d.desk.isOpen).toBe(false)
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect((d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(300)
    // The safety backup holds the state just before: 10 cases.
    const v = await backup.verifyBackup(d.desk, { file: r.safetyFile, passphrase: BACKUP_PASS })
    expect(v.tables.cases).toBe(10)
  })

  it('a damaged desk is restored from the damaged screen; the damaged files are kept aside, never deleted', async () => {
    const d = desk()
    backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
    const out = tempDir('desk-bk-')
    cleanups.push(out.cleanup)
    const res = await backup.exportBackup(d.desk, { folder: out.dir })
    session.logout(d.desk)
    // Damage the database: overwrite most of its first page (the schema).
    const file = join(d.dataDir, 'desk.db')
    const bytes = readFileSync(file)
    bytes.fill(0x41, 100, 4000)
    writeFileSync(file, bytes)
    expect(() => session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }))
    expect(session.status(d.desk).state).toBe('damaged')
    // Replacing a damaged desk's data needs a supervisor's login (of the backup), never nobody's or a worker's.
    await expect(backup.restoreFresh(d.desk, { file: res.file, passphrase: BACKUP_PASS })).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'supervisor:restore.errors.needsSupervisor' })
    await expect(backup.restoreFresh(d.desk, { file: res.file, passphrase: BACKUP_PASS, supervisor: { loginName: WORKER.loginName, passphrase: WORKER.passphrase } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'supervisor:restore.errors.notSupervisor'
    })
    await expect(backup.restoreFresh(d.desk, { file: res.file, passphrase: BACKUP_PASS, supervisor: { loginName: SUPERVISOR.loginName, passphrase: 'not this one at all' } })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(readFileSync(file).equals(bytes)).toBe(true)
    await backup.restoreFresh(d.desk, { file: res.file, passphrase: BACKUP_PASS, supervisor: { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase } })
    expect(session.status(d.desk).state).toBe('locked')
    const parent = join(d.dataDir, '..')
    const aside = readdirSync(parent).filter((n) => n.startsWith('data.replaced-'))
    expect(aside).toHaveLength(1)
    expect(readFileSync(join(parent, aside[0], 'desk.db')).equals(bytes)).toBe(true)
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect((d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(300)
  })
})
