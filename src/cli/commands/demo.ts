import type { Command } from '../command'

export const demoCommand: Command = {
  name: 'demo',
  summary: 'not available yet',
  async run() {
    process.stderr.write('The demo command is not available yet.\n')
    return 2
  }
}
