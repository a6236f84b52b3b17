// ESLint flat config, run by `npm run lint` (first step of `npm test`), zero warnings allowed.
// Import boundaries use ESLint's own `no-restricted-imports` with regex patterns matched against
// the import text, one block per layer (see README, "Lint"): no plugin, no module resolver, so the
// whole repository lints in a few seconds on this 2-core machine.
import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = [...builtinModules.filter((m) => !m.startsWith('_')), ...builtinModules.map((m) => `node:${m}`)]

/** Test code: vitest files, test helpers (tests/, *.test-support.ts, the migration harness's *.check.ts). */
const TEST_FILES = [
  '**/*.test.{ts,tsx}',
  '**/*.test-support.{ts,tsx}',
  'tests/**',
  'src/renderer/src/test-support/**',
  'src/main/db/migrations/*.check.ts'
]

/** What only test code may import. */
const TEST_ONLY = {
  paths: [
    { name: 'vitest', message: 'Test helpers live under tests/ or in a *.test-support.ts file.' },
    { name: '@testing-library/react', message: 'Test helpers live under tests/ or in a *.test-support.ts file.' },
    { name: '@testing-library/dom', message: 'Test helpers live under tests/ or in a *.test-support.ts file.' }
  ],
  patterns: [
    {
      regex: '(^|/)(tests/|test-support/)|\\.test-support$|\\.test$',
      message: 'Production code does not import test helpers.'
    }
  ]
}

/**
 * A renderer feature reaches another feature only through its public entry (features/<name>/index.ts).
 * One block per folder depth inside a feature, so `../other/Thing` (a sibling feature's internals) is
 * told apart from `../Thing` (the same feature) by the number of `../` alone.
 */
const featureBlocks = [0, 1, 2, 3].map((depth) => ({
  files: [`src/renderer/src/features/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
  ignores: TEST_FILES,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        ...TEST_ONLY,
        patterns: [
          ...TEST_ONLY.patterns,
          {
            regex: `^(\\.\\./){${depth + 1}}[^./][^/]*/.|(^|/)features/[^/]+/.`,
            message: 'Import another feature through its public entry (features/<name>/index.ts), not its files.'
          }
        ]
      }
    ]
  }
}))

export default tseslint.config(
  {
    ignores: ['out/**', 'out-*/**', 'dist/**', 'build/**', 'node_modules/**', 'resources/**', 'test-results/**', 'playwright-report/**', '.scratch/**']
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error'
    }
  },
  // Playwright: a fixture names its dependencies by destructuring (`async ({}, use)` has none), and
  // the specs read JSON results from the page untyped (typing rpc() by the contract is a follow-up).
  {
    files: ['tests/e2e/**/*.ts'],
    rules: {
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  // Production code does not import test helpers (bench/ may: it drives the desk as the tests do).
  {
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.mjs'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-imports': ['error', TEST_ONLY] }
  },
  // src/shared is pure: nothing from main, renderer or preload, no node:* and no electron.
  {
    files: ['src/shared/**/*.ts'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...TEST_ONLY.paths, ...NODE_BUILTINS.map((name) => ({ name, message: 'src/shared runs in the renderer too: no Node modules.' }))],
          patterns: [
            ...TEST_ONLY.patterns,
            { regex: '^electron($|/)', message: 'src/shared imports no electron.' },
            { regex: '(^|/)(main|renderer|preload)(/|$)', message: 'src/shared imports nothing from main, renderer or preload.' }
          ]
        }
      ]
    }
  },
  {
    files: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(main|renderer|preload)(/|$)', message: 'src/shared imports nothing from main, renderer or preload.' }] }
      ]
    }
  },
  // Main-process services do not import electron: only the shell (index.ts, security guards), the IPC
  // transport and the platform adapter do; everything else gets those through the Platform interface.
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: [...TEST_FILES, 'src/main/index.ts', 'src/main/ipc/electron-transport.ts', 'src/main/platform/**', 'src/main/security/guards.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...TEST_ONLY,
          patterns: [
            ...TEST_ONLY.patterns,
            { regex: '^electron($|/)', message: 'Main services do not import electron: use the platform adapter (src/main/platform).' },
            { regex: '(^|/)renderer(/|$)', message: 'The main process imports nothing from the renderer.' }
          ]
        }
      ]
    }
  },
  // The renderer imports no main-process code and no Node modules.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...TEST_ONLY.paths, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node modules.' }))],
          patterns: [
            ...TEST_ONLY.patterns,
            { regex: '^electron($|/)', message: 'The renderer imports no electron.' },
            { regex: '(^|/)(main|preload)/', message: 'The renderer reaches the main process only through window.desk.' }
          ]
        }
      ]
    }
  },
  ...featureBlocks.map((b) => ({
    ...b,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...b.rules['no-restricted-imports'][1],
          paths: [...TEST_ONLY.paths, ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer is sandboxed: no Node modules.' }))],
          patterns: [
            ...b.rules['no-restricted-imports'][1].patterns,
            { regex: '^electron($|/)', message: 'The renderer imports no electron.' },
            { regex: '(^|/)(main|preload)/', message: 'The renderer reaches the main process only through window.desk.' }
          ]
        }
      ]
    }
  })),
  {
    files: ['src/renderer/src/features/*/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)(main|preload)/', message: 'The renderer reaches the main process only through window.desk.' }] }
      ]
    }
  }
)

