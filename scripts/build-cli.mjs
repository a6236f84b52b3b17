// Build the CLI (`npm run desk`) into out/cli with vite, so a command starts as plain Node instead of
// compiling TypeScript on every call. `node scripts/build-cli.mjs` builds; scripts/desk.mjs builds
// first when out/cli is missing or older than any source file it is made from.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const CLI_DIR = join(ROOT, 'out', 'cli')
export const CLI_ENTRY = join(CLI_DIR, 'index.js')
/** Entries: the CLI, and the backup worker that runs beside it in a worker thread (backup/runner.ts). */
const ENTRIES = { index: 'src/cli/index.ts', 'backup-worker': 'src/main/backup/worker.ts' }
/** What the bundle is made of: a newer file here means out/cli is stale. */
const SOURCES = ['src/cli', 'src/main', 'src/shared', 'package.json', 'scripts/build-cli.mjs']

function newestIn(path) {
  let st
  try {
    st = statSync(path)
  } catch {
    return 0
  }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = st.mtimeMs
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.endsWith('.test.ts') || e.name.endsWith('.test.tsx')) continue
    newest = Math.max(newest, newestIn(join(path, e.name)))
  }
  return newest
}

/** True when out/cli is missing or older than a source file (a few ms: stats only). */
export function cliIsStale() {
  const built = Math.min(...Object.keys(ENTRIES).map((n) => newestIn(join(CLI_DIR, `${n}.js`))))
  if (!built) return true
  return SOURCES.some((s) => newestIn(join(ROOT, s)) > built)
}

/**
 * Build the CLI as CommonJS: index.js plus one chunk per command (loaded when that command runs), and
 * the backup worker as one file; node_modules stay external (the native SQLCipher module is loaded,
 * not bundled). Written to a private folder and renamed into out/cli file by file (chunk names carry
 * a content hash), so parallel builds (test workers) never leave a half-written file.
 */
export async function buildCli() {
  const { build } = await import(pathToFileURL(join(ROOT, 'node_modules/vite/dist/node/index.js')).href).catch(() => import('vite'))
  const tmp = join(ROOT, 'out', `.cli-${process.pid}-${Date.now()}`)
  try {
    for (const [name, entry] of Object.entries(ENTRIES)) {
      await build({
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        resolve: { alias: { '@shared': join(ROOT, 'src/shared') } },
        build: {
          ssr: join(ROOT, entry),
          outDir: tmp,
          emptyOutDir: false,
          target: 'node20',
          minify: false,
          sourcemap: false,
          copyPublicDir: false,
          reportCompressedSize: false,
          rollupOptions: {
            output: { format: 'cjs', entryFileNames: `${name}.js`, chunkFileNames: 'chunks/[name]-[hash].js', ...(name === 'index' ? {} : { codeSplitting: false }) }
          }
        }
      })
    }
    const built = new Set()
    const move = (rel) => {
      for (const e of readdirSync(join(tmp, rel), { withFileTypes: true })) {
        const r = join(rel, e.name)
        if (e.isDirectory()) move(r)
        else {
          mkdirSync(join(CLI_DIR, rel), { recursive: true })
          renameSync(join(tmp, r), join(CLI_DIR, r))
          built.add(r)
        }
      }
    }
    // Chunks first, entries last: an entry never points at a chunk that is not there yet.
    const entries = Object.keys(ENTRIES).map((n) => `${n}.js`)
    for (const f of entries) renameSync(join(tmp, f), join(tmp, `${f}.entry`))
    move('')
    for (const f of entries) {
      renameSync(join(CLI_DIR, `${f}.entry`), join(CLI_DIR, f))
      built.delete(`${f}.entry`)
    }
    // Chunks of earlier builds (another content hash), once no run can still be loading them.
    const chunks = join(CLI_DIR, 'chunks')
    for (const f of existsSync(chunks) ? readdirSync(chunks) : []) {
      const r = join('chunks', f)
      if (!built.has(r) && Date.now() - statSync(join(chunks, f)).mtimeMs > 10 * 60_000) rmSync(join(chunks, f), { force: true })
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

// `node scripts/build-cli.mjs [--if-stale]`
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--if-stale') || cliIsStale()) {
    const t0 = performance.now()
    await buildCli()
    process.stderr.write(`out/cli built in ${Math.round(performance.now() - t0)} ms\n`)
  }
}
