import type { Desk } from '../desk/desk'
import { handlers } from '../ipc/router'
import { archiveQueue, fileItems } from './queue'
import { batchPrint } from './print'
import { exportRegister, registerCases } from './register'
import { clerkToday, lend, listLoans, returnLoan } from './loans'

/** The records clerk's desk ('records' access: a clerk or a supervisor; the router refuses workers). */
export const archiveHandlers = (desk: Desk) =>
  handlers({
    'archive.queue': (a) => archiveQueue(desk, a),
    'archive.print': (a) => batchPrint(desk, a),
    'archive.file': (a) => fileItems(desk, a),
    'archive.cases': (a) => registerCases(desk, a),
    'archive.export': (a) => exportRegister(desk, a),
    'archive.loans': (a) => listLoans(desk, a),
    'archive.lend': (a) => lend(desk, a),
    'archive.return': (a) => returnLoan(desk, a.loanId),
    'archive.today': () => clerkToday(desk)
  })
