import { parentPort, workerData } from 'node:worker_threads'
import { runTaskInline, type EngineTask } from './tasks'
import { keyTransfers } from './engine'

/**
 * Worker-thread entry for backups: runs one task and reports progress, so the main process keeps
 * serving the desk (and pushing progress events) while pages are copied and checked.
 */
const task = workerData as EngineTask
Promise.resolve()
  .then(() => runTaskInline(task, (p) => parentPort!.postMessage({ type: 'progress', p })))
  .then(
    // A restore's data key goes back moved, not copied (nothing of it stays in this thread).
    (value) => parentPort!.postMessage({ type: 'done', value }, keyTransfers(value)),
    (err) => {
      const e = err as { name?: string; problem?: string; detail?: string; version?: number; code?: unknown }
      const code = typeof e?.code === 'string' ? e.code : undefined
      parentPort!.postMessage({ type: 'error', error: { name: e?.name ?? 'Error', problem: e?.problem, detail: e?.detail, version: e?.version, code } })
    }
  )
