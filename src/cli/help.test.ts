import { describe, expect, it } from 'vitest'
import { runDeskCli } from '../../tests/support/cli'

describe('desk <command> --help', () => {
  it('every command answers --help with its usage, options and exit codes (exit 0, nothing opened)', () => {
    for (const name of ['init', 'demo', 'verify', 'cases', 'forms', 'backup', 'lines']) {
      const r = runDeskCli([name, '--help'])
      expect(r.code, `${name}: ${r.err}`).toBe(0)
      expect(r.out, name).toMatch(/Usage/)
      expect(r.out, name).toMatch(/Exit codes/)
    }
  })

  it('one name for the login everywhere: --login, with --user kept as an alias', () => {
    expect(runDeskCli(['demo', '--help']).out).toContain('--login LOGIN')
    expect(runDeskCli(['cases', '--help']).out).toContain('--login LOGIN')
  })
})
