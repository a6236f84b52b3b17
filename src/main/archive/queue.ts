import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { archiveItems, archiveLoans, archivePrints as archivePrintsTable } from '../db/schema/archive'
import { cases } from '../db/schema/cases'
import { interviews } from '../db/schema/interview'
import { signoffs } from '../db/schema/supervisor'
import type { ArchiveItemRef, ArchiveRow, ArchiveState } from '@shared/domain/archive/types'
import { fail } from '@shared/ipc/result'
import { hiddenCases } from './confidential'

/**
 * The archive queue: every signed-off form (A and C of a case, B of a contact) and where it is on
 * its way to the paper archive. A signed-off form without an `archive_items` row waits to be printed.
 */
const caseIdOf = sql<number>`CASE WHEN ${signoffs.kind} = 'B' THEN (SELECT ${interviews.caseId} FROM ${interviews} WHERE ${interviews.id} = ${signoffs.subjectId}) ELSE ${signoffs.subjectId} END`

function stateOf(r: { printed: string | null; filedAt: string | null }): ArchiveRow['state'] {
  if (!r.printed) return 'toPrint'
  return r.filedAt ? 'filed' : 'toFile'
}

export function archiveQueue(desk: Desk, a: { state?: ArchiveState; limit?: number; items?: ArchiveItemRef[] } = {}): ArchiveRow[] {
  const orm = desk.db().orm
  const where = [sql`${cases.id} IS NOT NULL`]
  if (a.state === 'toPrint') where.push(isNull(archiveItems.id))
  if (a.state === 'toFile') where.push(sql`${archiveItems.id} IS NOT NULL AND ${archiveItems.filedAt} IS NULL`)
  if (a.state === 'filed') where.push(sql`${archiveItems.filedAt} IS NOT NULL`)
  if (a.state === 'reprinted') where.push(sql`${archiveItems.prints} > 1`)
  if (a.items) {
    if (a.items.length === 0) return []
    where.push(sql`(${signoffs.kind} || ':' || ${signoffs.subjectId}) IN (${sql.join(a.items.map((i) => sql`${`${i.kind}:${i.subjectId}`}`), sql`, `)})`)
  }
  const rows = orm
    .select({
      kind: signoffs.kind,
      subjectId: signoffs.subjectId,
      signedAt: signoffs.signedAt,
      caseId: cases.id,
      caseNo: cases.caseNo,
      name: cases.name,
      interviewStarted: interviews.startedAt,
      printed: archiveItems.firstPrintedAt,
      lastPrintedAt: archiveItems.lastPrintedAt,
      prints: archiveItems.prints,
      filedAt: archiveItems.filedAt,
      archiveNo: archiveItems.archiveNo,
      box: archiveItems.box,
      shelf: archiveItems.shelf,
      onLoan: sql<number>`EXISTS (SELECT 1 FROM ${archiveLoans} WHERE ${archiveLoans.caseId} = ${cases.id} AND ${archiveLoans.returnedAt} IS NULL)`
    })
    .from(signoffs)
    .leftJoin(interviews, and(eq(signoffs.kind, 'B'), eq(interviews.id, signoffs.subjectId)))
    .leftJoin(cases, eq(cases.id, caseIdOf))
    .leftJoin(archiveItems, and(eq(archiveItems.kind, signoffs.kind), eq(archiveItems.subjectId, signoffs.subjectId)))
    .where(and(...where))
    .orderBy(asc(cases.caseNo), asc(signoffs.kind), asc(signoffs.subjectId))
    .limit(a.limit ?? 2_000)
    .all()
  const contactNos = contactNumbers(desk, rows.filter((r) => r.kind === 'B').map((r) => r.subjectId))
  const hidden = hiddenCases(desk, rows.map((r) => r.caseId!))
  return rows.map((r) => ({
    kind: r.kind,
    subjectId: r.subjectId,
    caseId: r.caseId!,
    caseNo: r.caseNo!,
    name: hidden.has(r.caseId!) ? '' : r.name!,
    masked: hidden.has(r.caseId!),
    contactNo: r.kind === 'B' ? (contactNos.get(r.subjectId) ?? null) : null,
    signedAt: r.signedAt,
    state: stateOf(r),
    prints: r.prints ?? 0,
    firstPrintedAt: r.printed ?? null,
    lastPrintedAt: r.lastPrintedAt ?? null,
    filedAt: r.filedAt ?? null,
    archiveNo: r.archiveNo ?? '',
    box: r.box ?? '',
    shelf: r.shelf ?? '',
    onLoan: !!r.onLoan
  }))
}

/** Form B's 第N次: the contact's place among its case's contacts, by start time. */
function contactNumbers(desk: Desk, interviewIds: number[]): Map<number, number> {
  const out = new Map<number, number>()
  if (!interviewIds.length) return out
  const orm = desk.db().orm
  const caseIds = orm.selectDistinct({ caseId: interviews.caseId }).from(interviews).where(inArray(interviews.id, interviewIds)).all().map((r) => r.caseId)
  const all = orm
    .select({ id: interviews.id, caseId: interviews.caseId })
    .from(interviews)
    .where(inArray(interviews.caseId, caseIds))
    .orderBy(asc(interviews.caseId), asc(interviews.startedAt), asc(interviews.id))
    .all()
  let last = -1
  let n = 0
  for (const r of all) {
    n = r.caseId === last ? n + 1 : 1
    last = r.caseId
    out.set(r.id, n)
  }
  return out
}

/** File printed forms under an archive number and a place (box, shelf). */
export function fileItems(desk: Desk, a: { items: ArchiveItemRef[]; archiveNo: string; box: string; shelf?: string }): { filed: number } {
  const s = desk.requireSession()
  const orm = desk.db().orm
  const at = desk.now().toISOString()
  return desk.db().sqlite.transaction(() => {
    const rows = archiveQueue(desk, { items: a.items })
    if (rows.length !== a.items.length) fail('NOT_FOUND', 'archive:errors.notSignedOff')
    // Only what has been printed can go on a shelf.
    if (rows.some((r) => r.state === 'toPrint')) fail('CONFLICT', 'archive:errors.fileBeforePrint')
    for (const r of rows) {
      orm
        .update(archiveItems)
        .set({ filedAt: at, filedBy: s.userId, archiveNo: a.archiveNo.trim(), box: a.box.trim(), shelf: (a.shelf ?? '').trim() })
        .where(and(eq(archiveItems.kind, r.kind), eq(archiveItems.subjectId, r.subjectId)))
        .run()
      desk.audit({ action: 'archive.file', subjectType: 'case', subjectId: r.caseId, details: { form: r.kind, subjectId: r.subjectId } })
    }
    return { filed: rows.length }
  })()
}

/** Record a print of each form: the first makes its archive row, later ones count as reprints. */
export function recordPrints(desk: Desk, rows: ArchiveRow[], lang: string, at: string): void {
  const s = desk.requireSession()
  const orm = desk.db().orm
  desk.db().sqlite.transaction(() => {
    for (const r of rows) {
      const reprint = r.prints > 0
      const item = orm
        .insert(archiveItems)
        .values({ caseId: r.caseId, kind: r.kind, subjectId: r.subjectId, firstPrintedAt: at, firstPrintedBy: s.userId, lastPrintedAt: at, prints: 1 })
        .onConflictDoUpdate({ target: [archiveItems.kind, archiveItems.subjectId], set: { lastPrintedAt: at, prints: sql`${archiveItems.prints} + 1` } })
        .returning({ id: archiveItems.id })
        .get()
      orm.insert(archivePrintsTable).values({ itemId: item.id, at, by: s.userId, lang, reprint }).run()
      desk.audit({ action: reprint ? 'archive.reprint' : 'archive.print', subjectType: 'case', subjectId: r.caseId, details: { form: r.kind, subjectId: r.subjectId, lang } })
    }
  })()
}
