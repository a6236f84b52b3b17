import { afterEach, describe, expect, it } from 'vitest'
import { exportBackup, restoreReplace, setBackupPassphrase } from '../../src/main/backup/service'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import { setupDesk, SUPERVISOR, WORKER, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS } from './backup-helpers'

/**
 * Issue #11, LOW: a restore that would bring back passphrases revoked since the backup names the
 * accounts in words, goes ahead only with a yes, and records which ones came back.
 */
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

describe('a restore that brings back revoked passphrases asks first', () => {
  it('names the disabled account and the reset one, changes nothing without a yes, and audits the yes', async () => {
    const d: TestDesk = setupDesk()
    const f = tempDir('desk-bk-')
    cleanups.push(d.cleanup, f.cleanup)
    setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true }, SCRYPT_TEST)
    const wang = session.addUser(d.desk, { displayName: '王社工', loginName: 'wang', role: 'worker', passphrase: 'amber window seven kites' })
    const out = await exportBackup(d.desk, { folder: f.dir })
    const li = session.listUsers(d.desk).find((u) => u.loginName === WORKER.loginName)!
    session.setDisabled(d.desk, { userId: li.id, disabled: true })
    session.resetPassphrase(d.desk, { userId: wang.id, passphrase: 'quiet harbour morning tide' })

    const refused = restoreReplace(d.desk, { file: out.file, passphrase: BACKUP_PASS, confirm: '覆盖', safetyFolder: f.dir })
    await expect(refused).rejects.toMatchObject({ code: 'CONFLICT', messageKey: 'supervisor:restore.errors.revived' })
    const params = (await refused.catch((e: { params: Record<string, string | number> }) => e.params)) as Record<string, string | number>
    expect(params.count).toBe(2)
    expect(params.accounts).toContain('李社工（备份之后已停用）')
    expect(params.accounts).toContain('王社工（备份之后改过或重设过密码）')
    // Nothing was replaced: the desk is open, the worker still disabled.
    expect(d.desk.isOpen).toBe(true)
    expect(session.listUsers(d.desk).find((u) => u.id === li.id)?.disabled).toBe(true)

    await restoreReplace(d.desk, { file: out.file, passphrase: BACKUP_PASS, confirm: '覆盖', safetyFolder: f.dir, acceptRevived: true })
    session.login(d.desk, SUPERVISOR)
    const ev = d.desk.db().sqlite.prepare(`SELECT actor_id, details FROM audit_events WHERE action = 'backup.restore' ORDER BY id DESC LIMIT 1`).get() as { actor_id: number; details: string }
    expect(ev.actor_id).toBe(d.desk.session!.userId)
    expect(JSON.parse(ev.details).revivedPassphrases.sort()).toEqual([li.id, wang.id].sort())
    // As warned: the old passphrases work again.
    session.logout(d.desk)
    expect(() => session.login(d.desk, { loginName: 'wang', passphrase: 'amber window seven kites' })).not.toThrow()
  })
})
