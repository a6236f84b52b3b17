import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import type { Command } from '../command'
import { envPassphrase } from '../command'
import { createDeskApp, type DeskApp } from '../../main/app'
import { readKeyring } from '../../main/db/keyring'
import { dbExists } from '../../main/db/open'
import { loginForPassphrase } from '../throttle'
import { DeskFailure } from '@shared/ipc/result'
import { translateKey } from '@shared/i18n/resources'
import { SCRYPT_TEST } from '../../main/db/keyring'
import * as session from '../../main/session/service'
import { listCases } from '../../main/cases/api'
import { maskSummaries } from '../../main/cases/confidential'
import { cases as casesTable } from '../../main/db/schema/cases'

/** A refusal in the person's words (DESK_LOCALE, else 普通话): the wait when throttled, else "wrong". */
export function cliMessage(err: unknown): string {
  if (!(err instanceof DeskFailure)) return 'The login name or passphrase is wrong.'
  const locale = process.env.DESK_LOCALE === 'yue-HK' ? 'yue-HK' : 'zh-CN'
  return translateKey(locale, err.messageKey, err.params)
}

/**
 * Open a desk for a script: the login name from --login (alias --user) or DESK_USER; without one, the first
 * supervisor whose passphrase is DESK_PASSPHRASE (each user slot is tried in account order).
 * Returns null with a message on stderr when the desk is missing or the secret is wrong.
 */
export function openDeskAs(dataDirArg: string, user: string | undefined): DeskApp | null {
  const dataDir = resolve(dataDirArg)
  const ring = readKeyring(dataDir)
  if (!ring || !dbExists(dataDir)) {
    process.stderr.write(`No desk in ${dataDir}. Create one first: npm run desk -- init --data-dir ${dataDirArg} --name NAME --login LOGIN\n`)
    return null
  }
  const passphrase = envPassphrase()
  let loginName = user ?? process.env.DESK_USER
  try {
    loginName ??= loginForPassphrase(dataDir, ring, passphrase, (r) => r.role === 'supervisor' && !r.disabled) ?? undefined
  } catch (err) {
    process.stderr.write(`${cliMessage(err)}\n`)
    return null
  }
  if (!loginName) {
    process.stderr.write('DESK_PASSPHRASE opens no supervisor account; give --user (or DESK_USER).\n')
    return null
  }
  const app = createDeskApp({ dataDir, kdf: process.env.DESK_TEST_KDF === '1' ? SCRYPT_TEST : undefined, idleWatch: false })
  try {
    // Throttled and recorded like the login screen (a wrong passphrase reaches the audit trail).
    session.login(app.desk, { loginName, passphrase })
  } catch (err) {
    app.stop()
    process.stderr.write(`${cliMessage(err)}\n`)
    return null
  }
  return app
}

/**
 * `desk cases --data-dir DIR --json [--login LOGIN]`: every case as a JSON array ordered by case
 * number — case number, name, status, risk level, assigned worker — for scripts and checks.
 */
export const casesCommand: Command = {
  name: 'cases',
  help: `Usage: npm run desk -- cases --data-dir DIR --json [--login LOGIN]
Every case as a JSON array ordered by case number; 语言 and 居住状况 are arrays of codes (several ticks).
Unlocks with DESK_PASSPHRASE as --login (alias --user) or DESK_USER, else the first supervisor whose passphrase it is.
Exit codes: 0 listed, 2 usage, 3 no account opens with that passphrase, 6 data folder in use.`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { 'data-dir': { type: 'string' }, login: { type: 'string' }, user: { type: 'string' }, json: { type: 'boolean', default: false } } })
    if (!values['data-dir']) {
      process.stderr.write('Usage: npm run desk -- cases --data-dir DIR --json [--login LOGIN]\n')
      return 2
    }
    const app = openDeskAs(values['data-dir'], (values.login ?? values.user))
    if (!app) return 3
    try {
      // Form A 语言 and 居住状况 (可多选): arrays of codes in the order ticked (JSON columns, read as values).
      const ticks = new Map(
        app.desk.db().orm.select({ id: casesTable.id, language: casesTable.language, living: casesTable.living }).from(casesTable).all().map((r) => [r.id, r])
      )
      // A confidential report (检举控告) this login may not open is listed by its number only.
      const rows = maskSummaries(app.desk, listCases(app.desk, { order: 'caseNo', limit: 1_000_000 }), 'cli').map((c) => ({
        caseNo: c.caseNo,
        name: c.name,
        status: c.status,
        riskLevel: c.riskLevel,
        assignedWorker: c.assignedWorker?.displayName ?? null,
        language: c.masked ? [] : (ticks.get(c.id)?.language ?? []),
        living: c.masked ? [] : (ticks.get(c.id)?.living ?? []),
        ...(c.confidential ? { confidential: true } : {})
      }))
      if (values.json) process.stdout.write(JSON.stringify(rows) + '\n')
      else for (const r of rows) process.stdout.write(`${r.caseNo}\t${r.status}\t${r.riskLevel}\t${r.assignedWorker ?? '-'}\t${r.name}\n`)
      return 0
    } finally {
      session.logout(app.desk)
      app.stop()
    }
  }
}
