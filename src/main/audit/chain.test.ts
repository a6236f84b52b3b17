import { afterEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { openDatabase, type Connection } from '../db/open'
import { auditEvents, users } from '../db/schema'
import { tempDir } from '../../../tests/support/desk'
import { appendAudit, auditRowColumns, chainHead, setAuditKey, verifyChain } from './chain'

/**
 * The chain's hashes are a format: databases written by earlier versions must still verify, and
 * every backup's manifest and printed export names a head by its hash. The expected hashes below
 * were computed by the version before the trail was written through drizzle (prepared SQL strings),
 * on the same events: the canonical form must not drift with the query layer.
 */
const open: { conn: Connection; cleanup: () => void }[] = []
afterEach(() => {
  while (open.length) {
    const o = open.pop()!
    o.conn.sqlite.close()
    o.cleanup()
  }
})

function freshDb(): Connection {
  const t = tempDir('desk-chain-')
  const conn = openDatabase(t.dir, Buffer.alloc(32, 3), { create: true })
  open.push({ conn, cleanup: t.cleanup })
  for (const [id, login] of [[1, 'chen'], [2, 'li']] as const) {
    conn.orm.insert(users).values({ id, loginName: login, displayName: login, role: 'supervisor', createdAt: 'x', updatedAt: 'x' }).run()
  }
  return conn
}

describe('the audit chain', () => {
  it('hashes events exactly as earlier versions did, plain and keyed (existing trails verify)', () => {
    const { sqlite, orm } = freshDb()
    appendAudit(sqlite, { actorId: null, action: 'desk.setup', subjectType: 'user', subjectId: 1 }, new Date('2026-11-18T02:03:04.005Z'))
    setAuditKey(sqlite, Buffer.alloc(32, 9))
    appendAudit(sqlite, { actorId: 1, action: 'cases.create', subjectType: 'case', subjectId: '42', details: { caseNo: '2026-000001', 备注: '陈𠮶堃' } }, new Date('2026-11-18T02:03:05.000Z'))
    appendAudit(sqlite, { actorId: 2, action: 'session.lock', details: { reason: 'idle' } }, new Date('2026-11-19T00:00:00.000Z'))
    const rows = orm.select(auditRowColumns).from(auditEvents).orderBy(asc(auditEvents.id)).all()
    expect(rows).toEqual([
      { id: 1, at: '2026-11-18T02:03:04.005Z', actor_id: null, action: 'desk.setup', subject_type: 'user', subject_id: '1', details: '{}', prev_hash: '0'.repeat(64), hash: '40ceea93ed27f8792091d0b3df4d69d3908873d53b94d5f460914125ba6e84b8' },
      {
        id: 2,
        at: '2026-11-18T02:03:05.000Z',
        actor_id: 1,
        action: 'cases.create',
        subject_type: 'case',
        subject_id: '42',
        details: '{"caseNo":"2026-000001","备注":"陈𠮶堃"}',
        prev_hash: '40ceea93ed27f8792091d0b3df4d69d3908873d53b94d5f460914125ba6e84b8',
        hash: 'b918df6accbf6829fa2d6f45238b45fc1b71be1b64120a067383374ada6cd01f'
      },
      {
        id: 3,
        at: '2026-11-19T00:00:00.000Z',
        actor_id: 2,
        action: 'session.lock',
        subject_type: null,
        subject_id: null,
        details: '{"reason":"idle"}',
        prev_hash: 'b918df6accbf6829fa2d6f45238b45fc1b71be1b64120a067383374ada6cd01f',
        hash: '7174d92eb18c6bcb7b5e125634ae72b36a4676fe3dff7fa2e3e0b6b85b3dbed8'
      }
    ])
    expect(chainHead(sqlite)).toEqual({ id: 3, hash: '7174d92eb18c6bcb7b5e125634ae72b36a4676fe3dff7fa2e3e0b6b85b3dbed8' })
    expect(verifyChain(sqlite)).toEqual({ ok: true, checked: 3, brokenAt: null, reason: null, keyed: 2 })
  })

  it('checks a trail longer than one page, and finds an edit or a deletion past the first page', () => {
    const { sqlite, orm } = freshDb()
    setAuditKey(sqlite, Buffer.alloc(32, 9))
    const at = new Date('2026-11-18T02:00:00.000Z')
    sqlite.transaction(() => {
      for (let i = 0; i < 4100; i++) appendAudit(sqlite, { actorId: 1, action: 'cases.update', subjectType: 'case', subjectId: i }, at)
    })()
    expect(verifyChain(sqlite)).toMatchObject({ ok: true, checked: 4100, keyed: 4100 })
    expect(verifyChain(sqlite, undefined, { id: 4100, hash: chainHead(sqlite).hash })).toMatchObject({ ok: true })
    orm.update(auditEvents).set({ details: '{"edited":true}' }).where(eq(auditEvents.id, 3001)).run()
    expect(verifyChain(sqlite)).toMatchObject({ ok: false, brokenAt: 3001, reason: 'edited', checked: 3001 })
    orm.delete(auditEvents).where(eq(auditEvents.id, 3001)).run()
    expect(verifyChain(sqlite)).toMatchObject({ ok: false, brokenAt: 3002, reason: 'missing' })
    // The read it opened is over: the connection takes writes again.
    expect(sqlite.inTransaction).toBe(false)
  })
})
