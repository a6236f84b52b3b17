import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export interface CliRun {
  code: number | null
  out: string
  err: string
}

let built = false

/** The built CLI (out/cli), rebuilt first when any of its sources is newer: the tests run what `npm run desk` runs. */
export function builtCli(): string {
  if (!built) {
    const b = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 })
    if (b.status !== 0) throw new Error(`building the CLI failed: ${b.stderr}`)
    built = true
  }
  return join(ROOT, 'out/cli/index.js')
}

/**
 * `npm run desk -- …` as a script runs it: a child process running the built CLI with plain Node,
 * cheap KDF, quiet logs. `env` entries set to undefined remove inherited variables (e.g. a
 * DESK_PASSPHRASE from the shell).
 */
export function runDeskCli(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 120_000): CliRun {
  const r = spawnSync(process.execPath, [builtCli(), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, DESK_TEST_KDF: '1', DESK_LOG: 'silent', ...env }
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
