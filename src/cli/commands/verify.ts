import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import type { Command } from '../command'
import { cliThrottle } from '../throttle'
import type Database from 'better-sqlite3'
import { padEnd } from '@shared/text/characters'
import { findUserSlot, normaliseRecoveryKey, openAuditKey, readKeyring, unwrapKey, type Keyring } from '../../main/db/keyring'
import { eq } from 'drizzle-orm'
import { dbExists, dbPath, integrityCheck, isDamageError, openRaw, ormOf } from '../../main/db/open'
import { tempInMemory, userVersion } from '../../main/db/pragmas'
import { tableCounts } from '../../main/db/catalog.sql'
import { keySlots, users } from '../../main/db/schema'
import { LATEST_SCHEMA } from '../../main/db/migrate'
import { anchorMac, verifyChain, type ChainVerdict } from '../../main/audit/chain'
import { keyringSignatureProblems } from '../../main/session/slots'

function accountActive(dataDir: string, key: Buffer, userId: number): boolean {
  try {
    const db = openRaw(dbPath(dataDir), key, { readonly: true })
    try {
      const row = ormOf(db).select({ disabled: users.disabled }).from(users).where(eq(users.id, userId)).get()
      return !!row && !row.disabled
    } finally {
      db.close()
    }
  } catch {
    // A damaged file: let the checks below say so.
    return true
  }
}

/**
 * The keyring and the database must tell the same story: every slot recorded in the database and
 * the reverse (same ids), one user slot per active account, none for a disabled or unknown one, one
 * recovery slot.
 */
export function keyringAgreement(ring: Keyring, db: Database.Database): string[] {
  const problems: string[] = []
  const orm = ormOf(db)
  const recorded = orm.select({ id: keySlots.id, kind: keySlots.kind, userId: keySlots.userId }).from(keySlots).all()
  const inRing = new Map(ring.slots.map((s) => [s.id, s]))
  const inDb = new Map(recorded.map((r) => [r.id, r]))
  for (const s of ring.slots) {
    const r = inDb.get(s.id)
    if (!r) problems.push(`keyring.json has a ${s.kind} slot the database does not record`)
    else if (r.kind !== s.kind || (r.userId ?? null) !== (s.userId ?? null)) problems.push(`a key slot's kind or account differs between keyring.json and the database`)
  }
  for (const r of recorded) if (!inRing.has(r.id)) problems.push(`the database records a ${r.kind} slot that keyring.json lacks`)
  const accounts = orm.select({ id: users.id, disabled: users.disabled }).from(users).all()
  const byUser = new Map<number, number>()
  for (const s of ring.slots) if (s.kind === 'user' && s.userId != null) byUser.set(s.userId, (byUser.get(s.userId) ?? 0) + 1)
  for (const u of accounts) {
    const n = byUser.get(u.id) ?? 0
    if (u.disabled && n > 0) problems.push(`disabled account ${u.id} still has a key slot (it is removed at the next login in the app)`)
    if (!u.disabled && n !== 1) problems.push(`active account ${u.id} has ${n} key slots (expected 1)`)
    byUser.delete(u.id)
  }
  for (const id of byUser.keys()) problems.push(`keyring.json has a slot for account ${id}, which does not exist`)
  const recovery = ring.slots.filter((s) => s.kind === 'recovery').length
  if (recovery !== 1) problems.push(`keyring.json has ${recovery} recovery slots (expected 1)`)
  return problems
}

/** The chain's verdict as a sentence: how many events, whether it reaches its anchor, where it breaks. */
export function chainInWords(c: ChainVerdict & { anchor: number | null }): string {
  const keyed = c.keyed ? ` (${c.keyed} keyed with the audit key)` : ''
  if (c.ok) return `${c.checked} events${keyed}, ${c.anchor ? `intact up to the anchored event ${c.anchor}` : 'intact (no anchor in keyring.json yet)'}`
  switch (c.reason) {
    case 'truncated':
      return `SHORTENED — the newest events, up to event ${c.brokenAt} anchored in keyring.json, are gone (${c.checked} remain)`
    case 'missing':
      return `BROKEN — events before event ${c.brokenAt} were deleted`
    case 'unkeyed':
      return `REWRITTEN — event ${c.brokenAt} was re-hashed without the audit key`
    default:
      return `EDITED — event ${c.brokenAt} no longer matches its hash`
  }
}

/**
 * `desk verify --data-dir DIR (--login LOGIN with DESK_PASSPHRASE | DESK_RECOVERY_KEY) [--json]`
 * Read-only health check: a full integrity_check on a fresh connection (every page is read, so
 * every page's HMAC is checked), the audit chain, the schema version and row counts.
 * Exit 0 when all is well, 1 when a problem is found, 2 for usage, 3 when the secret is wrong.
 */
export const verifyCommand: Command = {
  name: 'verify',
  help: `Usage: npm run desk -- verify --data-dir DIR [--login LOGIN] [--json]
Read-only check: integrity_check on a fresh connection, audit chain, schema version, key slots, counts.
Unlocks with DESK_PASSPHRASE and --login (alias --user), or with DESK_RECOVERY_KEY.
Exit codes: 0 all well, 1 a problem found, 2 usage, 3 wrong secret (or too many tries), 6 data folder in use.`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { 'data-dir': { type: 'string' }, login: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } }
    })
    values.login ??= values.user
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
    let loginUserId: number | null = null
    const throttle = cliThrottle(dataDir, ring, process.env.DESK_RECOVERY_KEY ? null : (values.login ?? null))
    if ((process.env.DESK_RECOVERY_KEY || (values.login && process.env.DESK_PASSPHRASE)) && throttle.refused() > 0) return 3
    if (process.env.DESK_RECOVERY_KEY) {
      const slot = ring.slots.find((s) => s.kind === 'recovery')
      key = slot ? unwrapKey(slot, normaliseRecoveryKey(process.env.DESK_RECOVERY_KEY)) : null
    } else if (values.login && process.env.DESK_PASSPHRASE) {
      const slot = findUserSlot(ring, values.login)
      key = slot ? unwrapKey(slot, process.env.DESK_PASSPHRASE) : null
      loginUserId = slot?.userId ?? null
    } else {
      process.stderr.write('Give --login with DESK_PASSPHRASE, or DESK_RECOVERY_KEY.\n')
      return 2
    }
    if (!key) {
      throttle.failed()
      process.stderr.write('The login name, passphrase or recovery key is wrong.\n')
      return 3
    }

    // A slot left behind for a disabled account (by a version before revocation removed them) still
    // unwraps the key: it is refused here as in the app, and reported below.
    if (loginUserId !== null && !accountActive(dataDir, key, loginUserId)) {
      key.fill(0)
      throttle.failed()
      process.stderr.write('The login name, passphrase or recovery key is wrong.\n')
      return 3
    }

    throttle.succeeded()
    const problems: string[] = []
    const report: Record<string, unknown> = { dataDir }
    try {
      const integrity = integrityCheck(dataDir, key)
      report.integrity = integrity
      if (integrity.length !== 1 || integrity[0] !== 'ok') problems.push(`integrity_check: ${integrity.slice(0, 5).join('; ')}`)
      const db = openRaw(dbPath(dataDir), key, { readonly: true })
      try {
        tempInMemory(db)
        const version = userVersion(db)
        report.schemaVersion = version
        report.appSchemaVersion = LATEST_SCHEMA
        if (version > LATEST_SCHEMA) problems.push(`schema version ${version} is newer than this app (${LATEST_SCHEMA})`)
        // The chain is checked under the audit key, against the head anchored in keyring.json.
        const auditKey = openAuditKey(ring, key)
        const head = ring.auditHead ?? null
        const anchorOk = !!head && !!auditKey && anchorMac(auditKey, head) === head.mac
        if (ring.audit && !auditKey) problems.push('the audit key in keyring.json does not open with this database key')
        if (head && auditKey && !anchorOk) problems.push('the audit head anchored in keyring.json was not written by this desk (its MAC does not hold)')
        const chain = verifyChain(db, auditKey, anchorOk ? head : null)
        auditKey?.fill(0)
        report.auditChain = { ...chain, anchor: anchorOk ? head!.id : null }
        if (!chain.ok && chain.reason === 'truncated') problems.push(`audit trail shortened: the newest events, up to event ${chain.brokenAt} anchored in keyring.json, are gone`)
        else if (!chain.ok && chain.reason === 'unkeyed') problems.push(`audit event ${chain.brokenAt} was rewritten without the audit key`)
        else if (!chain.ok) problems.push(`audit chain broken at event ${chain.brokenAt} (${chain.reason})`)
        const counts = tableCounts(db)
        report.counts = counts
        const slots = ring.slots.length
        report.keySlots = slots
        const mirrored = counts.key_slots ?? 0
        if (mirrored !== slots) problems.push(`keyring.json has ${slots} slots, the database records ${mirrored}`)
        problems.push(...keyringAgreement(ring, db))
        // Every slot signed by the keyring authority for the account and role the database records.
        problems.push(...keyringSignatureProblems(ring, db))
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
      if (report.auditChain) process.stdout.write(`Audit trail: ${chainInWords(report.auditChain as ChainVerdict & { anchor: number | null })}\n`)
      if (report.counts) for (const [t, n] of Object.entries(report.counts as object)) process.stdout.write(`  ${padEnd(t, 28)} ${n}\n`)
      process.stdout.write(problems.length ? `PROBLEMS:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` : 'All checks passed.\n')
    }
    return problems.length ? 1 : 0
  }
}
