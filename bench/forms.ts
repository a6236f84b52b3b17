import type { BenchSuite } from './harness'

/** Benchmarks of the forms feature. */
export const formsSuites: BenchSuite[] = []
