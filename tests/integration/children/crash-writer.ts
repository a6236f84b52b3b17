import { createDeskApp } from '../../../src/main/app'
import { SCRYPT_TEST } from '../../../src/main/db/keyring'
import * as session from '../../../src/main/session/service'

/**
 * Child for crash.test.ts: set up a desk, then create cases through the cases service as fast as
 * it can, printing each id only after the call returned (the transaction committed). The parent
 * SIGKILLs it mid-stream.
 */
const [dataDir, loginName, passphrase] = process.argv.slice(2)
const app = createDeskApp({ dataDir, kdf: SCRYPT_TEST, idleWatch: false })
session.setup(app.desk, { displayName: '崩溃测试', loginName, passphrase, locale: 'zh-CN' })

async function main(): Promise<void> {
  // The cases feature's service when it is there; otherwise a transaction of the same shape.
  let create: (i: number) => number
  try {
    const api = await import('../../../src/main/cases/api')
    api.createCase(app.desk, { partyKind: 'person', name: 'probe' } as never)
    create = (i) => api.createCase(app.desk, { partyKind: 'person', name: `crash ${i}` } as never).id
    process.stdout.write('mode service\n')
  } catch {
    const db = app.desk.db().sqlite
    const ins = db.prepare(`INSERT INTO cases (case_no, created_at, updated_at) VALUES (?, ?, ?)`)
    create = (i) =>
      db.transaction(() => {
        const now = new Date().toISOString()
        const id = Number(ins.run(`2026-${String(i).padStart(6, '0')}`, now, now).lastInsertRowid)
        app.desk.audit({ action: 'cases.create', subjectType: 'case', subjectId: id })
        return id
      })()
    process.stdout.write('mode direct\n')
  }
  for (let i = 1; ; i++) process.stdout.write(`${create(i)}\n`)
}
void main()
