import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import { keyHandle } from '../../src/main/db/open'
import * as backup from '../../src/main/backup/service'
import * as session from '../../src/main/session/service'
import { setupDesk, SUPERVISOR, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS, seed } from './backup-helpers'

const ROOT = resolve(__dirname, '../..')
const SQLITE = createRequire(join(ROOT, 'package.json')).resolve('better-sqlite3')
const cleanups: (() => void)[] = []
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL')
  while (cleanups.length) cleanups.pop()!()
})

function desk(): TestDesk {
  const d = setupDesk()
  cleanups.push(() => d.cleanup())
  seed(d.desk.db().sqlite, 2000)
  backup.setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true })
  return d
}

function waitFor(pred: () => boolean, ms = 30_000): Promise<void> {
  const until = Date.now() + ms
  return new Promise((res, rej) => {
    const tick = () => (pred() ? res() : Date.now() > until ? rej(new Error('timeout')) : setTimeout(tick, 10))
    tick()
  })
}

/** The start of a writer script: the live database opened with the data key from its environment. */
const WRITER_OPENS = `const Database = require(${JSON.stringify(SQLITE)});
       const db = new Database(process.argv[2]);
       db.pragma("cipher='sqlcipher'"); db.pragma('legacy=4'); db.pragma("key=\\"x'" + process.env.KEY + "'\\"");
       db.pragma('busy_timeout = 10000'); db.pragma('journal_mode = WAL');`

/** A script run by another process against the live database (the data key in its environment); resolves when it prints `ready`. */
async function startWriter(d: TestDesk, script: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [script, join(d.dataDir, 'desk.db')], {
    env: { ...process.env, KEY: d.desk.dbKey().toString('hex') },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  children.push(child)
  let out = ''
  child.stdout!.on('data', (b) => (out += b))
  await waitFor(() => out.includes('ready'))
  return child
}

/** About 40 MB of rows, so that an export takes a while. */
function bulk(db: Database.Database): void {
  db.exec('CREATE TABLE e_bulk (id INTEGER PRIMARY KEY, body TEXT NOT NULL)')
  const ins = db.prepare('INSERT INTO e_bulk (body) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < 120_000; i++) ins.run(randomBytes(150).toString('base64'))
  })()
}

describe('backups of a desk that keeps working', () => {
  it('export while another process writes: the backup is one consistent moment and verifies', async () => {
    const d = desk()
    const db = d.desk.db().sqlite
    db.exec('CREATE TABLE e_pairs (id INTEGER PRIMARY KEY, k INTEGER NOT NULL)')
    const t = tempDir('desk-live-')
    cleanups.push(t.cleanup)
    // The writer commits two rows per transaction: any backup that is a real snapshot holds an even count.
    const script = join(t.dir, 'writer.cjs')
    writeFileSync(
      script,
      `${WRITER_OPENS}
       const ins = db.prepare('INSERT INTO e_pairs (k) VALUES (?)');
       const pair = db.transaction((k) => { ins.run(k); ins.run(k); });
       let k = 0; pair(k++); process.stdout.write('ready\\n');
       for (;;) { pair(k++); if (k % 50 === 0) { const until = Date.now() + 2; while (Date.now() < until); } }`
    )
    const child = await startWriter(d, script)
    const res = await backup.exportBackup(d.desk, { folder: t.dir })
    const v = await backup.verifyBackup(d.desk, { file: res.file, passphrase: BACKUP_PASS })
    child.kill('SIGKILL')
    expect(v.ok).toBe(true)
    expect(v.tables.e_pairs).toBeGreaterThan(0)
    expect(v.tables.e_pairs % 2).toBe(0)
    expect(v.tables.cases).toBe(2000)
    // And the writer really kept writing during and after the export.
    const now = (db.prepare('SELECT count(*) AS n FROM e_pairs').get() as { n: number }).n
    expect(now).toBeGreaterThan(v.tables.e_pairs)
  })

  it('export while another process moves money and checkpoints constantly: every backup restores to one consistent moment', async () => {
    // The export copies the live file while SQLite's checkpointer may be writing into it and the log
    // may be started over between exports. A ledger makes any torn moment visible: every transaction
    // moves an amount between two accounts, so the total never changes; pairs of rows are inserted
    // together; and the pages themselves must pass SQLite's integrity check.
    const d = desk()
    const db = d.desk.db().sqlite
    db.exec('CREATE TABLE e_ledger (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL, pad TEXT NOT NULL)')
    db.exec('CREATE TABLE e_pairs (id INTEGER PRIMARY KEY, k INTEGER NOT NULL)')
    const ACCOUNTS = 20_000
    const ins = db.prepare('INSERT INTO e_ledger (id, balance, pad) VALUES (?, 100, ?)')
    db.transaction(() => {
      for (let i = 1; i <= ACCOUNTS; i++) ins.run(i, randomBytes(400).toString('base64'))
    })()
    const t = tempDir('desk-ledger-')
    cleanups.push(t.cleanup)
    const script = join(t.dir, 'mover.cjs')
    writeFileSync(
      script,
      `${WRITER_OPENS}
       db.pragma('wal_autocheckpoint = 8');
       const take = db.prepare('UPDATE e_ledger SET balance = balance - ?, pad = ? WHERE id = ?');
       const give = db.prepare('UPDATE e_ledger SET balance = balance + ? WHERE id = ?');
       const pair = db.prepare('INSERT INTO e_pairs (k) VALUES (?)');
       const move = db.transaction((a, b, x, k) => { take.run(x, Math.random().toString(36).repeat(20), a); give.run(x, b); pair.run(k); pair.run(k); });
       let k = 0; process.stdout.write('ready\\n');
       for (;;) {
         move(1 + Math.floor(Math.random() * ${ACCOUNTS}), 1 + Math.floor(Math.random() * ${ACCOUNTS}), Math.floor(Math.random() * 50), k++);
         if (k % 25 === 0) db.pragma('wal_checkpoint(PASSIVE)');
         if (k % 400 === 0) db.pragma('wal_checkpoint(TRUNCATE)');
       }`
    )
    const child = await startWriter(d, script)

    const key = d.desk.dbKey()
    let last = -1
    for (let round = 0; round < 4; round++) {
      const res = await backup.exportBackup(d.desk, { folder: t.dir })
      const v = await backup.verifyBackup(d.desk, { file: res.file, passphrase: BACKUP_PASS })
      expect(v.ok).toBe(true)
      expect(v.tables.e_ledger).toBe(ACCOUNTS)
      expect(v.tables.e_pairs % 2).toBe(0)
      // Later backups hold later moments: the writer was really writing throughout.
      expect(v.tables.e_pairs).toBeGreaterThan(last)
      last = v.tables.e_pairs

      const fresh = tempDir('desk-ledger-fresh-')
      cleanups.push(fresh.cleanup)
      const app = createDeskApp({ dataDir: join(fresh.dir, 'data'), kdf: SCRYPT_TEST, idleWatch: false })
      cleanups.push(() => app.stop())
      await backup.restoreFresh(app.desk, { file: res.file, passphrase: BACKUP_PASS })
      app.stop()
      const r = new Database(join(fresh.dir, 'data', 'desk.db'), { readonly: true })
      keyHandle(r, key)
      try {
        expect(r.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(r.prepare('SELECT sum(balance) AS s, count(*) AS n FROM e_ledger').get()).toEqual({ s: ACCOUNTS * 100, n: ACCOUNTS })
        expect(r.prepare('SELECT count(*) AS n FROM e_pairs').get()).toEqual({ n: v.tables.e_pairs })
        expect(r.prepare('SELECT count(*) AS n FROM (SELECT k FROM e_pairs GROUP BY k HAVING count(*) <> 2)').get()).toEqual({ n: 0 })
      } finally {
        r.close()
      }
    }
    child.kill('SIGKILL')
    // The live database itself is whole, and its ledger still balances.
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect((db.prepare('SELECT sum(balance) AS s FROM e_ledger').get() as { s: number }).s).toBe(ACCOUNTS * 100)
  })

  it('locking while an export runs: the lock does not wait, the backup completes, and it is recorded at the next login', async () => {
    const d = desk()
    const db = d.desk.db().sqlite
    bulk(db)
    const supervisorId = d.desk.session!.userId
    const t = tempDir('desk-lock-')
    cleanups.push(t.cleanup)
    let started = false
    d.desk.on('progress', (p) => {
      if (p.task === 'backup' && p.done > 0 && p.done < 900) started = true
    })
    const exporting = backup.exportBackup(d.desk, { folder: t.dir })
    await waitFor(() => started)
    session.lock(d.desk, 'user')
    expect(d.desk.isOpen).toBe(false)
    const res = await exporting
    const finished = new Date().toISOString()
    expect(res.rows).toBeGreaterThan(120_000)
    expect((await backup.verifyBackup(null, { file: res.file, passphrase: BACKUP_PASS }, t.dir)).tables.e_bulk).toBe(120_000)

    await new Promise((r) => setTimeout(r, 20))
    session.login(d.desk, { loginName: SUPERVISOR.loginName, passphrase: SUPERVISOR.passphrase })
    const after = d.desk.db().sqlite
    const event = after.prepare(`SELECT actor_id, details FROM audit_events WHERE action = 'backup.export' ORDER BY id DESC LIMIT 1`).get() as { actor_id: number; details: string }
    expect(event.actor_id).toBe(supervisorId)
    expect(JSON.parse(event.details)).toMatchObject({ bytes: res.bytes })
    const row = after.prepare(`SELECT kind, outcome, user_id, at FROM backup_log ORDER BY id DESC LIMIT 1`).get() as { at: string }
    expect(row).toMatchObject({ kind: 'export', outcome: 'ok', user_id: supervisorId })
    // Stamped with the time the backup finished, not the time of the login that recorded it.
    expect(row.at <= finished).toBe(true)
    expect(JSON.parse(event.details).finishedAt).toBe(row.at)
  })

  it('SIGKILL during export: no file under the final name, the live database unharmed', async () => {
    const d = desk()
    const db = d.desk.db().sqlite
    bulk(db)
    const t = tempDir('desk-kill-')
    cleanups.push(t.cleanup)
    const target = join(t.dir, 'petition-desk-20260301-090000.pdbackup')
    const script = join(t.dir, 'export.ts')
    writeFileSync(
      script,
      `import { writeBackup } from ${JSON.stringify(join(ROOT, 'src/main/backup/engine.ts'))}
       import { newScryptSpec, newRecipient } from ${JSON.stringify(join(ROOT, 'src/main/backup/format.ts'))}
       const recipient = newRecipient('x', newScryptSpec({ N: 1024, r: 8, p: 1 }))
       writeBackup({ livePath: process.argv[2], liveKey: Uint8Array.from(Buffer.from(process.env.KEY!, 'hex')), target: process.argv[3], recipient,
         appVersion: '0', createdAt: new Date().toISOString(), keyring: { format: 1, lookupSalt: '00', slots: [] } }, () => {})
         .then(() => process.stdout.write('finished\\n'))`
    )
    const child = spawn(process.execPath, ['--import', 'tsx', script, join(d.dataDir, 'desk.db'), target], {
      cwd: ROOT,
      env: { ...process.env, KEY: d.desk.dbKey().toString('hex') },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    children.push(child)
    let out = ''
    child.stdout!.on('data', (b) => (out += b))
    const partial = () => readdirSync(t.dir).find((n) => n.endsWith('.tmp'))
    await waitFor(() => !!partial() && readFileSync(join(t.dir, partial()!)).length > 1_000_000)
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect(out).not.toContain('finished')
    expect(existsSync(target)).toBe(false)
    // What was left behind is encrypted: no SQLite header, no readable row.
    const left = readFileSync(join(t.dir, partial()!))
    expect(left.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    // The live database: a full integrity check on a fresh connection, and the desk still writes.
    const check = new Database(join(d.dataDir, 'desk.db'), { readonly: true })
    keyHandle(check, d.desk.dbKey())
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    check.close()
    db.prepare('INSERT INTO e_bulk (body) VALUES (?)').run('after')
    // The next export into the same folder works and verifies.
    const res = await backup.exportBackup(d.desk, { folder: t.dir })
    expect((await backup.verifyBackup(d.desk, { file: res.file, passphrase: BACKUP_PASS })).tables.e_bulk).toBe(120_001)
  })
})
