import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { eventHash, GENESIS, type AuditRow } from '../../src/main/audit/chain'
import { keyHandle } from '../../src/main/db/open'
import * as session from '../../src/main/session/service'
import { runDeskCli } from '../support/cli'
import { setupDesk, SUPERVISOR, type TestDesk } from '../support/desk'

const open: TestDesk[] = []
afterEach(() => {
  while (open.length) open.pop()!.cleanup()
})

const verify = (d: TestDesk) => {
  const r = runDeskCli(['verify', '--data-dir', d.dataDir, '--login', SUPERVISOR.loginName, '--json'], { DESK_PASSPHRASE: SUPERVISOR.passphrase, DESK_RECOVERY_KEY: undefined }, 60_000)
  return { code: r.code, report: r.out ? JSON.parse(r.out) : null, err: r.err }
}

/** A desk with some history, closed (as at the end of a shift), and the raw database opened by someone holding the key. */
function closedDesk(): { d: TestDesk; raw: Database.Database } {
  const d = setupDesk()
  open.push(d)
  for (let i = 0; i < 5; i++) session.setLocale(d.desk, i % 2 ? 'yue-HK' : 'zh-CN')
  const key = Buffer.from(d.desk.dbKey())
  session.logout(d.desk)
  const raw = new Database(`${d.dataDir}/desk.db`)
  keyHandle(raw, key)
  return { d, raw }
}

describe('the audit trail cannot be quietly shortened or rewritten', () => {
  it('an untouched trail verifies, keyed and anchored', () => {
    const { d, raw } = closedDesk()
    raw.close()
    const v = verify(d)
    expect(v.code, v.err).toBe(0)
    expect(v.report.auditChain.keyed).toBeGreaterThan(5)
    expect(v.report.auditChain.anchor).toBeGreaterThan(5)
  })

  it('deleting the newest events is reported as a shortened trail', () => {
    const { d, raw } = closedDesk()
    raw.prepare('DELETE FROM audit_events WHERE id > (SELECT max(id) - 3 FROM audit_events)').run()
    raw.close()
    const v = verify(d)
    expect(v.code).toBe(1)
    expect(v.report.problems.join('\n')).toContain('audit trail shortened')
  })

  it('editing an event and re-hashing the whole chain (SHA-256, every link) is reported', () => {
    const { d, raw } = closedDesk()
    const rows = raw.prepare('SELECT * FROM audit_events ORDER BY id').all() as AuditRow[]
    let prev = GENESIS
    raw.transaction(() => {
      for (const r of rows) {
        const details = r.action === 'session.setLocale' ? JSON.stringify({ locale: 'en' }) : r.details
        const hash = eventHash(prev, { ...r, details })
        raw.prepare('UPDATE audit_events SET details = ?, prev_hash = ?, hash = ? WHERE id = ?').run(details, prev, hash, r.id)
        prev = hash
      }
    })()
    raw.close()
    const v = verify(d)
    expect(v.code).toBe(1)
    expect(v.report.problems.join('\n')).toMatch(/audit (chain broken|event \d+ was rewritten)/)
  })
})

describe('what the trail records besides changes', () => {
  it('a refused call (who tried which call, nothing else) and the opening of a case record', async () => {
    const { seed } = await import('./backup-helpers')
    const { WORKER } = await import('../support/desk')
    const d = setupDesk()
    open.push(d)
    seed(d.desk.db().sqlite)
    session.logout(d.desk)
    session.login(d.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    const me = d.desk.session!.userId
    expect(await d.router.invoke('users.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await d.router.invoke('backup.verify', { file: '/tmp/secret-name.pdbackup', passphrase: 'x' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const caseId = (d.desk.db().sqlite.prepare('SELECT id FROM cases ORDER BY id LIMIT 1').get() as { id: number }).id
    expect((await d.router.invoke('cases.get', { id: caseId })).ok).toBe(true)
    const rows = d.desk.db().sqlite.prepare(`SELECT actor_id, action, subject_id, details FROM audit_events WHERE action IN ('access.refused', 'cases.view') ORDER BY id`).all()
    expect(rows).toEqual([
      { actor_id: me, action: 'access.refused', subject_id: null, details: JSON.stringify({ call: 'users.list' }) },
      { actor_id: me, action: 'access.refused', subject_id: null, details: JSON.stringify({ call: 'backup.verify' }) },
      { actor_id: me, action: 'cases.view', subject_id: String(caseId), details: JSON.stringify({ call: 'cases.get' }) }
    ])
  })
})
