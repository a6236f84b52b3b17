import type { BenchSuite, Figure } from './harness'
import { foundationSuites } from './foundation'
import { casesSuites } from './cases'
import { interviewSuites } from './interview'
import { formsSuites } from './forms'
import { supervisorSuites } from './supervisor'
import { wordsSuites } from './words'
import { riskCueSuites } from './risk-cues'
import { archiveSuites } from './archive'

const SUITES: BenchSuite[] = [...foundationSuites, ...casesSuites, ...interviewSuites, ...formsSuites, ...supervisorSuites, ...wordsSuites, ...riskCueSuites, ...archiveSuites]

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const json = args.includes('--json')
  const onlyIdx = args.indexOf('--only')
  const only = onlyIdx >= 0 ? args[onlyIdx + 1] : undefined
  process.env.DESK_LOG = 'silent'
  const figures: Figure[] = []
  for (const suite of SUITES) {
    if (only && !suite.name.includes(only)) continue
    if (!json) process.stderr.write(`… ${suite.name}\n`)
    await suite.run((f) => {
      figures.push(f)
      if (!json) process.stdout.write(`${f.name.padEnd(58)} ${fmt(f.value).padStart(12)} ${f.unit.padEnd(6)} ${f.target ? `target ${f.target}` : ''}\n`)
    })
  }
  if (json) {
    const out: Record<string, { value: number; unit: string }> = {}
    for (const f of figures) out[f.name] = { value: f.value, unit: f.unit }
    process.stdout.write(JSON.stringify(out, null, 2) + '\n')
  }
}

function fmt(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2)
}

main().catch((err) => {
  process.stderr.write(String(err?.stack ?? err) + '\n')
  process.exit(1)
})
