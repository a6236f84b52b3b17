import type { Command } from './command'
import { padEnd } from '@shared/text/characters'
import { busyMessage, DataFolderBusy, holdDataFolder, systemLocale } from '../main/fs/folder-lock'

/**
 * `npm run desk -- <command> …`: the same services as the app, for scripts and headless use. Each
 * command's module (and the services, PDF engine and database driver it needs) is loaded only when
 * that command runs, so the list and a command's `--help` answer without loading any of them.
 */
const COMMANDS: { name: string; summary: string; load(): Promise<Command> }[] = [
  { name: 'init', summary: 'set up a new desk: first supervisor (DESK_PASSPHRASE), prints the recovery key', load: async () => (await import('./commands/init')).initCommand },
  { name: 'demo', summary: 'add N fictitious cases with interviews to an initialised desk (reproducible by --seed)', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'verify', summary: 'check a desk: full integrity check, audit chain, schema version, counts (read-only)', load: async () => (await import('./commands/verify')).verifyCommand },
  { name: 'cases', summary: 'list cases as JSON ordered by case number (DESK_PASSPHRASE; --login or DESK_USER)', load: async () => (await import('./commands/cases')).casesCommand },
  { name: 'forms', summary: 'print a case’s forms A/B/C (or blank forms) to a PDF file', load: async () => (await import('./commands/forms')).formsCommand },
  { name: 'backup', summary: 'export, verify or restore an encrypted backup', load: async () => (await import('./commands/backup')).backupCommand },
  { name: 'lines', summary: 'review sheet of every line and label (CSV + PDF); --apply a corrected CSV', load: async () => (await import('./commands/lines')).linesCommand }
]

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const entry = COMMANDS.find((c) => c.name === name)
  if (!entry) {
    process.stderr.write('Usage: npm run desk -- <command> [options]\n\n')
    for (const c of COMMANDS) process.stderr.write(`  ${padEnd(c.name, 8)} ${c.summary}\n`)
    process.stderr.write('\nnpm run desk -- <command> --help: its options and exit codes. Exit 6 for every command: the data folder is in use.\n')
    return name ? 2 : 0
  }
  // Every file and folder this process creates is its owner's only (0600 / 0700): backups, PDFs, logs.
  if (process.platform !== 'win32') process.umask(0o077)
  // One process per data folder: a command waits for nobody; it says who has the folder and stops.
  const dataDir = dataDirArg(rest)
  if (dataDir) {
    try {
      holdDataFolder(dataDir, { kind: 'cli', command: entry.name })
    } catch (err) {
      if (!(err instanceof DataFolderBusy)) throw err
      process.stderr.write(`${busyMessage(err, dataDir, systemLocale())}\n`)
      return 6
    }
  }
  const cmd = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(cmd.help.endsWith('\n') ? cmd.help : `${cmd.help}\n`)
    return 0
  }
  return cmd.run(rest)
}

/** The value of --data-dir (either form), without parsing the command's other flags. */
function dataDirArg(argv: string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data-dir') return argv[i + 1] ?? null
    if (a.startsWith('--data-dir=')) return a.slice('--data-dir='.length)
  }
  return null
}

process.env.DESK_LOG ??= 'silent'
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
)
