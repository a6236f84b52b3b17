import type { Command } from '../command'

export const initCommand: Command = {
  name: 'init',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The init command is not available yet.\n')
    return 2
  }
}
