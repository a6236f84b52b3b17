import type { Command } from '../command'

export const formsCommand: Command = {
  name: 'forms',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The forms command is not available yet.\n')
    return 2
  }
}
