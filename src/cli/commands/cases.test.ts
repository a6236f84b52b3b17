import { afterAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { tempDir } from '../../../tests/support/desk'
import { runDeskCli } from '../../../tests/support/cli'

/** `npm run desk -- demo|cases`, run as child processes exactly as a script would run them. */
const PASS = 'river lantern autumn violet'
const t = tempDir('desk-cli-cases-')
afterAll(() => t.cleanup())

function desk(args: string[], env: Record<string, string | undefined> = {}) {
  return runDeskCli(args, { DESK_PASSPHRASE: PASS, DESK_USER: undefined, ...env })
}

describe('desk demo / desk cases', () => {
  const dataDir = join(t.dir, 'data')

  it('refuses a folder without a desk', () => {
    const r = desk(['demo', '--data-dir', dataDir, '--cases', '5'])
    expect(r.code).toBe(3)
    expect(r.err).toContain('init')
  })

  it('adds demo cases and lists them as JSON ordered by case number', () => {
    expect(desk(['init', '--data-dir', dataDir, '--name', '陈督导', '--login', 'chen', '--json']).code).toBe(0)
    const d = desk(['demo', '--data-dir', dataDir, '--cases', '40', '--seed', '3'])
    expect(d.code, d.err).toBe(0)
    expect(JSON.parse(d.out)).toMatchObject({ cases: 40 })
    const r = desk(['cases', '--data-dir', dataDir, '--json'])
    expect(r.code, r.err).toBe(0)
    const rows = JSON.parse(r.out) as { caseNo: string; name: string; status: string; riskLevel: string; assignedWorker: string; language: string[]; living: string[] }[]
    expect(rows).toHaveLength(40)
    expect(rows.map((x) => x.caseNo)).toEqual([...rows.map((x) => x.caseNo)].sort())
    expect(Object.keys(rows[0]).sort()).toEqual(['assignedWorker', 'caseNo', 'language', 'living', 'name', 'riskLevel', 'status'])
    // 语言 and 居住状况 hold several ticks: every row an array, and some demo petitioners speak two languages.
    for (const x of rows) expect(Array.isArray(x.language) && Array.isArray(x.living)).toBe(true)
    expect(rows.some((x) => x.language.length === 2)).toBe(true)
    expect(rows[0].assignedWorker).toBe('陈督导')
    // Same with an explicit login name, and refused with a wrong passphrase.
    expect(JSON.parse(desk(['cases', '--data-dir', dataDir, '--json', '--user', 'chen']).out)).toEqual(rows)
    expect(desk(['cases', '--data-dir', dataDir, '--json'], { DESK_PASSPHRASE: 'wrong wrong wrong wrong' }).code).toBe(3)
  })
})
