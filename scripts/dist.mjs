#!/usr/bin/env node
// `npm run dist`: installers with electron-builder (electron-builder.json). Native modules are
// rebuilt from source for Electron with SQLite3 Multiple Ciphers' secure memory compiled in; then
// better-sqlite3 is rebuilt for Node again so `npm test` keeps working.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { secureMemoryEnv } from './electron-detect.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const env = secureMemoryEnv()
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const bin = (pkg, rel) => join(dirname(require.resolve(`${pkg}/package.json`)), rel)

function step(cmd, args, extraEnv = env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: extraEnv, shell: process.platform === 'win32' })
  return r.status === 0
}

let ok = step(process.execPath, [bin('electron-vite', 'bin/electron-vite.js'), 'build'])
ok = ok && step(process.execPath, [bin('electron-builder', 'cli.js'), '--publish', 'never', ...process.argv.slice(2)])
// Always put the Node build back, even when packaging failed half-way.
const restored = step(npm, ['rebuild', 'better-sqlite3'], process.env)
process.exit(ok && restored ? 0 : 1)
