import { loadavg } from 'node:os'

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

/** The machine's 1-minute load average: printed beside figures taken on a shared machine. */
export function load(): number {
  return loadavg()[0]
}

/** A call's wall-clock and CPU time (this process, user + system), in ms. */
export interface Timing {
  wall: number[]
  cpu: number[]
}

export function timing(): Timing {
  return { wall: [], cpu: [] }
}

/**
 * Time one call both ways. Wall time is what a person waits; CPU time is the work the call does,
 * which other programs on a busy machine do not inflate (a preempted call's wall time does).
 */
export function timeCall<T>(into: Timing, f: () => T): T {
  const c = process.cpuUsage()
  const t = process.hrtime.bigint()
  const out = f()
  into.wall.push(ms(t))
  const d = process.cpuUsage(c)
  into.cpu.push((d.user + d.system) / 1000)
  return out
}
