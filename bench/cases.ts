import type { BenchSuite } from './harness'

/** Benchmarks of the cases feature. */
export const casesSuites: BenchSuite[] = []
