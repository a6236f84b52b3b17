import { Desk, type DeskOptions } from './desk/desk'
import { createRouter, type Router } from './ipc/router'
import { sessionHandlers } from './session/handlers'
import { casesHandlers } from './cases/handlers'
import { peopleHandlers } from './cases/people'
import { guardConfidential } from './cases/confidential'
import { interviewHandlers } from './interview/handlers'
import { formsHandlers } from './forms/handlers'
import { supervisorHandlers } from './supervisor/handlers'
import { noticesHandlers } from './notices/handlers'
import { draftsHandlers } from './drafts/handlers'
import { archiveHandlers } from './archive/handlers'
import { referralsHandlers } from './referrals/handlers'
import { aftercareHandlers } from './aftercare/handlers'
import { startIdleWatch } from './session/idle'

export interface DeskApp {
  desk: Desk
  router: Router
  stop(): void
}

/**
 * The main process's capabilities without any transport: Electron's ipcMain, the loopback server,
 * the CLI and the tests all start here.
 */
export function createDeskApp(opts: DeskOptions & { idleWatch?: boolean }): DeskApp {
  const desk = new Desk(opts)
  // Every call naming a case passes the confidentiality guard (检举控告; cases/confidential.ts).
  const router = createRouter(desk, guardConfidential(desk, [
    sessionHandlers(desk),
    casesHandlers(desk),
    peopleHandlers(desk),
    interviewHandlers(desk),
    formsHandlers(desk),
    supervisorHandlers(desk),
    noticesHandlers(desk),
    draftsHandlers(desk),
    archiveHandlers(desk),
    referralsHandlers(desk),
    aftercareHandlers(desk)
  ]))
  const stopIdle = opts.idleWatch === false ? () => {} : startIdleWatch(desk)
  return {
    desk,
    router,
    stop() {
      stopIdle()
      desk.close()
    }
  }
}
