import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { Progress } from './engine'
import { runInWorker, type WorkerEntry } from './spawn'
import { runTaskInline, type EngineTask, type TaskResult } from './tasks'

/**
 * Run a backup task in a worker thread when one can be started, else in this thread.
 * - Built app: `backup-worker.js` beside the main bundle (an electron-vite input), also when this
 *   file was bundled into a shared chunk one folder down.
 * - From source (CLI via tsx, tests): `worker.ts` with tsx's loader.
 */
function workerEntry(): WorkerEntry | null {
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
  if (!entry) return (await runTaskInline(task, onProgress)) as TaskResult<T>
  // An export may start one more worker from the same entry, to seal half of the database.
  const sent = task.kind === 'export' ? { ...task, helperEntry: entry } : task
  return runInWorker<TaskResult<T>>(entry, sent, onProgress)
}
