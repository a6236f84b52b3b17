import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'

/** The interview feature's IPC handlers (one per call in src/shared/ipc/contracts/interview.ts). */
export const interviewHandlers = (_desk: Desk) => handlers({})
