import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = resolve(__dirname, '../..')

export interface CliRun {
  code: number | null
  out: string
  err: string
}

/**
 * `npm run desk -- …` as a script runs it: a child process through tsx, cheap KDF, quiet logs.
 * `env` entries set to undefined remove inherited variables (e.g. a DESK_PASSPHRASE from the shell).
 */
export function runDeskCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 120_000): CliRun {
  const r = spawnSync(
    process.execPath,
    ['--import', pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, join(ROOT, 'src/cli/index.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: timeoutMs,
      env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT, 'tsconfig.node.json'), DESK_TEST_KDF: '1', DESK_LOG: 'silent', ...env }
    }
  )
  return { code: r.status, out: r.stdout, err: r.stderr }
}
