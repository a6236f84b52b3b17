import type { Command } from '../command'

export const casesCommand: Command = {
  name: 'cases',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The cases command is not available yet.\n')
    return 2
  }
}
