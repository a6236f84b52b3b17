import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { BackupError } from './format'
import { fileSize, type Progress, type ProgressInfo } from './engine'
import { runTaskInline, type EngineTask, type TaskResult } from './tasks'

/**
 * Run a backup task in a worker thread when one can be started, else in this thread.
 * - Built app: `backup-worker.js` beside the main bundle (an electron-vite input), also when this
 *   file was bundled into a shared chunk one folder down.
 * - From source (CLI via tsx, tests): `worker.ts` with tsx's loader.
 * While a single SQL statement runs (VACUUM INTO), progress is the growth of the file it writes.
 */
function workerEntry(): { code: string; eval: boolean } | null {
  if (process.env.DESK_BACKUP_INLINE === '1') return null
  const here = typeof __dirname === 'string' ? __dirname : null
  if (!here) return null
  // The runner itself may be bundled into a shared chunk (out/main/chunks/), one level below the entry.
  for (const built of [join(here, 'backup-worker.js'), join(here, '..', 'backup-worker.js')]) {
    if (existsSync(built)) return { code: built, eval: false }
  }
  const source = join(here, 'worker.ts')
  if (!existsSync(source)) return null
  try {
    // From source: a tiny CommonJS bootstrap registers tsx's require hook, then loads the TS entry.
    const tsx = createRequire(join(here, 'runner.ts')).resolve('tsx/cjs')
    return { code: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)})`, eval: true }
  } catch {
    return null
  }
}

export async function runTask<T extends EngineTask>(task: T, onProgress: Progress): Promise<TaskResult<T>> {
  const entry = workerEntry()
  if (!entry) return runTaskInline(task, onProgress) as TaskResult<T>
  return new Promise<TaskResult<T>>((resolve, reject) => {
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: task, execArgv: [] })
    let watch: ProgressInfo | null = null
    let settled = false
    const timer = setInterval(() => {
      if (watch?.watchFile) onProgress({ phase: watch.phase, done: Math.min(fileSize(watch.watchFile), watch.total), total: watch.total })
    }, 150)
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      clearInterval(timer)
      fn()
    }
    worker.on('message', (m: { type: string; p?: ProgressInfo; value?: unknown; error?: { name: string; problem?: string; detail?: string; version?: number } }) => {
      if (m.type === 'progress' && m.p) {
        watch = m.p.watchFile ? m.p : null
        onProgress(m.p)
      } else if (m.type === 'done') {
        finish(() => resolve(m.value as TaskResult<T>))
      } else if (m.type === 'error') {
        const e = m.error!
        finish(() => reject(e.name === 'BackupError' ? new BackupError(e.problem as never, e.detail, e.version) : Object.assign(new Error(e.name), { name: e.name })))
      }
    })
    worker.on('error', (err) => finish(() => reject(err)))
    worker.on('exit', (code) => finish(() => reject(new Error(`backup worker exited with ${code}`))))
  })
}
