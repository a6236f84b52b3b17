import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { applyDirectoryImport, exportDirectoryCsv, listDirectory, previewDirectoryImport, saveDirectoryEntry } from './directory'
import { createReferral, recordRelay, recordReply, referralsForCase, sendReferral, withdrawReferral } from './ledger'
import { acknowledgeSupervisionNote, addSupervisionNote, myAttention, supervisionList } from './supervision'

export const referralsHandlers = (desk: Desk) =>
  handlers({
    'directory.list': (a) => listDirectory(desk, a.includeInactive ?? false),
    'directory.save': (a) => saveDirectoryEntry(desk, a),
    'directory.exportCsv': () => exportDirectoryCsv(desk),
    'directory.previewImport': (a) => previewDirectoryImport(desk, a.csv),
    'directory.applyImport': (a) => applyDirectoryImport(desk, a.csv),
    'referrals.forCase': (a) => referralsForCase(desk, a.caseId),
    'referrals.create': (a) => createReferral(desk, a.caseId),
    'referrals.send': (a) => sendReferral(desk, a),
    'referrals.recordReply': (a) => recordReply(desk, a),
    'referrals.recordRelay': (a) => recordRelay(desk, a),
    'referrals.withdraw': (a) => withdrawReferral(desk, a),
    'referrals.attention': () => myAttention(desk),
    'referrals.supervisionList': () => supervisionList(desk),
    'referrals.addNote': (a) => addSupervisionNote(desk, a),
    'referrals.acknowledgeNote': (a) => acknowledgeSupervisionNote(desk, a.noteId)
  })
