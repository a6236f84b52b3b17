import type { Command } from './command'
import { padEnd } from '@shared/text/characters'
import { initCommand } from './commands/init'
import { demoCommand } from './commands/demo'
import { verifyCommand } from './commands/verify'
import { casesCommand } from './commands/cases'
import { formsCommand } from './commands/forms'
import { backupCommand } from './commands/backup'
import { linesCommand } from './commands/lines'
import { busyMessage, DataFolderBusy, holdDataFolder, systemLocale } from '../main/fs/folder-lock'

/** `npm run desk -- <command> …`: the same services as the app, for scripts and headless use. */
const COMMANDS: Command[] = [initCommand, demoCommand, verifyCommand, casesCommand, formsCommand, backupCommand, linesCommand]

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const cmd = COMMANDS.find((c) => c.name === name)
  if (!cmd) {
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
      holdDataFolder(dataDir, { kind: 'cli', command: cmd.name })
    } catch (err) {
      if (!(err instanceof DataFolderBusy)) throw err
      process.stderr.write(`${busyMessage(err, dataDir, systemLocale())}\n`)
      return 6
    }
  }
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
