import { readBackup, restoreDatabase, writeBackup, type ExportJob, type ExportOutcome, type Progress, type ReadJob, type ReadOutcome, type RestoreJob } from './engine'

export type EngineTask = { kind: 'export'; job: ExportJob } | { kind: 'read'; job: ReadJob } | { kind: 'restore'; job: RestoreJob }
export type TaskResult<T extends EngineTask> = T extends { kind: 'export' }
  ? ExportOutcome
  : T extends { kind: 'read' }
    ? ReadOutcome
    : { tables: Record<string, number> }

export function runTaskInline(task: EngineTask, progress: Progress): unknown {
  switch (task.kind) {
    case 'export':
      return writeBackup(task.job, progress)
    case 'read':
      return readBackup(task.job, progress)
    case 'restore':
      return restoreDatabase(task.job, progress)
  }
}
