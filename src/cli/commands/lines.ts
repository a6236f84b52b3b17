import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '../command'
import { writeFileAtomic } from '../../main/fs/atomic'
import { NAMESPACES } from '@shared/i18n/resources'
import { applyChanges, isNamespace, planApply, type ApplyPlan } from '@shared/i18n/review'
import { localesDir, readLocales, sheetCsv, sheetPdf, sheetRows, writeLocales } from '../../main/words/lines-sheet'

const USAGE = `Usage:
  npm run desk -- lines --out FILE [--ns script,interview,…] [--ui zh-CN|yue-HK]
      writes FILE.csv and FILE.pdf: every line and label, 普通话 and 粵語 side by side, with its key,
      where it appears and the placeholders filled with a realistic example
  npm run desk -- lines --apply FILE.csv [--locales DIR] [--yes]
      reads a reviewer's corrected CSV (columns key, zh-CN, yue-HK; others ignored), prints what would
      change (and what is refused: unknown keys, changed placeholders, empty texts), and writes the
      locale files only with --yes (DIR: the locales folder, default the repository's)
Exit codes: 0 done, 2 usage, 4 the CSV has refused rows (nothing written), 1 other failure.
`

export function describePlan(plan: ApplyPlan): string {
  const out: string[] = []
  for (const c of plan.changes) {
    out.push(`~ ${c.key} [${c.lang}]`, `  - ${c.before}`, `  + ${c.after}`)
    for (const n of c.notes) out.push(`  ! lexicon: ${n}`)
  }
  for (const r of plan.refused) out.push(`✗ ${r.key || '(header)'}${r.lang ? ` [${r.lang}]` : ''}: ${r.reason}${r.detail ? ` (${r.detail})` : ''}`)
  out.push(`${plan.changes.length} change(s), ${plan.refused.length} refused`)
  return out.join('\n') + '\n'
}

/** `lines`: the review sheet for native speakers, and reading their corrections back. */
export const linesCommand: Command = {
  name: 'lines',
  help: USAGE,
  async run(argv) {
    let values
    try {
      values = parseArgs({
        args: argv,
        options: {
          out: { type: 'string' },
          apply: { type: 'string' },
          locales: { type: 'string' },
          ns: { type: 'string' },
          ui: { type: 'string', default: 'zh-CN' },
          yes: { type: 'boolean', default: false }
        }
      }).values
    } catch {
      return (process.stderr.write(USAGE), 2)
    }
    const ui = values.ui as 'zh-CN' | 'yue-HK'
    if (ui !== 'zh-CN' && ui !== 'yue-HK') return (process.stderr.write(USAGE), 2)
    const dir = localesDir(values.locales)

    if (values.apply) {
      const res = readLocales(dir)
      const plan = planApply(readFileSync(resolve(values.apply), 'utf8'), res)
      process.stdout.write(describePlan(plan))
      if (plan.refused.length) {
        process.stderr.write('Nothing written: fix or remove the refused rows first.\n')
        return 4
      }
      if (!plan.changes.length) return 0
      if (!values.yes) {
        process.stderr.write('Nothing written: run again with --yes to apply these changes.\n')
        return 0
      }
      for (const lang of ['zh-CN', 'yue-HK'] as const) {
        const mine = plan.changes.filter((c) => c.lang === lang)
        if (!mine.length) continue
        writeLocales(dir, lang, applyChanges(res[lang], mine), new Set(mine.map((c) => c.key.slice(0, c.key.indexOf(':')))))
      }
      process.stdout.write(`Written to ${dir}\n`)
      return 0
    }

    if (!values.out) return (process.stderr.write(USAGE), 2)
    const ns = values.ns ? values.ns.split(',').map((s) => s.trim()) : [...NAMESPACES]
    if (!ns.every(isNamespace)) return (process.stderr.write(USAGE), 2)
    const base = resolve(values.out).replace(/\.(csv|pdf)$/i, '')
    const rows = sheetRows(readLocales(dir), ns)
    writeFileAtomic(`${base}.csv`, Buffer.from(sheetCsv(rows, ui), 'utf8'))
    const at = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })
    writeFileAtomic(`${base}.pdf`, await sheetPdf(rows, ui, at))
    process.stdout.write(`${base}.csv\t${rows.length} rows\n${base}.pdf\n`)
    return 0
  }
}
