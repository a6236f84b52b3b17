import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'

/** The forms feature's IPC handlers (one per call in src/shared/ipc/contracts/forms.ts). */
export const formsHandlers = (_desk: Desk) => handlers({})
