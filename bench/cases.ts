import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchSuite } from './harness'
import { load, ms, percentile, timeCall, timing } from './harness'
import { createDeskApp, type DeskApp } from '../src/main/app'
import { SCRYPT_TEST } from '../src/main/db/keyring'
import { dbPath } from '../src/main/db/open'
import * as session from '../src/main/session/service'
import { createCase } from '../src/main/cases/api'
import { findRepeats, searchCases } from '../src/main/cases/search'
import { today } from '../src/main/cases/today'
import { generateDemo, rng } from '../src/main/demo/generate'
import { asc, count, eq, inArray, max, sql } from 'drizzle-orm'
import { cases, interviews, users } from '../src/main/db/schema'

/**
 * Cases at archive scale: search latency (2-character and longer queries, names, phone digits,
 * Traditional script), registration save, repeat lookup, the today view and the database size.
 *
 * The archive: DESK_BENCH_CASES_DIR (an existing demo desk, opened with DESK_PASSPHRASE and
 * DESK_USER or the first supervisor) — e.g. one built by `npm run desk -- demo --cases 100000`;
 * otherwise a fresh demo archive of DESK_BENCH_CASES cases (default 20 000) is built in /tmp.
 */
const SUP = { displayName: '陈督导', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' as const }

type ArchiveRun = (app: DeskApp, label: string, built: { ms: number } | null) => Promise<void>
/** Runs after the archive is closed (the folder lock released), with its folder and the passphrase that opens it. */
type AfterClose = (dataDir: string, passphrase: string | undefined, label: string) => void

async function withArchive(fn: ArchiveRun, after?: AfterClose): Promise<void> {
  const existing = process.env.DESK_BENCH_CASES_DIR
  if (existing) {
    const { openDeskAs } = await import('../src/cli/commands/cases')
    const app = openDeskAs(existing, process.env.DESK_USER)
    if (!app) throw new Error('cannot open DESK_BENCH_CASES_DIR')
    const n = app.desk.db().orm.select({ n: count() }).from(cases).get()?.n ?? 0
    try {
      await fn(app, `${n} cases`, null)
    } finally {
      app.stop()
    }
    after?.(existing, process.env.DESK_PASSPHRASE, `${n} cases`)
    return
  }
  const n = Number(process.env.DESK_BENCH_CASES ?? 20_000)
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-cases-'))
  const app = createDeskApp({ dataDir: join(root, 'data'), kdf: SCRYPT_TEST, idleWatch: false })
  try {
    session.setup(app.desk, SUP)
    const t = process.hrtime.bigint()
    generateDemo(app.desk, { cases: n, seed: 42 })
    const built = { ms: ms(t) }
    await fn(app, `${n} cases`, built)
    app.stop()
    after?.(join(root, 'data'), SUP.passphrase, `${n} cases`)
  } finally {
    app.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

function time(samples: number[], f: () => unknown): void {
  const t = process.hrtime.bigint()
  f()
  samples.push(ms(t))
}

const archive: BenchSuite = {
  name: 'cases: archive',
  async run(report) {
    await withArchive(async (app, label, built) => {
      const desk = app.desk
      const db = desk.db().sqlite
      if (built) report({ name: `cases: demo build (${label}, ~10 interviews each)`, value: built.ms / 1000, unit: 's' })
      // Queries drawn from the archive itself (names, streets, phone digits) plus common words: 400
      // cases drawn by a seeded generator, so every run on the same archive asks the same queries.
      const orm = desk.db().orm
      const r = rng(7)
      const top = orm.select({ n: max(cases.id) }).from(cases).get()?.n ?? 0
      const drawn = new Set<number>()
      for (let i = 0; i < 4000 && drawn.size < Math.min(400, top); i++) drawn.add(r.int(1, top))
      const names = orm
        .select({ name: cases.name, phone: cases.phone, address: cases.address })
        .from(cases)
        .where(inArray(cases.id, [...drawn]))
        .orderBy(asc(cases.id))
        .all()
      const two: string[] = ['信访', '工资', '拆迁', '物业', '低保', '法院', '噪音', '工伤', '越秀', '天河']
      const longer: string[] = ['拖欠工资', '征地拆迁补偿', '物业公司乱收费', '不服法院民事判决', '中山五路', '環市東路', '信訪事項']
      for (const n of names) {
        const cps = Array.from(n.name)
        if (cps.length >= 2) two.push(cps.slice(0, 2).join(''))
        if (cps.length >= 3) longer.push(n.name)
        const digits = n.phone.replace(/\D/g, '')
        if (digits.length >= 8) longer.push(digits.slice(-r.int(4, 8)))
        if (n.address.length > 8) longer.push(n.address.slice(3, 3 + r.int(3, 6)))
      }
      // Warm the page cache once, as a worker's first search would.
      searchCases(desk, '信访')
      const s2: number[] = []
      const sL: number[] = []
      for (let i = 0; i < 300; i++) time(s2, () => searchCases(desk, two[i % two.length]))
      for (let i = 0; i < 300; i++) time(sL, () => searchCases(desk, longer[i % longer.length]))
      report({ name: `cases: search 2-character query p50 (${label})`, value: percentile(s2, 50), unit: 'ms' })
      report({ name: `cases: search 2-character query p95 (${label})`, value: percentile(s2, 95), unit: 'ms', target: '< 50 ms' })
      report({ name: `cases: search 3+ characters / digits p50 (${label})`, value: percentile(sL, 50), unit: 'ms' })
      report({ name: `cases: search 3+ characters / digits p95 (${label})`, value: percentile(sL, 95), unit: 'ms', target: '< 50 ms' })

      // The same queries as a plain LIKE '%…%' scan of the same archive (the columns the index covers,
      // newest first, the same limit): what search would cost without the bigram index.
      const likeScan = (q: string) => {
        const p = `%${q}%`
        return orm.all<{ id: number }>(
          sql`SELECT id FROM cases WHERE name LIKE ${p} OR contact_person LIKE ${p} OR phone LIKE ${p} OR address LIKE ${p}
              OR locality LIKE ${p} OR summary LIKE ${p} OR demands LIKE ${p} ORDER BY id DESC LIMIT 30`
        )
      }
      const queries = [...two, ...longer]
      // Search as the supervisor signed in (every case) and as a worker (the confidential reports
      // not theirs are left out inside the query), interleaved with the scan so that the machine's
      // load weighs on all three alike. Wall time is what a person waits; CPU time is the work, which
      // other programs on a shared machine do not inflate.
      const worker = orm.select({ id: users.id }).from(users).where(eq(users.role, 'worker')).orderBy(asc(users.id)).limit(1).get()
      const asWorker = worker ? { userId: worker.id, role: 'worker' } : null
      const idx = timing()
      const like = timing()
      const wk = timing()
      const loadBefore = load()
      for (let i = 0; i < 200; i++) {
        const q = queries[(i * 7) % queries.length]
        // The scan leaves SQLite's page cache full of its own pages; the two searches take turns coming first after it.
        timeCall(like, () => likeScan(q))
        const sup = () => timeCall(idx, () => searchCases(desk, q))
        const own = () => asWorker && timeCall(wk, () => searchCases(desk, q, 30, asWorker))
        if (i % 2 === 0) {
          sup()
          own()
        } else {
          own()
          sup()
        }
      }
      const p95 = (xs: number[]) => percentile(xs, 95)
      report({ name: `cases: load average (1 min) during the comparison (${label})`, value: Math.max(loadBefore, load()), unit: '' })
      report({ name: `cases: search p95, same queries (${label})`, value: p95(idx.wall), unit: 'ms' })
      report({ name: `cases: plain LIKE '%…%' scan p95 (${label})`, value: p95(like.wall), unit: 'ms' })
      report({ name: `cases: LIKE scan p95 / search p95 (${label})`, value: p95(like.wall) / p95(idx.wall), unit: '×', target: '≥ 10×' })
      report({ name: `cases: search p95, CPU time (${label})`, value: p95(idx.cpu), unit: 'ms' })
      report({ name: `cases: plain LIKE scan p95, CPU time (${label})`, value: p95(like.cpu), unit: 'ms' })
      report({ name: `cases: LIKE scan / search, p95 CPU time (${label})`, value: p95(like.cpu) / p95(idx.cpu), unit: '×', target: '≥ 10×' })
      if (asWorker) {
        report({ name: `cases: search p95 as a worker (${label})`, value: p95(wk.wall), unit: 'ms' })
        report({ name: `cases: LIKE scan p95 / search p95 as a worker (${label})`, value: p95(like.wall) / p95(wk.wall), unit: '×', target: '≥ 10×' })
        report({ name: `cases: LIKE scan / search as a worker, p95 CPU time (${label})`, value: p95(like.cpu) / p95(wk.cpu), unit: '×', target: '≥ 10×' })
      }

      const rep: number[] = []
      for (let i = 0; i < 100; i++) {
        const n = names[i % names.length]
        time(rep, () => findRepeats(desk, { name: n.name, phone: n.phone, address: n.address }))
      }
      report({ name: `cases: repeat lookup while registering p95 (${label})`, value: percentile(rep, 95), unit: 'ms' })

      const save: number[] = []
      for (let i = 0; i < 50; i++) {
        time(save, () =>
          createCase(desk, {
            partyKind: 'person',
            name: `测试${i}号`,
            phone: '13812345678',
            address: '广州市越秀区中山五路1号',
            locality: '越秀区人社局',
            summary: '反映拖欠工资三个月，要求支付',
            demands: '要求补发工资'
          })
        )
      }
      report({ name: `cases: registration save p50 (${label})`, value: percentile(save, 50), unit: 'ms' })
      report({ name: `cases: registration save p95 (${label})`, value: percentile(save, 95), unit: 'ms' })

      const td: number[] = []
      for (let i = 0; i < 30; i++) time(td, () => today(desk))
      report({ name: `cases: today view load p50 (${label})`, value: percentile(td, 50), unit: 'ms' })
      report({ name: `cases: today view load p95 (${label})`, value: percentile(td, 95), unit: 'ms' })

      db.pragma('wal_checkpoint(TRUNCATE)')
      const size = statSync(dbPath(desk.dataDir)).size
      report({ name: `cases: database size (${label})`, value: size / 1024 / 1024, unit: 'MB' })
      const iv = orm.select({ n: count() }).from(interviews).get()?.n ?? 0
      report({ name: `cases: interviews in the archive (${label})`, value: iv, unit: 'rows' })
    }, (dataDir, passphrase, label) => {
      // Resident memory of a fresh process (the main process's services) with this archive open,
      // after a search, the Today view and a printed Form A.
      const child = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'rss-child.ts')], {
        encoding: 'utf8',
        timeout: 600_000,
        env: { ...process.env, DESK_BENCH_RSS_DIR: dataDir, DESK_PASSPHRASE: passphrase ?? '', DESK_LOG: 'silent' }
      })
      const line = child.stdout.trim().split('\n').pop()
      if (child.status !== 0 || !line) {
        process.stderr.write(`rss child failed: ${child.stderr}\n`)
        return
      }
      const r = JSON.parse(line) as Record<string, number>
      report({ name: `cases: main process RSS, code loaded, nothing open (${label})`, value: r.start, unit: 'MB' })
      report({ name: `cases: main process RSS, archive open (${label})`, value: r.opened, unit: 'MB' })
      report({ name: `cases: main process RSS after search (${label})`, value: r.searched, unit: 'MB' })
      report({ name: `cases: main process RSS after search, Today (${label})`, value: r.today, unit: 'MB' })
      report({ name: `cases: main process RSS after search, Today, Form A (${label})`, value: r.printed, unit: 'MB', target: '< 250 MB' })
      // The passphrase's scrypt (128 MB with the desk's parameters; the cheap test ones for a built archive) is the peak, while unlocking.
      report({ name: `cases: main process peak RSS by the end of unlocking (${label})`, value: r.peakOpened, unit: 'MB' })
      report({ name: `cases: main process peak RSS (${label})`, value: r.peak, unit: 'MB' })
    })
  }
}

export const casesSuites: BenchSuite[] = [archive]
