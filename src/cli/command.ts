/** One CLI command: `npm run desk -- <name> [flags]`. Output is for scripts: stdout data, stderr messages. */
export interface Command {
  name: string
  /** The one-line summary is listed in src/cli/index.ts (so the list loads no command module). */
  /** What `desk <name> --help` prints: usage, options, environment and exit codes. */
  help: string
  /** Returns the process exit code. */
  run(argv: string[]): Promise<number>
}

/** The passphrase for scripted use comes from the environment, never from a flag (flags show in `ps`). */
export function envPassphrase(name = 'DESK_PASSPHRASE'): string {
  const value = process.env[name]
  if (!value) {
    process.stderr.write(`${name} is not set.\n`)
    process.exit(2)
  }
  return value
}
