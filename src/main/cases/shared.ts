import { eq, max, min } from 'drizzle-orm'
import { isI18nKey } from '@shared/i18n/keys'
import { z } from 'zod'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { type DateProblem } from '@shared/domain/dates/order'
import { checkCaseInput } from '@shared/domain/case/schemas'
import type { UserRef } from '@shared/domain/case/types'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import type { Orm } from '../db/open'
import { caseClosings, cases, interviews, users as userTable } from '../db/schema'

/** Helpers every case module shares: argument checks, the write transaction, the clock, the actor, the case row. */

/** A row of `cases` as drizzle's schema types it. */
export type CaseRow = typeof cases.$inferSelect

/** The typed query builder over the desk's connection (inside `tx`, the same connection and transaction). */
export const orm = (desk: Desk): Orm => desk.db().orm

/** Re-check arguments here too: the CLI, demo and other features call in without the router. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) {
    const bad = typeof r.data === 'object' && r.data ? checkCaseInput(r.data as never) : null
    if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, bad.field)
    return r.data
  }
  const issue = r.error.issues[0]
  const key = issue?.message && isI18nKey(issue.message) ? issue.message : 'errors:arg.invalid'
  throw new DeskFailure('BAD_ARGS', key, undefined, issue?.path.join('.') || undefined)
}

export function tx<T>(desk: Desk, fn: (db: Orm) => T): T {
  const { sqlite, orm } = desk.db()
  return sqlite.transaction(() => fn(orm)).immediate()
}

export function nowIso(desk: Desk): string {
  return desk.now().toISOString()
}

export function actor(desk: Desk): number | null {
  return desk.session?.userId ?? null
}

export function users(db: Orm): Map<number, UserRef> {
  const rows = db.select({ id: userTable.id, displayName: userTable.displayName }).from(userTable).all()
  return new Map(rows.map((r) => [r.id, r]))
}

export function requireCase(db: Orm, id: number): CaseRow {
  return db.select().from(cases).where(eq(cases.id, id)).get() ?? fail('NOT_FOUND', 'cases:errors.notFound')
}

export function requireWorker(db: Orm, id: number): void {
  const u = db.select({ disabled: userTable.disabled }).from(userTable).where(eq(userTable.id, id)).get()
  if (!u || u.disabled) fail('NOT_FOUND', 'cases:errors.workerNotFound', undefined, 'assignedWorkerId')
}

/** Today on the hall's wall calendar (Guangdong, UTC+8). */
export function today(desk: Desk): string {
  return isoDateAtOffset(desk.now())
}

/** Refuse a save whose dates are out of order: the message names the date, beside the field it belongs to. */
export function refuseDates(problems: DateProblem[]): void {
  const p = problems[0]
  if (p) throw new DeskFailure('BAD_ARGS', p.messageKey, p.params, p.field)
}

/** The dates of a case's first and latest contact (Form B), on the hall's calendar. */
export function contactSpan(db: Orm, caseId: number): { first: string | null; last: string | null } {
  const r = db
    .select({ first: min(interviews.startedAt), last: max(interviews.startedAt) })
    .from(interviews)
    .where(eq(interviews.caseId, caseId))
    .get()
  const day = (iso: string | null | undefined) => (iso ? isoDateAtOffset(new Date(iso)) : null)
  return { first: day(r?.first), last: day(r?.last) }
}

/** Form A dates in order against each other, today, the contacts and Form C on record. */
export function caseDateContext(db: Orm, desk: Desk, caseId: number) {
  const k = db
    .select({ openedDate: caseClosings.openedDate, closedDate: caseClosings.closedDate })
    .from(caseClosings)
    .where(eq(caseClosings.caseId, caseId))
    .get()
  return { today: today(desk), firstContact: contactSpan(db, caseId).first, openedDate: k?.openedDate || null, closedDate: k?.closedDate || null }
}

export function touch(db: Orm, desk: Desk, id: number): void {
  db.update(cases).set({ updatedAt: nowIso(desk) }).where(eq(cases.id, id)).run()
}
