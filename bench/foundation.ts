import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { BenchSuite } from './harness'
import { ms, percentile } from './harness'
import { createDeskApp, type DeskApp } from '../src/main/app'
import { findUserSlot, readKeyring, SCRYPT_DEFAULT, unwrapKey } from '../src/main/db/keyring'
import { openDatabase } from '../src/main/db/open'
import { startLoopback } from '../src/main/ipc/loopback'
import * as session from '../src/main/session/service'

/**
 * Foundation figures: unlock (KDF at the real default cost + open), IPC round trips through the
 * loopback transport, bulk insert and point reads on the encrypted database.
 */
const SUP = { displayName: '陈督导', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' as const }

function withDesk<T>(fn: (app: DeskApp, dir: string) => Promise<T>, kdf = SCRYPT_DEFAULT): Promise<T> {
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-'))
  const app = createDeskApp({ dataDir: join(root, 'data'), kdf, idleWatch: false })
  return fn(app, join(root, 'data')).finally(() => {
    app.stop()
    rmSync(root, { recursive: true, force: true })
  })
}

const unlock: BenchSuite = {
  name: 'foundation: unlock',
  async run(report) {
    await withDesk(async (app, dataDir) => {
      session.setup(app.desk, SUP)
      session.lock(app.desk, 'user')
      const total: number[] = []
      const kdf: number[] = []
      const open: number[] = []
      for (let i = 0; i < 5; i++) {
        let t = process.hrtime.bigint()
        session.login(app.desk, SUP)
        total.push(ms(t))
        session.lock(app.desk, 'user')
        // The two halves, measured apart.
        t = process.hrtime.bigint()
        const key = unwrapKey(findUserSlot(readKeyring(dataDir)!, SUP.loginName)!, SUP.passphrase)!
        kdf.push(ms(t))
        t = process.hrtime.bigint()
        const conn = openDatabase(dataDir, key)
        open.push(ms(t))
        conn.sqlite.close()
      }
      report({ name: `unlock: login (scrypt N=2^${Math.log2(SCRYPT_DEFAULT.N)}, r=${SCRYPT_DEFAULT.r}) + open, median`, value: percentile(total, 50), unit: 'ms', target: '< 1000 ms' })
      report({ name: 'unlock: key derivation + unwrap alone, median', value: percentile(kdf, 50), unit: 'ms' })
      report({ name: 'unlock: open + pragmas + migration check, median', value: percentile(open, 50), unit: 'ms' })
    })
  }
}

const ipc: BenchSuite = {
  name: 'foundation: ipc',
  async run(report) {
    await withDesk(async (app) => {
      session.setup(app.desk, SUP)
      const rendererDir = mkdtempSync(join(tmpdir(), 'desk-bench-renderer-'))
      const srv = await startLoopback(app.router, { rendererDir })
      const agent = new Agent({ keepAlive: true, maxSockets: 1 })
      const call = (method: string) =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: srv.port,
              method: 'POST',
              path: '/rpc',
              agent,
              headers: { Origin: srv.url, 'Content-Type': 'application/json', 'X-Desk-Token': srv.token }
            },
            (res) => {
              res.resume()
              res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(String(res.statusCode)))))
            }
          )
          req.on('error', reject)
          req.end(JSON.stringify({ method, args: {} }))
        })
      try {
        for (const method of ['desk.status', 'session.current']) {
          for (let i = 0; i < 100; i++) await call(method) // warm-up
          const samples: number[] = []
          for (let i = 0; i < 2000; i++) {
            const t = process.hrtime.bigint()
            await call(method)
            samples.push(ms(t))
          }
          report({ name: `ipc loopback round trip ${method} (2000 calls), p50`, value: percentile(samples, 50), unit: 'ms' })
          report({ name: `ipc loopback round trip ${method} (2000 calls), p95`, value: percentile(samples, 95), unit: 'ms', target: '< 5 ms' })
        }
        const direct: number[] = []
        for (let i = 0; i < 2000; i++) {
          const t = process.hrtime.bigint()
          await app.router.invoke('session.current', {})
          direct.push(ms(t))
        }
        report({ name: 'ipc router alone session.current (no transport), p95', value: percentile(direct, 95), unit: 'ms' })
      } finally {
        agent.destroy()
        await srv.close()
        rmSync(rendererDir, { recursive: true, force: true })
      }
    })
  }
}

const store: BenchSuite = {
  name: 'foundation: store',
  async run(report) {
    // The KDF is not what is measured here: the cheap test cost keeps setup quick.
    await withDesk(
      async (app) => {
        session.setup(app.desk, SUP)
        const db = app.desk.db().sqlite
        const N = 10_000
        const ins = db.prepare(
          `INSERT INTO cases (case_no, status, risk_level, assigned_worker_id, created_by, created_at, updated_at) VALUES (?, 'intake', 'low', 1, 1, ?, ?)`
        )
        const now = new Date().toISOString()
        let t = process.hrtime.bigint()
        db.transaction(() => {
          for (let i = 1; i <= N; i++) ins.run(`2026-${String(i).padStart(6, '0')}`, now, now)
        })()
        const insertMs = ms(t)
        report({ name: 'store: insert 10 000 cases (one transaction, encrypted, WAL, synchronous=FULL)', value: insertMs, unit: 'ms' })
        report({ name: 'store: insert rate', value: (N / insertMs) * 1000, unit: 'rows/s' })
        const get = db.prepare('SELECT * FROM cases WHERE id = ?')
        const byNo = db.prepare('SELECT * FROM cases WHERE case_no = ?')
        const ids = Array.from({ length: 5000 }, () => 1 + (randomBytes(4).readUInt32LE() % N))
        const samples: number[] = []
        for (const id of ids) {
          t = process.hrtime.bigint()
          get.get(id)
          samples.push(ms(t))
        }
        report({ name: 'store: point read by id (5000 random), p50', value: percentile(samples, 50) * 1000, unit: 'µs' })
        report({ name: 'store: point read by id (5000 random), p95', value: percentile(samples, 95) * 1000, unit: 'µs' })
        t = process.hrtime.bigint()
        for (const id of ids) byNo.get(`2026-${String(id).padStart(6, '0')}`)
        report({ name: 'store: point read by case number, mean', value: (ms(t) / ids.length) * 1000, unit: 'µs' })
        // One committed write on its own (fsync per commit: what a worker's save costs).
        const single: number[] = []
        for (let i = 0; i < 50; i++) {
          t = process.hrtime.bigint()
          ins.run(`2027-${String(i).padStart(6, '0')}`, now, now)
          single.push(ms(t))
        }
        report({ name: 'store: one committed insert (autocommit, fsync), p50', value: percentile(single, 50), unit: 'ms' })
      },
      { N: 2 ** 10, r: 8, p: 1 }
    )
  }
}

export const foundationSuites: BenchSuite[] = [unlock, ipc, store]
