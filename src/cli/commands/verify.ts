import type { Command } from '../command'

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The verify command is not available yet.\n')
    return 2
  }
}
