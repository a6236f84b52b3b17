import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the real renderer against the real services and a real encrypted
 * database. Here: browser mode in Debian's Chromium. Where the Electron binary exists, the
 * `electron` project runs the same specs in the app window (see tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'off'
  },
  projects: [
    // Browser mode in Debian's Chromium: every spec except the Electron-only ones.
    { name: 'browser', testIgnore: /electron-.*\.spec\.ts$/ },
    // The real Electron window; its specs report NOT RUN (with the reason) where the binary is missing.
    { name: 'electron', testMatch: /electron-.*\.spec\.ts$/ }
  ]
})
