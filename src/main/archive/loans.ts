import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { Desk } from '../desk/desk'
import { archiveLoans } from '../db/schema/archive'
import { cases } from '../db/schema/cases'
import { users } from '../db/schema/foundation'
import type { Loan } from '@shared/domain/archive/types'
import { addDays, isoDateAtOffset } from '@shared/domain/dates/calendar'
import { fail } from '@shared/ipc/result'
import { archiveQueue } from './queue'

/** 借阅登记: who borrowed which case's paper file, when, until when, and when it came back. */
const lender = alias(users, 'lender')
const receiver = alias(users, 'receiver')

function select(desk: Desk) {
  return desk
    .db()
    .orm.select({
      id: archiveLoans.id,
      caseId: archiveLoans.caseId,
      caseNo: cases.caseNo,
      borrower: archiveLoans.borrower,
      purpose: archiveLoans.purpose,
      lentAt: archiveLoans.lentAt,
      lentById: archiveLoans.lentBy,
      lentByName: lender.displayName,
      dueDate: archiveLoans.dueDate,
      returnedAt: archiveLoans.returnedAt,
      returnedById: archiveLoans.returnedBy,
      returnedByName: receiver.displayName
    })
    .from(archiveLoans)
    .innerJoin(cases, eq(cases.id, archiveLoans.caseId))
    .leftJoin(lender, eq(lender.id, archiveLoans.lentBy))
    .leftJoin(receiver, eq(receiver.id, archiveLoans.returnedBy))
}

type Raw = ReturnType<ReturnType<typeof select>['all']>[number]

function toLoan(r: Raw, today: string): Loan {
  return {
    id: r.id,
    caseId: r.caseId,
    caseNo: r.caseNo,
    borrower: r.borrower,
    purpose: r.purpose,
    lentAt: r.lentAt,
    lentBy: r.lentById == null ? null : { id: r.lentById, displayName: r.lentByName ?? '' },
    dueDate: r.dueDate,
    returnedAt: r.returnedAt,
    returnedBy: r.returnedById == null ? null : { id: r.returnedById, displayName: r.returnedByName ?? '' },
    overdue: r.returnedAt == null && r.dueDate < today
  }
}

export function listLoans(desk: Desk, a: { caseId?: number; open?: boolean } = {}): Loan[] {
  const today = isoDateAtOffset(desk.now())
  const where = []
  if (a.caseId != null) where.push(eq(archiveLoans.caseId, a.caseId))
  if (a.open) where.push(isNull(archiveLoans.returnedAt))
  return select(desk)
    .where(and(...where))
    .orderBy(sql`${archiveLoans.returnedAt} IS NOT NULL`, asc(archiveLoans.dueDate), desc(archiveLoans.lentAt))
    .limit(500)
    .all()
    .map((r) => toLoan(r, today))
}

function getLoan(desk: Desk, id: number): Loan {
  const r = select(desk).where(eq(archiveLoans.id, id)).get()
  if (!r) fail('NOT_FOUND', 'archive:errors.loanNotFound')
  return toLoan(r!, isoDateAtOffset(desk.now()))
}

/** Lend a case's paper file: only a filed one, and not while it is already out. */
export function lend(desk: Desk, a: { caseId: number; borrower: string; purpose?: string; dueDate: string }): Loan {
  const s = desk.requireSession()
  const today = isoDateAtOffset(desk.now())
  if (a.dueDate < today) fail('BAD_ARGS', 'archive:errors.dueInPast', undefined, 'dueDate')
  const id = desk.db().sqlite.transaction(() => {
    const filed = archiveQueue(desk, { state: 'filed' }).some((r) => r.caseId === a.caseId)
    if (!filed) fail('CONFLICT', 'archive:errors.notFiled')
    if (listLoans(desk, { caseId: a.caseId, open: true }).length) fail('CONFLICT', 'archive:errors.alreadyOut')
    const row = desk
      .db()
      .orm.insert(archiveLoans)
      .values({ caseId: a.caseId, borrower: a.borrower.trim(), purpose: (a.purpose ?? '').trim(), lentAt: desk.now().toISOString(), lentBy: s.userId, dueDate: a.dueDate })
      .returning({ id: archiveLoans.id })
      .get()
    desk.audit({ action: 'archive.lend', subjectType: 'case', subjectId: a.caseId, details: { loanId: row.id, dueDate: a.dueDate } })
    return row.id
  })()
  return getLoan(desk, id)
}

export function returnLoan(desk: Desk, loanId: number): Loan {
  const s = desk.requireSession()
  const loan = getLoan(desk, loanId)
  if (loan.returnedAt) fail('CONFLICT', 'archive:errors.alreadyReturned')
  desk
    .db()
    .orm.update(archiveLoans)
    .set({ returnedAt: desk.now().toISOString(), returnedBy: s.userId })
    .where(and(eq(archiveLoans.id, loanId), isNull(archiveLoans.returnedAt)))
    .run()
  desk.audit({ action: 'archive.return', subjectType: 'case', subjectId: loan.caseId, details: { loanId, overdue: loan.overdue } })
  return getLoan(desk, loanId)
}

/** The clerk's Today: overdue returns, returns due within 3 days, and what waits in the queue. */
export function clerkToday(desk: Desk): { overdue: Loan[]; dueSoon: Loan[]; toPrint: number; toFile: number } {
  const today = isoDateAtOffset(desk.now())
  const open = listLoans(desk, { open: true })
  const queue = archiveQueue(desk)
  return {
    overdue: open.filter((l) => l.overdue),
    dueSoon: open.filter((l) => !l.overdue && l.dueDate <= addDays(today, 3)),
    toPrint: queue.filter((r) => r.state === 'toPrint').length,
    toFile: queue.filter((r) => r.state === 'toFile').length
  }
}
