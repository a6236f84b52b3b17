import type { BenchSuite } from './harness'
import { ms, percentile } from './harness'
import { findOverPromises } from '../src/shared/domain/interview/promise-guard'
import { GUARD_FLAGGED, GUARD_HELDOUT_FLAGGED, GUARD_HELDOUT_ORDINARY, GUARD_ORDINARY } from '../src/shared/domain/interview/guard-corpus'
import { resources } from '../src/shared/i18n/resources'

/**
 * The over-promise guard's precision and recall (a finding counts as right only in the labelled
 * category), on the labelled corpus the tests use and on a held-out set never used to tune the
 * patterns; plus every line the app suggests (must be 0 findings) and the time over a long note.
 */
function score(flagged: readonly { text: string; id: string }[], ordinary: readonly string[]) {
  let tp = 0
  let fn = 0
  let fp = 0
  for (const { text, id } of flagged) {
    const ids = findOverPromises(text).map((f) => f.id)
    if (ids.includes(id)) tp++
    else fn++
    fp += ids.filter((x) => x !== id).length
  }
  for (const t of ordinary) fp += findOverPromises(t).length
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) }
}

const strings = (n: unknown, out: string[] = []): string[] => {
  if (typeof n === 'string') out.push(n)
  else for (const v of Object.values(n as Record<string, unknown>)) strings(v, out)
  return out
}

export const wordsSuites: BenchSuite[] = [
  {
    name: 'words: over-promise guard',
    async run(report) {
      const c = score(GUARD_FLAGGED, GUARD_ORDINARY)
      report({ name: `guard precision, corpus (${GUARD_FLAGGED.length} flagged + ${GUARD_ORDINARY.length} ordinary)`, value: c.precision * 100, unit: '%' })
      report({ name: 'guard recall, corpus', value: c.recall * 100, unit: '%' })
      const h = score(GUARD_HELDOUT_FLAGGED, GUARD_HELDOUT_ORDINARY)
      report({ name: `guard precision, held out (${GUARD_HELDOUT_FLAGGED.length} + ${GUARD_HELDOUT_ORDINARY.length})`, value: h.precision * 100, unit: '%' })
      report({ name: 'guard recall, held out', value: h.recall * 100, unit: '%' })
      const lines = [...strings(resources['zh-CN'].script), ...strings(resources['yue-HK'].script)]
      const avoid = new Set([...Object.values(resources['zh-CN'].script.avoid), ...Object.values(resources['yue-HK'].script.avoid)])
      report({ name: `findings on the app's own lines (${lines.length - avoid.size})`, value: lines.filter((l) => !avoid.has(l)).reduce((n, l) => n + findOverPromises(l).length, 0), unit: '', target: '0' })
      const note = [...GUARD_ORDINARY, ...GUARD_FLAGGED.map((f) => f.text)].join('')
      const samples: number[] = []
      for (let i = 0; i < 20; i++) findOverPromises(note) // warm up
      for (let i = 0; i < 200; i++) {
        const t0 = process.hrtime.bigint()
        findOverPromises(note)
        samples.push(ms(t0))
      }
      report({ name: `guard over a ${note.length}-char note (p50)`, value: percentile(samples, 50), unit: 'ms' })
      report({ name: `guard over a ${note.length}-char note (p95)`, value: percentile(samples, 95), unit: 'ms', target: '< 16 ms' })
    }
  }
]
