import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'

/** The supervisor feature's IPC handlers (one per call in src/shared/ipc/contracts/supervisor.ts). */
export const supervisorHandlers = (_desk: Desk) => handlers({})
