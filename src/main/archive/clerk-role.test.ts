import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../../../tests/support/desk'
import * as session from '../session/service'
import { contract, METHODS } from '@shared/ipc/contract'
import { CLERK_CALLS } from '@shared/ipc/clerk-access'
import { createCase } from '../cases/api'

import { CLERK } from './clerk.test-support'

/** Every row of every table but the audit trail, as one string: what a refused call must not change. */
function records(t: TestDesk): string {
  const db = t.desk.db().sqlite
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' AND name <> 'audit_events' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
  return JSON.stringify(tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]))
}

function auditCount(t: TestDesk, action: string): number {
  return (t.desk.db().sqlite.prepare('SELECT count(*) AS n FROM audit_events WHERE action = ?').get(action) as { n: number }).n
}

/**
 * Issue 15 §4: the records clerk (档案管理) finds cases, opens and prints forms and files them; every
 * other call is refused in the main process, whatever the page sends, and the refusal is audited.
 */
describe('records clerk role, checked in the main process', () => {
  let t: TestDesk
  let caseId: number
  beforeAll(() => {
    t = setupDesk()
    caseId = createCase(t.desk, { partyKind: 'person', name: '陈𠮶堃', contactDate: '2026-11-19' }).id
    session.addUser(t.desk, CLERK)
    session.logout(t.desk)
    session.login(t.desk, { loginName: CLERK.loginName, passphrase: CLERK.passphrase })
  })
  afterAll(() => t.cleanup())

  it('a supervisor creates clerk accounts; the session says 档案管理', () => {
    expect(t.desk.session?.role).toBe('clerk')
  })

  it('walks the whole contract as a clerk: every call outside the reads and the archive is FORBIDDEN, changes nothing, and is audited', async () => {
    const before = records(t)
    const refusedBefore = auditCount(t, 'access.refused')
    const refused: string[] = []
    for (const method of METHODS) {
      const def = contract[method]
      if (def.access === 'public' || def.access === 'records' || CLERK_CALLS.has(method)) continue
      // Arguments that would pass for a worker where the call takes an id: the role, not the shape, refuses.
      const r = await t.router.invoke(method, { id: caseId, caseId, subjectId: caseId, interviewId: 1, userId: 1 })
      expect(r, method).toMatchObject({ ok: false, code: 'FORBIDDEN' })
      refused.push(method)
    }
    // The writes a clerk must never make are all among them.
    for (const m of ['cases.create', 'cases.update', 'cases.setRisk', 'cases.close', 'interview.start', 'interview.save', 'signoff.sign', 'users.add', 'drafts.save'])
      if (METHODS.includes(m as never)) expect(refused, m).toContain(m)
    expect(refused.length).toBeGreaterThan(60)
    expect(records(t)).toBe(before)
    expect(auditCount(t, 'access.refused') - refusedBefore).toBe(refused.length)
  })

  it('allows exactly the reviewed reads, never a write (a new call is refused until added here on purpose)', () => {
    expect([...CLERK_CALLS].sort()).toEqual(
      [
        'cases.get',
        'cases.list',
        'cases.search',
        'cases.workers',
        'forms.blank',
        'forms.check',
        'forms.output',
        'interview.list',
        'session.activity',
        'session.changePassphrase',
        'session.lock',
        'session.logout',
        'session.setLocale',
        'settings.get',
        'signoff.get'
      ].sort()
    )
  })

  it('finds and opens a case, every access audited (the call and the case, never its text)', async () => {
    const views = auditCount(t, 'cases.view')
    const access = auditCount(t, 'clerk.access')
    expect(await t.router.invoke('cases.search', { query: '陈𠮶' })).toMatchObject({ ok: true, value: [{ id: caseId }] })
    expect(await t.router.invoke('cases.get', { id: caseId })).toMatchObject({ ok: true })
    expect(auditCount(t, 'cases.view')).toBe(views + 1)
    expect(auditCount(t, 'clerk.access')).toBe(access + 1)
    const row = t.desk.db().sqlite.prepare(`SELECT details FROM audit_events WHERE action = 'clerk.access' ORDER BY id DESC LIMIT 1`).get() as { details: string }
    expect(row.details).not.toContain('陈')
  })

  it('cannot open supervisor-only screens: their calls are refused', async () => {
    for (const m of ['users.list', 'audit.query', 'cases.caseload', 'signoff.queue'] as const)
      if (METHODS.includes(m as never)) expect(await t.router.invoke(m, {}), m).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it("the archive's calls are refused to a worker, allowed to a clerk and a supervisor", async () => {
    expect(await t.router.invoke('archive.today', {})).toMatchObject({ ok: true })
    session.logout(t.desk)
    session.login(t.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    for (const m of METHODS.filter((m) => contract[m].access === 'records')) expect(await t.router.invoke(m, {}), m).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    session.logout(t.desk)
    session.login(t.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(await t.router.invoke('archive.today', {})).toMatchObject({ ok: true })
    session.logout(t.desk)
    session.login(t.desk, { loginName: CLERK.loginName, passphrase: CLERK.passphrase })
  })
})
