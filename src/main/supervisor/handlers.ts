import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isBackupName } from '@shared/domain/supervisor/backup'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import * as backup from '../backup/service'
import { deliverPdf } from '../pdf'
import { auditFilters, auditPdf, auditQuery } from './audit'
import { getSignoff, listSignoffQueue, signOff, signoffRecord } from './api'

function listFolder(desk: Desk, folder: string | undefined) {
  const dir = resolve(folder || backup.getBackupSettings(desk).folder || '.')
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return fail('IO', 'supervisor:backup.errors.folderMissing', undefined, 'folder')
  }
  const files = names
    .filter(isBackupName)
    .map((name) => {
      const st = statSync(join(dir, name))
      return { name, file: join(dir, name), bytes: st.size, modifiedAt: st.mtime.toISOString() }
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1))
  return { folder: dir, files }
}

/** The supervisor feature's IPC handlers (one per call in src/shared/ipc/contracts/supervisor.ts). */
export const supervisorHandlers = (desk: Desk) =>
  handlers({
    'backup.status': () => backup.backupStatus(desk),
    'backup.saveSettings': (a) => backup.saveBackupSettings(desk, a),
    'backup.setPassphrase': (a) => backup.setBackupPassphrase(desk, a),
    'backup.export': (a) => backup.exportBackup(desk, { folder: a.folder || undefined }),
    'backup.verify': (a) => backup.verifyBackup(desk, a),
    'backup.list': (a) => listFolder(desk, a.folder),
    'backup.log': () => backup.backupLog(desk),
    'backup.restoreReplace': (a) => backup.restoreReplace(desk, a),
    'backup.restoreFresh': (a) => backup.restoreFresh(desk, a),
    'backup.chooseFolder': async () => (desk.platform?.chooseFolder ? desk.platform.chooseFolder() : null),
    'backup.chooseFile': async () => (desk.platform?.chooseFile ? desk.platform.chooseFile([{ name: 'Petition Desk backup', extensions: ['pdbackup'] }]) : null),
    'backup.capabilities': () => ({ nativeDialogs: !!desk.platform?.chooseFolder }),
    'audit.query': (a) => auditQuery(desk, a),
    'audit.filters': () => auditFilters(desk),
    'audit.pdf': async ({ locale, action, ...f }) => {
      const pdf = await auditPdf(desk, f, locale)
      desk.audit({ action: 'audit.export', details: { rows: f.caseNo ? 'case' : 'all', pdfAction: action } })
      return deliverPdf(desk, pdf, `audit-${desk.now().toISOString().slice(0, 10)}.pdf`, action)
    },
    'signoff.queue': (a) => listSignoffQueue(desk, a.kinds),
    'signoff.open': (a) => ({ record: signoffRecord(desk, a.kind, a.subjectId), signoff: getSignoff(desk, a.kind, a.subjectId) }),
    'signoff.sign': (a) => signOff(desk, a),
    'signoff.get': (a) => getSignoff(desk, a.kind, a.subjectId)
  })
