import type { Command } from '../command'

export const backupCommand: Command = {
  name: 'backup',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The backup command is not available yet.\n')
    return 2
  }
}
