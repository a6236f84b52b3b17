import { afterAll, describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../support/desk'
import { pdfFonts, pdfPages, pdfText, squash } from '../../src/main/pdf/poppler'
import { runDeskCli } from '../support/cli'

/** `npm run desk -- forms …`, run as a child process exactly as a script would. */
const PASS = 'lantern river autumn violet'
const t = tempDir('desk-cli-forms-')
afterAll(() => t.cleanup())

function desk(args: string[], env: Record<string, string | undefined> = {}) {
  return runDeskCli(args, { DESK_PASSPHRASE: PASS, DESK_USER: undefined, ...env })
}

describe('desk forms', () => {
  const dataDir = join(t.dir, 'data')

  it('prints a demo case to a PDF in either language, by id or case number', () => {
    expect(desk(['init', '--data-dir', dataDir, '--name', '陈督导', '--login', 'chen']).code).toBe(0)
    expect(desk(['demo', '--data-dir', dataDir, '--cases', '2', '--seed', '5']).code).toBe(0)
    const zh = join(t.dir, 'a.pdf')
    const r = desk(['forms', '--data-dir', dataDir, '--case', '1', '--form', 'A', '--lang', 'zh-CN', '--out', zh])
    expect(r.code, r.err).toBe(0)
    const pdf = readFileSync(zh)
    expect(squash(pdfText(pdf))).toContain('表A.1信访社会工作服务接案表')
    for (const f of pdfFonts(pdf)) expect(f.emb).toBe(true)
    const caseNo = /个案编号：(\d{4}-\d{6})/.exec(pdfText(pdf))![1]
    const yue = join(t.dir, 'all.pdf')
    const r2 = desk(['forms', '--data-dir', dataDir, '--case', caseNo, '--form', 'all', '--lang', 'yue-HK', '--out', yue])
    expect(r2.code, r2.err).toBe(0)
    expect(pdfPages(readFileSync(yue))).toBeGreaterThan(pdfPages(pdf))
    expect(squash(pdfText(readFileSync(yue)))).toContain('信訪社會工作服務會談表')
  })

  it('writes blank forms without a desk, and explains its usage', () => {
    const out = join(t.dir, 'blank.pdf')
    const r = desk(['forms', '--blank', '--form', 'all', '--lang', 'yue-HK', '--out', out])
    expect(r.code, r.err).toBe(0)
    expect(squash(pdfText(readFileSync(out)))).toContain('個案編號：________')
    const bad = desk(['forms', '--form', 'X', '--out', join(t.dir, 'x.pdf')])
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('Usage')
    expect(existsSync(join(t.dir, 'x.pdf'))).toBe(false)
  })
})
