import { parseArgs } from 'node:util'
import type { Command } from '../command'
import { generateDemo } from '../../main/demo/generate'
import * as session from '../../main/session/service'
import { openDeskAs } from './cases'

/**
 * `desk demo --data-dir DIR --cases N [--seed S] [--interviews K] [--workers W] [--login LOGIN]`: add
 * N fictitious cases (with ~K interviews each, default 10) to an initialised desk, spread over W
 * fictitious worker accounts that cannot log in (default one per 2 000 cases, at most 12). The
 * same seed gives the same records. Progress goes to stderr; a JSON summary to stdout.
 */
export const demoCommand: Command = {
  name: 'demo',
  help: `Usage: npm run desk -- demo --data-dir DIR --cases N [--seed S] [--interviews K] [--workers W] [--login LOGIN]
Adds N fictitious cases (about K interviews each, default 10) spread over W fictitious workers; the same seed gives the same records.
Unlocks with DESK_PASSPHRASE as --login (alias --user) or DESK_USER, else the first supervisor whose passphrase it is.
Exit codes: 0 added (JSON summary on stdout), 2 usage, 3 no account opens with that passphrase, 6 data folder in use.`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        cases: { type: 'string' },
        seed: { type: 'string', default: '1' },
        interviews: { type: 'string', default: '10' },
        workers: { type: 'string' },
        login: { type: 'string' }, user: { type: 'string' }
      }
    })
    const n = Number(values.cases)
    if (!values['data-dir'] || !Number.isInteger(n) || n < 1 || n > 2_000_000) {
      process.stderr.write('Usage: npm run desk -- demo --data-dir DIR --cases N [--seed S] [--interviews K] [--workers W] [--login LOGIN]\n')
      return 2
    }
    const app = openDeskAs(values['data-dir'], (values.login ?? values.user))
    if (!app) return 3
    try {
      let lastPct = -1
      const r = generateDemo(app.desk, {
        cases: n,
        seed: Number(values.seed) || 1,
        interviewsPerCase: Number(values.interviews),
        workers: values.workers !== undefined ? Number(values.workers) : undefined,
        onProgress(done, total) {
          const pct = Math.floor((done / total) * 10) * 10
          if (pct === lastPct) return
          lastPct = pct
          process.stderr.write(process.stderr.isTTY ? `\r${done}/${total} cases` : `${done}/${total} cases\n`)
        }
      })
      process.stderr.write('\n')
      process.stdout.write(JSON.stringify(r) + '\n')
      return 0
    } finally {
      session.logout(app.desk)
      app.stop()
    }
  }
}
