import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'

/** The cases feature's IPC handlers (one per call in src/shared/ipc/contracts/cases.ts). */
export const casesHandlers = (_desk: Desk) => handlers({})
