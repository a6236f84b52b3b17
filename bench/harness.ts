/**
 * `npm run bench`: every figure is printed, none is asserted. `--json` prints one JSON object
 * { name: { value, unit } } so runs can be compared over time. `--only <text>` runs matching suites.
 */
export interface Figure {
  name: string
  value: number
  unit: string
  /** The stated target, for the reader: e.g. "< 1000 ms". */
  target?: string
}

export interface BenchSuite {
  name: string
  run(report: (f: Figure) => void): Promise<void>
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[idx]
}

export function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6
}
