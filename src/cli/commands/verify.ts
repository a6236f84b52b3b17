import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import type { Command } from '../command'
import { padEnd } from '@shared/text/characters'
import { findUserSlot, normaliseRecoveryKey, readKeyring, unwrapKey } from '../../main/db/keyring'
import { dbExists, dbPath, integrityCheck, isDamageError, openRaw } from '../../main/db/open'
import { LATEST_SCHEMA } from '../../main/db/migrate'
import { verifyChain } from '../../main/audit/chain'

/**
 * `desk verify --data-dir DIR (--login LOGIN with DESK_PASSPHRASE | DESK_RECOVERY_KEY) [--json]`
 * Read-only health check: a full integrity_check on a fresh connection (every page is read, so
 * every page's HMAC is checked), the audit chain, the schema version and row counts.
 * Exit 0 when all is well, 1 when a problem is found, 2 for usage, 3 when the secret is wrong.
 */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check a desk: full integrity check, audit chain, schema version, counts (read-only)',
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, login: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    if (!values['data-dir']) {
      process.stderr.write('Usage: npm run desk -- verify --data-dir DIR [--login LOGIN] [--json]\n')
      process.stderr.write('Unlock with DESK_PASSPHRASE (and --login), or with DESK_RECOVERY_KEY.\n')
      return 2
    }
    const dataDir = resolve(values['data-dir'])
    const ring = readKeyring(dataDir)
    if (!ring || !dbExists(dataDir)) {
      process.stderr.write(`No desk in ${dataDir} (keyring.json and desk.db are needed).\n`)
      return 2
    }
    let key: Buffer | null = null
    if (process.env.DESK_RECOVERY_KEY) {
      const slot = ring.slots.find((s) => s.kind === 'recovery')
      key = slot ? unwrapKey(slot, normaliseRecoveryKey(process.env.DESK_RECOVERY_KEY)) : null
    } else if (values.login && process.env.DESK_PASSPHRASE) {
      const slot = findUserSlot(ring, values.login)
      key = slot ? unwrapKey(slot, process.env.DESK_PASSPHRASE) : null
    } else {
      process.stderr.write('Give --login with DESK_PASSPHRASE, or DESK_RECOVERY_KEY.\n')
      return 2
    }
    if (!key) {
      process.stderr.write('The login name, passphrase or recovery key is wrong.\n')
      return 3
    }

    const problems: string[] = []
    const report: Record<string, unknown> = { dataDir }
    try {
      const integrity = integrityCheck(dataDir, key)
      report.integrity = integrity
      if (integrity.length !== 1 || integrity[0] !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`)
      const db = openRaw(dbPath(dataDir), key, { readonly: true })
      try {
        db.pragma('temp_store = MEMORY')
        const version = db.pragma('user_version', { simple: true }) as number
        report.schemaVersion = version
        report.appSchemaVersion = LATEST_SCHEMA
        if (version > LATEST_SCHEMA) problems.push(`schema version ${version} is newer than this app (${LATEST_SCHEMA})`)
        const chain = verifyChain(db)
        report.auditChain = chain
        if (!chain.ok) problems.push(`audit chain broken at event ${chain.brokenAt} (${chain.reason})`)
        const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
        const counts: Record<string, number> = {}
        for (const t of tables) counts[t] = (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n
        report.counts = counts
        const slots = ring.slots.length
        report.keySlots = slots
        const mirrored = counts.key_slots ?? 0
        if (mirrored !== slots) problems.push(`keyring.json has ${slots} slots, the database records ${mirrored}`)
      } finally {
        db.close()
      }
    } catch (err) {
      problems.push(isDamageError(err) || (err as { code?: string })?.code === 'DB_DAMAGED' ? 'the database file is damaged' : `cannot read the database (${err instanceof Error ? err.name : 'error'})`)
    } finally {
      key.fill(0)
    }
    report.ok = problems.length === 0
    report.problems = problems
    if (values.json) process.stdout.write(JSON.stringify(report) + '\n')
    else {
      process.stdout.write(`Desk: ${dataDir}\n`)
      process.stdout.write(`Integrity check: ${JSON.stringify(report.integrity ?? 'not run')}\n`)
      if (report.schemaVersion !== undefined) process.stdout.write(`Schema version: ${report.schemaVersion} (this app: ${LATEST_SCHEMA})\n`)
      if (report.auditChain) process.stdout.write(`Audit chain: ${JSON.stringify(report.auditChain)}\n`)
      if (report.counts) for (const [t, n] of Object.entries(report.counts as object)) process.stdout.write(`  ${padEnd(t, 28)} ${n}\n`)
      process.stdout.write(problems.length ? `PROBLEMS:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` : 'All checks passed.\n')
    }
    return problems.length ? 1 : 0
  }
}
