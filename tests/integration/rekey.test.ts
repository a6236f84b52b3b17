import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeskApp } from '../../src/main/app'
import { readKeyring, SCRYPT_TEST, unwrapKey } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import { rotateDatabaseKey, type RekeyStep } from '../../src/main/session/rekey'
import { setupDesk, SUPERVISOR, WORKER, type TestDesk } from '../support/desk'
import { seed } from './backup-helpers'

const ROOT = resolve(__dirname, '../..')
const open: (() => void)[] = []
afterEach(() => {
  while (open.length) open.pop()!()
})

function fresh(): TestDesk {
  const d = setupDesk()
  open.push(() => d.cleanup())
  seed(d.desk.db().sqlite)
  return d
}
const caseCount = (d: { desk: TestDesk['desk'] }) => (d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
const reopen = (d: TestDesk) => {
  const app = createDeskApp({ dataDir: d.dataDir, kdf: SCRYPT_TEST, idleWatch: false })
  open.push(() => app.stop())
  return app
}

describe('rotating the database key', () => {
  it('re-encrypts once: the old key opens nothing afterwards, every active account and the recovery key still do, a disabled one does not', async () => {
    const d = fresh()
    const oldKey = Buffer.from(d.desk.dbKey())
    const li = session.listUsers(d.desk).find((u) => u.loginName === WORKER.loginName)!
    // Li logs in once (her slot becomes version 2), then is disabled.
    session.logout(d.desk)
    session.login(d.desk, { loginName: WORKER.loginName, passphrase: WORKER.passphrase })
    session.logout(d.desk)
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    session.setDisabled(d.desk, { userId: li.id, disabled: true })
    const before = caseCount(d)
    const progress: number[] = []
    d.desk.on('progress', (p) => p.task === 'rekey' && progress.push(p.done))
    const res = rotateDatabaseKey(d.desk)
    expect(res).toEqual({ needNewPassphrase: [], recoveryKey: null })
    expect(progress.at(-1)).toBe(1000)
    expect(progress.length).toBeGreaterThan(2)
    expect(d.desk.dbKey().equals(oldKey)).toBe(false)
    expect(caseCount(d)).toBe(before)
    expect(d.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM audit_events WHERE action = 'desk.rotateKey'`).get()).toEqual({ n: 1 })
    // Every slot in the new keyring wraps the new key; nothing opens with the old one.
    const ring = readKeyring(d.dataDir)!
    expect(unwrapKey(ring.slots.find((s) => s.kind === 'recovery')!, d.recoveryKey.replace(/-/g, '').match(/.{4}/g)!.join('-'))?.equals(d.desk.dbKey())).toBe(true)
    const Database = (await import('better-sqlite3')).default
    const raw = new Database(join(d.dataDir, 'desk.db'), { readonly: true })
    raw.pragma(`cipher='sqlcipher'`)
    raw.pragma('legacy=4')
    raw.pragma(`key="x'${oldKey.toString('hex')}'"`)
    expect(() => raw.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/)
    raw.close()
    expect(readdirSync(d.dataDir).sort()).toEqual(['desk.db', 'desk.db-shm', 'desk.db-wal', 'keyring.json'].filter((f) => existsSync(join(d.dataDir, f))))
    // A fresh start: the supervisor logs in with the same passphrase.
    session.logout(d.desk)
    const app = reopen(d)
    session.login(app.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(caseCount(app)).toBe(before)
  })

  it('a slot not yet upgraded (its owner has not logged in since) is named, and the recovery key is replaced when its slot cannot be re-wrapped', () => {
    const d = fresh()
    // Make the worker's and the recovery slot version 1, as an older app wrote them.
    const ring = readKeyring(d.dataDir)!
    const li = session.listUsers(d.desk).find((u) => u.loginName === WORKER.loginName)!
    for (const s of ring.slots) if (s.userId === li.id || s.kind === 'recovery') delete (s as { v?: number }).v
    writeFileSync(join(d.dataDir, 'keyring.json'), JSON.stringify(ring))
    const res = rotateDatabaseKey(d.desk)
    expect(res.needNewPassphrase).toEqual([li.id])
    expect(res.recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/)
    const next = readKeyring(d.dataDir)!
    expect(unwrapKey(next.slots.find((s) => s.kind === 'recovery')!, res.recoveryKey!)?.equals(d.desk.dbKey())).toBe(true)
    expect(next.slots.some((s) => s.userId === li.id)).toBe(false)
  })

  it.each<RekeyStep>(['copied', 'rekeyed', 'staged', 'ringStaged', 'swapped'])('stopped after "%s" (as a kill would leave it), the next start has one consistent pair', (step) => {
    const d = fresh()
    const before = caseCount(d)
    rotateDatabaseKey(d.desk, { stopAfter: step })
    session.logout(d.desk)
    const app = reopen(d)
    session.login(app.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    expect(caseCount(app)).toBe(before)
    expect(readdirSync(d.dataDir).filter((f) => /rekey|next/.test(f))).toEqual([])
  })

  it('SIGKILLed while rotating, at several points: the desk opens afterwards with every row', async () => {
    const d = fresh()
    const db = d.desk.db().sqlite
    const ins = db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)`)
    db.transaction(() => {
      for (let i = 0; i < 20000; i++) ins.run(`bulk.${i}`, JSON.stringify('x'.repeat(400)), new Date().toISOString())
    })()
    const before = caseCount(d)
    session.logout(d.desk)
    const script = join(d.dataDir, '..', 'rotate.ts')
    writeFileSync(
      script,
      `import { createDeskApp } from ${JSON.stringify(join(ROOT, 'src/main/app.ts'))}
       import { SCRYPT_TEST } from ${JSON.stringify(join(ROOT, 'src/main/db/keyring.ts'))}
       import * as session from ${JSON.stringify(join(ROOT, 'src/main/session/service.ts'))}
       import { rotateDatabaseKey } from ${JSON.stringify(join(ROOT, 'src/main/session/rekey.ts'))}
       const app = createDeskApp({ dataDir: process.argv[2], kdf: SCRYPT_TEST, idleWatch: false })
       session.login(app.desk, { loginName: 'chen', passphrase: process.env.PASS! })
       process.stdout.write('ready\\n')
       for (;;) rotateDatabaseKey(app.desk)`
    )
    for (const delay of [5, 40, 120, 300]) {
      const child = spawn(process.execPath, ['--import', 'tsx', script, d.dataDir], { cwd: ROOT, env: { ...process.env, PASS: SUPERVISOR.passphrase, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'), DESK_LOG: 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] })
      await new Promise<void>((ok, no) => {
        child.stdout!.on('data', (b) => String(b).includes('ready') && ok())
        child.on('exit', () => no(new Error('the rotating child exited before it was ready')))
      })
      await new Promise((r) => setTimeout(r, delay))
      child.kill('SIGKILL')
      await new Promise((r) => child.on('exit', r))
      const app = reopen(d)
      session.login(app.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
      expect(caseCount(app)).toBe(before)
      expect((app.desk.db().sqlite.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'bulk.%'`).get() as { n: number }).n).toBe(20000)
      app.stop()
    }
    expect(readFileSync(join(d.dataDir, 'keyring.json'), 'utf8')).toContain('"v": 2')
  }, 120_000)
})
