import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  test: {
    // In CI the test files run in a random order (the seed is printed), so no file relies on another
    // having run first. Tests inside a file still run in order: several files build one record step
    // by step across their tests (see README, "Tests").
    sequence: { shuffle: { files: !!process.env.CI, tests: false } },
    // `vitest run --coverage` (npm test) prints a V8 coverage summary per file.
    coverage: { provider: 'v8', include: ['src/**/*.{ts,tsx}'], exclude: ['src/**/*.test.{ts,tsx}', 'src/**/*.test-support.ts'], reporter: ['text-summary', 'text'] },
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/cli/**/*.test.ts', 'tests/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          pool: 'forks'
        }
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 30_000
        }
      }
    ]
  }
})
