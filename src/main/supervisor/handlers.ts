import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { isBackupName } from '@shared/domain/supervisor/backup'
import { eq } from 'drizzle-orm'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { cases } from '../db/schema'
import { handlers } from '../ipc/router'
import * as backup from '../backup/service'
import { backupSheetPdf } from '../backup/sheet'
import { deliverPdf } from '../pdf'
import { auditFilters, auditPdf, auditQuery } from './audit'
import { getSignoff, listSignoffQueue, signOff, signoffQueueCounts, signoffRecord } from './api'
import { figuresPdf, hallFigures } from './figures'
import { destroyCases, destructionRegister, retentionCandidates, retentionSettings, setLegalHold, setRetentionYears } from './retention'

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
    'backup.sheet': async (a) => deliverPdf(desk, await backupSheetPdf(desk, a.locale), 'backup-passphrase-sheet.pdf', a.action),
    'backup.capabilities': () => ({ nativeDialogs: !!desk.platform?.chooseFolder }),
    'audit.query': (a) => auditQuery(desk, a),
    'audit.filters': () => auditFilters(desk),
    'audit.pdf': async ({ locale, action, ...f }) => {
      const pdf = await auditPdf(desk, f, locale)
      desk.audit({ action: 'audit.export', details: { rows: f.caseNo ? 'case' : 'all', pdfAction: action } })
      return deliverPdf(desk, pdf, `audit-${desk.now().toISOString().slice(0, 10)}.pdf`, action)
    },
    'signoff.queue': (a) => ({ items: listSignoffQueue(desk, a.kinds), counts: signoffQueueCounts(desk) }),
    'signoff.open': (a) => ({ record: signoffRecord(desk, a.kind, a.subjectId), signoff: getSignoff(desk, a.kind, a.subjectId) }),
    'signoff.sign': (a) => signOff(desk, a),
    'signoff.get': (a) => getSignoff(desk, a.kind, a.subjectId),
    'figures.get': (a) => hallFigures(desk, a),
    'figures.pdf': async ({ locale, action, ...range }) => {
      const pdf = await figuresPdf(desk, range, locale)
      desk.audit({ action: 'figures.export', details: { from: range.from, to: range.to, locale } })
      return deliverPdf(desk, pdf, `figures-${range.from}-${range.to}.pdf`, action)
    },
    'retention.get': () => {
      const all = retentionCandidates(desk, true)
      return {
        ...retentionSettings(desk),
        eligible: all.filter((c) => !c.hold),
        held: retentionCandidates(desk, false).filter((c) => c.hold),
        register: destructionRegister(desk)
      }
    },
    'retention.setYears': (a) => setRetentionYears(desk, a.years),
    'retention.hold': (a) => {
      const row = desk.db().orm.select({ id: cases.id }).from(cases).where(eq(cases.caseNo, a.caseNo.trim())).get()
      if (!row) return fail('NOT_FOUND', 'supervisor:retention.errors.notFound', undefined, 'caseNo')
      setLegalHold(desk, { caseId: row.id, hold: a.hold, reason: a.reason })
      return null
    },
    'retention.destroy': (a) => destroyCases(desk, a)
  })
