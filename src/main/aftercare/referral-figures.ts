import { and, between, eq, isNull, ne, sql } from 'drizzle-orm'
import { daysBetween } from '@shared/domain/dates/calendar'
import type { FigureRange } from '@shared/domain/supervisor/figures'
import type { Desk } from '../desk/desk'
import { caseReferrals, cases } from '../db/schema'

/**
 * Referral figures from the referrals ledger (issue 16 §1, migration 0017, owned by the referrals
 * feature; read here, never written):
 * - made: referrals sent in the range and not withdrawn; completed: of those, the reply came back
 *   (for 告知 — the petitioner told to go themselves — no reply comes: the result relayed counts);
 * - relayDays: per case whose result was first relayed to the petitioner in the range, the days from
 *   its first contact to that date.
 */
export function referralFigures(desk: Desk, range: FigureRange): { made: number; replied: number; relayDays: number[] } {
  const orm = desk.db().orm
  const made = orm
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      done: sql<number>`sum(CASE WHEN ${caseReferrals.replyDate} <> '' OR (${caseReferrals.method} = 'inform' AND ${caseReferrals.relayedDate} <> '') THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(caseReferrals)
    .where(and(isNull(caseReferrals.withdrawnAt), between(caseReferrals.sentDate, range.from, range.to)))
    .get()
  const firstRelay = sql<string>`min(${caseReferrals.relayedDate})`
  const relayed = orm
    .select({ contact: cases.contactDate, relayed: firstRelay })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .where(and(isNull(caseReferrals.withdrawnAt), ne(caseReferrals.relayedDate, '')))
    .groupBy(caseReferrals.caseId)
    .having(sql`${firstRelay} BETWEEN ${range.from} AND ${range.to}`)
    .all()
  const relayDays = relayed.filter((r) => r.contact && r.relayed >= r.contact).map((r) => daysBetween(r.contact, r.relayed))
  return { made: made?.n ?? 0, replied: made?.done ?? 0, relayDays }
}
