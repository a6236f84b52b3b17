import { afterAll, describe, expect, it } from 'vitest'
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { tempDir } from '../../../tests/support/desk'
import { runDeskCli } from '../../../tests/support/cli'
import { pdfText, squash } from '../../main/pdf/poppler'
import { parseCsv } from '@shared/i18n/review'

/** `npm run desk -- lines`, run as a child process as a supervisor or a script would. */
const t = tempDir('desk-cli-lines-')
afterAll(() => t.cleanup())
const locales = join(t.dir, 'locales')
cpSync(resolve(__dirname, '../../shared/i18n/locales'), locales, { recursive: true })
const yueScript = () => JSON.parse(readFileSync(join(locales, 'yue-HK', 'script.json'), 'utf8'))

describe('desk lines', () => {
  const out = join(t.dir, 'sheet')

  it('writes the review sheet as CSV and PDF: key, where, both languages, placeholders filled', () => {
    const r = runDeskCli(['lines', '--out', `${out}.csv`, '--ns', 'script', '--locales', locales])
    expect(r.code, r.err).toBe(0)
    const rows = parseCsv(readFileSync(`${out}.csv`, 'utf8'))
    expect(rows[0]).toEqual(['key', 'where', 'zh-CN', 'yue-HK', 'zh-CN example', 'yue-HK example', 'comment'])
    const greet = rows.find((x) => x[0] === 'script:stages.rapport.greet')!
    expect(greet[1]).toBe('会谈台 · 各阶段要说的话')
    expect(greet[3]).toContain('{{worker}}')
    expect(greet[5]).toBe(yueScript().stages.rapport.greet.replace('{{worker}}', '李敏'))
    const text = squash(pdfText(readFileSync(`${out}.pdf`)))
    expect(text).toContain('用语审阅表')
    expect(text).toContain('script:stages.rapport.greet')
    expect(text).toContain(squash(greet[5]))
    // The example is filled; the template is printed under it for the reviewer.
    expect(text).toContain(squash(yueScript().summary.call.replace('{{date}}', '2026年12月8日（星期二）')))
    expect(text).toContain(squash(`原文（含占位）：${yueScript().summary.call}`))
  })

  it('reads a corrected CSV back: shows the diff, writes only with --yes, refuses a broken row without writing anything', () => {
    const rows = parseCsv(readFileSync(`${out}.csv`, 'utf8'))
    const csv = (edit: (r: string[][]) => void) => {
      const copy = rows.map((r) => [...r])
      edit(copy)
      const file = join(t.dir, `fix-${Math.random().toString(36).slice(2)}.csv`)
      writeFileSync(file, copy.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'))
      return file
    }
    const before = readFileSync(join(locales, 'yue-HK', 'script.json'), 'utf8')
    const good = csv((r) => (r.find((x) => x[0] === 'script:empathy.pause')![3] = '我哋停一停先，你唞下，我喺度陪住你。'))
    const dry = runDeskCli(['lines', '--apply', good, '--locales', locales])
    expect(dry.code, dry.err).toBe(0)
    expect(dry.out).toContain('~ script:empathy.pause [yue-HK]')
    expect(dry.out).toContain('+ 我哋停一停先')
    expect(dry.err).toContain('--yes')
    expect(readFileSync(join(locales, 'yue-HK', 'script.json'), 'utf8')).toBe(before)

    const broken = csv((r) => {
      r.find((x) => x[0] === 'script:empathy.pause')![3] = '我哋停一停先。'
      r.find((x) => x[0] === 'script:stages.closing.callBack')![3] = '我會打電話畀你。'
    })
    const refused = runDeskCli(['lines', '--apply', broken, '--locales', locales, '--yes'])
    expect(refused.code).toBe(4)
    expect(refused.out).toContain('✗ script:stages.closing.callBack [yue-HK]: placeholders')
    expect(readFileSync(join(locales, 'yue-HK', 'script.json'), 'utf8')).toBe(before)

    const done = runDeskCli(['lines', '--apply', good, '--locales', locales, '--yes'])
    expect(done.code, done.err).toBe(0)
    expect(yueScript().empathy.pause).toBe('我哋停一停先，你唞下，我喺度陪住你。')
    const after = readFileSync(join(locales, 'yue-HK', 'script.json'), 'utf8')
    expect(after.split('\n').filter((l, i) => l !== before.split('\n')[i])).toHaveLength(1)
    expect(readFileSync(join(locales, 'zh-CN', 'script.json'), 'utf8')).toBe(readFileSync(resolve(__dirname, '../../shared/i18n/locales/zh-CN/script.json'), 'utf8'))
    expect(existsSync(join(locales, 'yue-HK', 'script.json'))).toBe(true)
  })

  it('says how to use it', () => {
    const r = runDeskCli(['lines'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('--apply')
  })
})
