import { Worker } from 'node:worker_threads'
import { BackupError } from './format'
import { keyTransfers } from './engine'
import type { Progress, ProgressInfo } from './engine'

/** How to start a backup worker: a built file, or (from source) a small bootstrap evaluated as code. */
export interface WorkerEntry {
  code: string
  eval: boolean
}

/** What worker.ts posts back; an error carries only what maps to a message (never row content). */
export type WorkerMessage =
  | { type: 'progress'; p: ProgressInfo }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: { name: string; problem?: string; detail?: string; version?: number; code?: string } }

/** Run one task (see tasks.ts) in a new worker thread and settle with its result or its error. */
export function runInWorker<R>(entry: WorkerEntry, task: unknown, onProgress: Progress): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    // Key bytes are moved to the worker, not copied: the sender's copy is detached (empty) at once.
    const worker = new Worker(entry.code, { eval: entry.eval, workerData: task, execArgv: [], transferList: keyTransfers(task) })
    let settled = false
    const finish = (fn: () => void) => {
      if (settled) return
      settled = true
      fn()
    }
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') {
        onProgress(m.p)
      } else if (m.type === 'done') {
        finish(() => resolve(m.value as R))
      } else if (m.type === 'error') {
        const e = m.error
        finish(() =>
          reject(e.name === 'BackupError' ? new BackupError(e.problem as never, e.detail, e.version) : Object.assign(new Error(e.name), { name: e.name, code: e.code }))
        )
      }
    })
    worker.on('error', (err) => finish(() => reject(err)))
    worker.on('exit', (code) => finish(() => reject(new Error(`backup worker exited with ${code}`))))
  })
}
