import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { createDeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import { integrityCheck } from '../../src/main/db/open'
import { verifyChain } from '../../src/main/audit/chain'
import * as session from '../../src/main/session/service'
import { tempDir } from '../support/desk'
import { killed, readLines, ROOT, spawnTs } from './children/spawn'

/**
 * Crash safety: a process writing records is killed with SIGKILL in mid-stream. Every record whose
 * write returned is there afterwards, the file passes a full integrity check (every page read and
 * authenticated), and the audit chain is unbroken.
 */
const t = tempDir('desk-crash-')
afterAll(() => t.cleanup())

describe('SIGKILL while writing', () => {
  it('keeps every committed record and leaves an intact, verifiable file', async () => {
    const dataDir = join(t.dir, 'data')
    const login = { loginName: 'crash', passphrase: 'lantern violet morning river' }
    const child = spawnTs(join(ROOT, 'tests/integration/children/crash-writer.ts'), [dataDir, login.loginName, login.passphrase])
    let lines: string[]
    try {
      // Kill at an arbitrary point well into the stream.
      const target = 150 + Math.floor(Math.random() * 150)
      lines = await readLines(child, (_l, all) => all.length > target)
    } finally {
      await killed(child)
    }
    expect(child.signalCode).toBe('SIGKILL')
    const mode = lines[0]
    const acknowledged = lines.slice(1).map(Number)
    expect(acknowledged.length).toBeGreaterThan(100)

    const app = createDeskApp({ dataDir, kdf: SCRYPT_TEST, idleWatch: false })
    try {
      session.login(app.desk, login)
      const db = app.desk.db().sqlite
      const present = new Set((db.prepare('SELECT id FROM cases').all() as { id: number }[]).map((r) => r.id))
      const missing = acknowledged.filter((id) => !present.has(id))
      expect(missing, `lost committed records (${mode})`).toEqual([])
      expect(verifyChain(db)).toMatchObject({ ok: true, brokenAt: null })
      expect(integrityCheck(dataDir, app.desk.dbKey())).toEqual(['ok'])
    } finally {
      app.stop()
    }
  })
})
