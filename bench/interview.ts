import type { BenchSuite } from './harness'

/** Benchmarks of the interview feature. */
export const interviewSuites: BenchSuite[] = []
