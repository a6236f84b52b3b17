import type { BenchSuite } from './harness'

/** Benchmarks of the foundation feature. */
export const foundationSuites: BenchSuite[] = []
