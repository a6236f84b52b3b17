import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDeskApp, type DeskApp } from '../../src/main/app'
import { SCRYPT_TEST } from '../../src/main/db/keyring'
import * as session from '../../src/main/session/service'
import type { Contract, Method } from '../../src/shared/ipc/contract'
import type { ResultOf } from '../../src/shared/ipc/define'

export const SUPERVISOR = { displayName: '陈督导', loginName: 'chen', passphrase: 'correct horse battery staple', locale: 'zh-CN' as const }
export const WORKER = { displayName: '李社工', loginName: 'li', passphrase: 'violet river lantern morning', role: 'worker' as const }

/** A fresh data folder in /tmp with a real encrypted database; removed by `cleanup`. */
export function tempDir(prefix = 'desk-'): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), prefix))
  return { dir: root, cleanup: () => rmSync(root, { recursive: true, force: true }) }
}

export interface TestDesk extends DeskApp {
  dataDir: string
  recoveryKey: string
  cleanup(): void
}

/**
 * A desk that has been set up by a supervisor (logged in) and has one worker account.
 * Uses cheap scrypt parameters: the same code path, fast enough for hundreds of tests.
 */
export function setupDesk(opts: { now?: () => Date; withWorker?: boolean } = {}): TestDesk {
  const { dir, cleanup } = tempDir()
  const dataDir = join(dir, 'data')
  const app = createDeskApp({ dataDir, kdf: SCRYPT_TEST, now: opts.now, idleWatch: false })
  const { recoveryKey } = session.setup(app.desk, SUPERVISOR)
  if (opts.withWorker !== false) session.addUser(app.desk, WORKER)
  return {
    ...app,
    dataDir,
    recoveryKey,
    cleanup() {
      app.stop()
      cleanup()
    }
  }
}

/** A call through the router, as the renderer makes it; a refusal fails the test with its code and key. */
export async function callOk<M extends Method>(t: DeskApp, m: M, a: unknown): Promise<ResultOf<Contract[M]>> {
  const r = await t.router.invoke(m, a)
  if (!r.ok) throw new Error(`${m}: ${r.code} ${r.messageKey}`)
  return r.value as ResultOf<Contract[M]>
}

/** The person at the desk changes: the current one logs out, `who` logs in. */
export function signInAs(t: DeskApp, who: { loginName: string; passphrase: string }): void {
  session.logout(t.desk)
  session.login(t.desk, who)
}
