import type { BenchSuite } from './harness'
import { ms, percentile } from './harness'
import { findRiskCues } from '../src/shared/domain/interview/risk-cues'
import { CUE_ORDINARY, CUE_POSITIVE, type CueRegister } from '../src/shared/domain/interview/risk-cue-corpus'

/**
 * Risk cues (issue 12 §3): precision and recall per register on the labelled corpus the tests use
 * (a cue counts as right only in its labelled kind; any cue on an ordinary sentence is a false
 * alarm), and the time to scan a long note as the worker types.
 */
function score(reg?: CueRegister) {
  let tp = 0
  let fn = 0
  let fp = 0
  for (const c of CUE_POSITIVE.filter((x) => !reg || x.reg === reg)) {
    const kinds = findRiskCues(c.text).map((f) => f.kind)
    if (kinds.includes(c.kind)) tp++
    else fn++
    fp += kinds.filter((k) => k !== c.kind).length
  }
  for (const c of CUE_ORDINARY.filter((x) => !reg || x.reg === reg)) fp += findRiskCues(c.text).length
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) }
}

export const riskCueSuites: BenchSuite[] = [
  {
    name: 'interview: risk cues',
    async run(report) {
      for (const reg of [undefined, 'zh', 'written', 'yue'] as const) {
        const s = score(reg)
        const label = reg ?? 'all'
        report({ name: `risk-cue precision, ${label} (${CUE_POSITIVE.filter((x) => !reg || x.reg === reg).length} cues + ${CUE_ORDINARY.filter((x) => !reg || x.reg === reg).length} ordinary)`, value: s.precision * 100, unit: '%' })
        report({ name: `risk-cue recall, ${label}`, value: s.recall * 100, unit: '%' })
      }
      const note = [...CUE_ORDINARY.map((c) => c.text), ...CUE_POSITIVE.map((c) => c.text)].join('').repeat(4)
      const samples: number[] = []
      for (let i = 0; i < 20; i++) findRiskCues(note)
      for (let i = 0; i < 200; i++) {
        const t0 = process.hrtime.bigint()
        findRiskCues(note)
        samples.push(ms(t0))
      }
      report({ name: `risk cues over a ${note.length}-char note (p95)`, value: percentile(samples, 95), unit: 'ms', target: '< 16 ms' })
    }
  }
]
