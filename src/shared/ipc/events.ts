/** Push events from the main process to the renderer; both transports carry them. */
export interface DeskEvents {
  /** The session was locked: by idle time, the OS, the hide key or a user. */
  'session.locked': { reason: 'idle' | 'os' | 'user' | 'suspend' }
  /** Progress of a long task (backup export, demo data, PDF). */
  progress: { task: string; done: number; total: number }
  /**
   * A notice for a user of this desk (e.g. a crisis raised by a worker, for a supervisor; a referral
   * reply overdue or a 督办 note, kind 'referral.note', for the case's worker: `forUserId`).
   */
  notice: { kind: string; caseId?: number; at: string; forUserId?: number }
}
export type DeskEventName = keyof DeskEvents
