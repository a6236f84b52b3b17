import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { translateKey } from '@shared/i18n/resources'
import { DeskFailure, type ErrorCode } from '@shared/ipc/result'
import type { Command } from '../command'
import { padEnd } from '@shared/text/characters'
import { envPassphrase } from '../command'
import { createDeskApp } from '../../main/app'
import type { Desk } from '../../main/desk/desk'
import { readKeyring, SCRYPT_TEST } from '../../main/db/keyring'
import { loginForPassphrase } from '../throttle'
import * as session from '../../main/session/service'
import * as backup from '../../main/backup/service'

/**
 * `backup export --data-dir DIR --out FILE [--login LOGIN]` (DESK_PASSPHRASE, DESK_BACKUP_PASSPHRASE)
 * `backup verify FILE` (DESK_BACKUP_PASSPHRASE) · `backup restore FILE --data-dir DIR2`
 * Exit codes: 0 ok, 2 usage, 3 wrong backup passphrase, 4 damaged, 5 too new, 1 anything else.
 */
const EXIT: Partial<Record<ErrorCode, number>> = { BACKUP_WRONG_PASSPHRASE: 3, BACKUP_DAMAGED: 4, BACKUP_TOO_NEW: 5 }
const USAGE = `Usage:
  npm run desk -- backup export --data-dir DIR --out FILE [--login LOGIN]   (DESK_PASSPHRASE, DESK_BACKUP_PASSPHRASE)
  npm run desk -- backup verify FILE                                      (DESK_BACKUP_PASSPHRASE)
  npm run desk -- backup restore FILE --data-dir DIR [--login LOGIN]      (DESK_BACKUP_PASSPHRASE; over a damaged desk a supervisor's --login and DESK_PASSPHRASE)
Exit codes: 0 ok, 3 wrong backup passphrase, 4 damaged, 5 from a newer app, 1 other failure.
`

function say(err: DeskFailure): string {
  const locale = process.env.DESK_LOCALE === 'yue-HK' ? 'yue-HK' : 'zh-CN'
  return translateKey(locale, err.messageKey, err.params)
}

function makeDesk(dataDir: string) {
  const kdf = process.env.DESK_TEST_KDF === '1' ? SCRYPT_TEST : undefined
  return createDeskApp({ dataDir: resolve(dataDir), kdf, idleWatch: false })
}

/** Log in as --user / DESK_USER, or else as the first supervisor whose passphrase this is. */
function loginSupervisor(desk: Desk, passphrase: string, user?: string): void {
  if (user) {
    session.login(desk, { loginName: user, passphrase })
  } else {
    const ring = readKeyring(desk.dataDir)
    if (!ring) throw new DeskFailure('NOT_SET_UP', 'errors:setup.notYet')
    // Throttled and recorded like a login: a script cannot guess faster than the login screen.
    const loginName = loginForPassphrase(desk.dataDir, ring, passphrase, (r) => r.role === 'supervisor' && !r.disabled)
    if (!loginName) throw new DeskFailure('WRONG_PASSPHRASE', 'errors:login.failed')
    session.login(desk, { loginName, passphrase })
  }
  if (desk.session?.role !== 'supervisor') throw new DeskFailure('FORBIDDEN', 'errors:session.supervisorOnly')
}

export const backupCommand: Command = {
  name: 'backup',
  help: USAGE,
  async run(argv) {
    const [sub, ...rest] = argv
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { 'data-dir': { type: 'string' }, out: { type: 'string' }, login: { type: 'string' }, user: { type: 'string' }, folder: { type: 'string' } }
    })
    let app: ReturnType<typeof makeDesk> | null = null
    try {
      if (sub === 'export') {
        if (!values['data-dir'] || (!values.out && !values.folder)) return (process.stderr.write(USAGE), 2)
        const pass = envPassphrase('DESK_PASSPHRASE')
        app = makeDesk(values['data-dir'])
        loginSupervisor(app.desk, pass, (values.login ?? values.user) ?? process.env.DESK_USER)
        let last = -1
        app.desk.on('progress', (p) => {
          const pct = Math.floor((p.done / p.total) * 100)
          if (process.stderr.isTTY && pct !== last) process.stderr.write(`\r${pct}%`)
          last = pct
        })
        const res = await backup.exportBackup(app.desk, {
          file: values.out ? resolve(values.out) : undefined,
          folder: values.folder,
          passphrase: process.env.DESK_BACKUP_PASSPHRASE || undefined
        })
        if (process.stderr.isTTY) process.stderr.write('\n')
        process.stdout.write(`ok ${res.file} ${res.bytes} bytes, ${res.rows} rows in ${res.tables} tables, ${res.ms} ms\n`)
        return 0
      }
      if (sub === 'verify') {
        const file = positionals[0]
        if (!file) return (process.stderr.write(USAGE), 2)
        const v = await backup.verifyBackup(null, { file, passphrase: envPassphrase('DESK_BACKUP_PASSPHRASE') }, tmpdir())
        process.stdout.write(`ok ${v.file}: created ${v.createdAt}, app ${v.appVersion}, schema ${v.schemaVersion}, ${v.rows} rows, every chunk and page checked, counts match (${v.ms} ms)\n`)
        for (const [t, n] of Object.entries(v.tables)) process.stdout.write(`  ${padEnd(t, 32)} ${n}\n`)
        return 0
      }
      if (sub === 'restore') {
        const file = positionals[0]
        if (!file || !values['data-dir']) return (process.stderr.write(USAGE), 2)
        app = makeDesk(values['data-dir'])
        // Over a damaged desk a supervisor of the backup signs the restore: --login with DESK_PASSPHRASE.
        const login = values.login ?? values.user
        const supervisor = login && process.env.DESK_PASSPHRASE ? { loginName: login, passphrase: process.env.DESK_PASSPHRASE } : undefined
        const r = await backup.restoreFresh(app.desk, { file, passphrase: envPassphrase('DESK_BACKUP_PASSPHRASE'), supervisor })
        process.stdout.write(`ok restored the backup of ${r.backupCreatedAt} into ${resolve(values['data-dir'])}; log in with the accounts it holds\n`)
        return 0
      }
      process.stderr.write(USAGE)
      return 2
    } catch (err) {
      if (err instanceof DeskFailure) {
        process.stderr.write(`${err.code}: ${say(err)}\n`)
        return EXIT[err.code] ?? 1
      }
      throw err
    } finally {
      app?.stop()
    }
  }
}
