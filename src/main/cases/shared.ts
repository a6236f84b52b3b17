import type Database from 'better-sqlite3'
import { z } from 'zod'
import { isoDateAtOffset } from '@shared/domain/dates/calendar'
import { type DateProblem } from '@shared/domain/dates/order'
import { checkCaseInput } from '@shared/domain/case/schemas'
import type { UserRef } from '@shared/domain/case/types'
import { DeskFailure, fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'

/** Helpers every case module shares: argument checks, the write transaction, the clock, the actor, the case row. */

export const sql = (desk: Desk): Database.Database => desk.db().sqlite

/** Re-check arguments here too: the CLI, demo and other features call in without the router. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) {
    const bad = typeof r.data === 'object' && r.data ? checkCaseInput(r.data as never) : null
    if (bad) throw new DeskFailure('BAD_ARGS', bad.messageKey, undefined, bad.field)
    return r.data
  }
  const issue = r.error.issues[0]
  const key = issue?.message?.includes(':') ? issue.message : 'errors:arg.invalid'
  throw new DeskFailure('BAD_ARGS', key, undefined, issue?.path.join('.') || undefined)
}

export function tx<T>(desk: Desk, fn: (db: Database.Database) => T): T {
  const db = sql(desk)
  return db.transaction(() => fn(db)).immediate()
}

export function nowIso(desk: Desk): string {
  return desk.now().toISOString()
}

export function actor(desk: Desk): number | null {
  return desk.session?.userId ?? null
}

export function users(db: Database.Database): Map<number, UserRef> {
  const rows = db.prepare('SELECT id, display_name FROM users').all() as { id: number; display_name: string }[]
  return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name }]))
}

export function requireCase(db: Database.Database, id: number): Record<string, unknown> {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get(id) as Record<string, unknown> | undefined
  if (!row) fail('NOT_FOUND', 'cases:errors.notFound')
  return row!
}

export function requireWorker(db: Database.Database, id: number): void {
  const u = db.prepare('SELECT disabled FROM users WHERE id = ?').get(id) as { disabled: number } | undefined
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
export function contactSpan(db: Database.Database, caseId: number): { first: string | null; last: string | null } {
  const r = db.prepare('SELECT min(started_at) AS first, max(started_at) AS last FROM interviews WHERE case_id = ?').get(caseId) as {
    first: string | null
    last: string | null
  }
  const day = (iso: string | null) => (iso ? isoDateAtOffset(new Date(iso)) : null)
  return { first: day(r.first), last: day(r.last) }
}

/** Form A dates in order against each other, today, the contacts and Form C on record. */
export function caseDateContext(db: Database.Database, desk: Desk, caseId: number) {
  const k = db.prepare('SELECT opened_date, closed_date FROM case_closings WHERE case_id = ?').get(caseId) as
    | { opened_date: string; closed_date: string }
    | undefined
  return { today: today(desk), firstContact: contactSpan(db, caseId).first, openedDate: k?.opened_date || null, closedDate: k?.closed_date || null }
}

export function touch(db: Database.Database, desk: Desk, id: number): void {
  db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(nowIso(desk), id)
}

export type Row = Record<string, unknown>
