import { parseArgs } from 'node:util'
import { resolve } from 'node:path'
import type { Command } from '../command'
import { envPassphrase } from '../command'
import { createDeskApp } from '../../main/app'
import { SCRYPT_TEST } from '../../main/db/keyring'
import { translateKey } from '@shared/i18n/resources'
import { isI18nKey } from '@shared/i18n/keys'

/**
 * `desk init --data-dir DIR --name NAME --login LOGIN [--locale zh-CN|yue-HK] [--org NAME]`
 * First-run setup without the UI: the same call as the setup screen (desk.setup through the router,
 * so the same validation and passphrase policy). The passphrase comes from DESK_PASSPHRASE.
 * Prints the recovery key on stdout — once; keep it in the office safe.
 */
export const initCommand: Command = {
  name: 'init',
  help: `Usage: npm run desk -- init --data-dir DIR --name NAME --login LOGIN [--locale zh-CN|yue-HK] [--org NAME]
First-run setup without the UI: the first supervisor account (--login, alias --user), passphrase from DESK_PASSPHRASE; prints the recovery key.
Exit codes: 0 set up, 1 failed (e.g. already set up, weak passphrase), 2 usage, 6 data folder in use.`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        name: { type: 'string' },
        login: { type: 'string' },
        user: { type: 'string' },
        locale: { type: 'string', default: 'zh-CN' },
        org: { type: 'string' },
        json: { type: 'boolean', default: false }
      }
    })
    // The account is --login everywhere; --user, the other commands' old spelling, is accepted too.
    values.login ??= values.user
    if (!values['data-dir'] || !values.name || !values.login) {
      process.stderr.write('Usage: npm run desk -- init --data-dir DIR --name NAME --login LOGIN [--locale zh-CN|yue-HK] [--org NAME]\n')
      process.stderr.write('The passphrase is read from the environment variable DESK_PASSPHRASE.\n')
      return 2
    }
    const passphrase = envPassphrase()
    const dataDir = resolve(values['data-dir'])
    // Only the test suite may lower the KDF cost, and only by an explicit variable.
    const app = createDeskApp({ dataDir, kdf: process.env.DESK_TEST_KDF === '1' ? SCRYPT_TEST : undefined, idleWatch: false })
    try {
      const r = await app.router.invoke('desk.setup', {
        displayName: values.name,
        loginName: values.login,
        passphrase,
        locale: values.locale,
        ...(values.org ? { orgName: values.org } : {})
      })
      if (!r.ok) {
        const text = isI18nKey(r.messageKey) ? translateKey('zh-CN', r.messageKey, r.params) : r.messageKey
        process.stderr.write(`init failed: ${r.code}${r.field ? ` (${r.field})` : ''} — ${text}\n`)
        return 1
      }
      const { recoveryKey } = r.value as { recoveryKey: string }
      if (values.json) process.stdout.write(JSON.stringify({ dataDir, recoveryKey }) + '\n')
      else {
        process.stdout.write(`Desk created in ${dataDir}\n`)
        process.stdout.write(`Recovery key (shown once; print or copy it and keep it in the office safe):\n${recoveryKey}\n`)
      }
      return 0
    } finally {
      app.stop()
    }
  }
}
