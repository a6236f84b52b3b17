import { closeSync, copyFileSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BenchSuite } from './harness'
import { ms } from './harness'
import { createDeskApp, type DeskApp } from '../src/main/app'
import { SCRYPT_TEST } from '../src/main/db/keyring'
import { dbPath } from '../src/main/db/open'
import * as session from '../src/main/session/service'
import { generateDemo } from '../src/main/demo/generate'
import * as backup from '../src/main/backup/service'
import { auditQuery } from '../src/main/supervisor/audit'
import { hallFigures } from '../src/main/supervisor/figures'

/**
 * Backups at archive scale: export (snapshot + seal) and verify (decrypt, integrity_check, content
 * hash) of a demo archive, against a plain copy of the database file in the same run; sizes; and
 * the supervisor's heavier reads (audit chain check, a year of figures).
 *
 * The archive: DESK_BENCH_SUPERVISOR_DIR (an existing demo desk, opened with DESK_PASSPHRASE and
 * DESK_USER or the first supervisor), else a fresh demo archive of DESK_BENCH_SUPERVISOR_CASES
 * cases (default 20 000, ~10 interviews each) built in /tmp.
 */
const SUP = { displayName: '陈督导', loginName: 'chen', passphrase: 'river lantern autumn violet', locale: 'zh-CN' as const }
const BACKUP_PASS = 'harbour lantern quietly folding maps'

async function withArchive(fn: (app: DeskApp, label: string) => Promise<void>, report: (f: { name: string; value: number; unit: string }) => void): Promise<void> {
  const existing = process.env.DESK_BENCH_SUPERVISOR_DIR
  if (existing) {
    const { openDeskAs } = await import('../src/cli/commands/cases')
    const app = openDeskAs(existing, process.env.DESK_USER)
    if (!app) throw new Error('cannot open DESK_BENCH_SUPERVISOR_DIR')
    try {
      await fn(app, 'given archive')
    } finally {
      app.stop()
    }
    return
  }
  const n = Number(process.env.DESK_BENCH_SUPERVISOR_CASES ?? 20_000)
  const root = mkdtempSync(join(tmpdir(), 'desk-bench-sv-'))
  const app = createDeskApp({ dataDir: join(root, 'data'), kdf: SCRYPT_TEST, idleWatch: false })
  try {
    session.setup(app.desk, SUP)
    const t = process.hrtime.bigint()
    generateDemo(app.desk, { cases: n, seed: 42 })
    report({ name: `supervisor: build demo archive (${n} cases)`, value: ms(t) / 1000, unit: 's' })
    await fn(app, `${n} cases`)
  } finally {
    app.stop()
    rmSync(root, { recursive: true, force: true })
  }
}

const backups: BenchSuite = {
  name: 'supervisor: backup export and verify vs a plain copy',
  async run(report) {
    await withArchive(async (app, label) => {
      const desk = app.desk
      const out = mkdtempSync(join(tmpdir(), 'desk-bench-bk-'))
      try {
        const db = desk.db().sqlite
        db.pragma('wal_checkpoint(TRUNCATE)')
        const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n
        const interviews = (db.prepare('SELECT count(*) AS n FROM interviews').get() as { n: number }).n
        report({ name: `supervisor [${label}]: cases / interviews`, value: cases, unit: 'cases' })
        report({ name: `supervisor [${label}]: interviews`, value: interviews, unit: 'rows' })
        const size = statSync(dbPath(desk.dataDir)).size
        report({ name: `supervisor [${label}]: database size`, value: size / 1e6, unit: 'MB' })

        // The same bytes copied plainly, twice: as the OS caches it, and made durable (fsync).
        let t = process.hrtime.bigint()
        copyFileSync(dbPath(desk.dataDir), join(out, 'plain-copy.db'))
        const copyMs = ms(t)
        t = process.hrtime.bigint()
        copyFileSync(dbPath(desk.dataDir), join(out, 'plain-copy2.db'))
        const fd = openSync(join(out, 'plain-copy2.db'), 'r+')
        fsyncSync(fd)
        closeSync(fd)
        const copySyncMs = ms(t)
        rmSync(join(out, 'plain-copy.db'))
        rmSync(join(out, 'plain-copy2.db'))
        report({ name: `supervisor [${label}]: plain file copy`, value: copyMs, unit: 'ms' })
        report({ name: `supervisor [${label}]: plain file copy + fsync`, value: copySyncMs, unit: 'ms' })

        backup.setBackupPassphrase(desk, { passphrase: BACKUP_PASS, understood: true })
        t = process.hrtime.bigint()
        const res = await backup.exportBackup(desk, { folder: out })
        const exportMs = ms(t)
        report({ name: `supervisor [${label}]: backup export (worker, incl. start)`, value: exportMs, unit: 'ms' })
        report({ name: `supervisor [${label}]: export ÷ plain copy + fsync`, value: exportMs / copySyncMs, unit: '×', target: '≤ 3' } as never)
        report({ name: `supervisor [${label}]: export ÷ plain copy (cached)`, value: exportMs / copyMs, unit: '×' })
        report({ name: `supervisor [${label}]: backup file size`, value: res.bytes / 1e6, unit: 'MB' })
        t = process.hrtime.bigint()
        await backup.verifyBackup(desk, { file: res.file, passphrase: BACKUP_PASS })
        report({ name: `supervisor [${label}]: backup verify (every page authenticated, sealed hash, counts)`, value: ms(t), unit: 'ms' })
        if (process.env.DESK_BENCH_RESTORE !== '0') {
          const fresh = createDeskApp({ dataDir: join(out, 'restored', 'data'), kdf: SCRYPT_TEST, idleWatch: false })
          try {
            t = process.hrtime.bigint()
            await backup.restoreFresh(fresh.desk, { file: res.file, passphrase: BACKUP_PASS })
            report({ name: `supervisor [${label}]: restore onto a fresh folder (check + re-encrypt + row-by-row proof)`, value: ms(t), unit: 'ms' })
          } finally {
            fresh.stop()
          }
        }

        t = process.hrtime.bigint()
        const page = auditQuery(desk, {})
        report({ name: `supervisor [${label}]: audit open (whole chain, ${page.chain.checked} events)`, value: ms(t), unit: 'ms' })
        t = process.hrtime.bigint()
        hallFigures(desk, { from: '2025-01-01', to: '2026-12-31' })
        report({ name: `supervisor [${label}]: figures for two years`, value: ms(t), unit: 'ms' })
      } finally {
        rmSync(out, { recursive: true, force: true })
      }
    }, report)
  }
}

/** Benchmarks of the supervisor feature. */
export const supervisorSuites: BenchSuite[] = [backups]
