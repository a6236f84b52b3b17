import { readBackup, sealShare, writeBackup, type ExportJob, type ExportOutcome, type Progress, type ReadJob, type ReadOutcome, type SealJob } from './engine'
import { runInWorker, type WorkerEntry } from './spawn'

export type EngineTask =
  | { kind: 'export'; job: ExportJob; /** Set when running in a worker: how to start a helper. */ helperEntry?: WorkerEntry }
  | { kind: 'read'; job: ReadJob }
  | { kind: 'seal'; job: SealJob }
export type TaskResult<T extends EngineTask> = T extends { kind: 'export' } ? ExportOutcome : T extends { kind: 'read' } ? ReadOutcome : Uint8Array

export function runTaskInline(task: EngineTask, progress: Progress): Promise<unknown> | unknown {
  switch (task.kind) {
    case 'export': {
      const entry = task.helperEntry
      // A helper that fails to start or to finish leaves its half to this thread (see snapshot()).
      const startHelper = entry ? (job: SealJob) => runInWorker<Uint8Array>(entry, { kind: 'seal', job }, () => {}).catch(() => null) : undefined
      return writeBackup(task.job, progress, startHelper)
    }
    case 'read':
      return readBackup(task.job, progress)
    case 'seal':
      return sealShare(task.job)
  }
}
