import type { BenchSuite } from './harness'

/** Benchmarks of the supervisor feature. */
export const supervisorSuites: BenchSuite[] = []
