import { and, between, eq, isNull, lt, notExists, sql, type SQLWrapper } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
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
  // From the covering index case_referrals_sent (migration 0020).
  const made = orm
    .select({
      n: sql<number>`count(*)`.mapWith(Number),
      done: sql<number>`sum(CASE WHEN ${caseReferrals.replyDate} <> '' OR (${caseReferrals.method} = 'inform' AND ${caseReferrals.relayedDate} <> '') THEN 1 ELSE 0 END)`.mapWith(Number)
    })
    .from(caseReferrals)
    .where(and(isNull(caseReferrals.withdrawnAt), between(caseReferrals.sentDate, range.from, range.to)))
    .get()
  // A case's first relay is in the range when it has a relay in the range and none before it: the
  // relays of the range by date (case_referrals_relayed), each case probed for an earlier one
  // (case_referrals_case_relayed), rather than every relayed referral of the archive grouped by case.
  // The partial indexes' WHERE is repeated term for term, as literals, so SQLite may use them.
  const relayedOnly = (t: { withdrawnAt: SQLWrapper; relayedDate: SQLWrapper }) => sql`${t.withdrawnAt} IS NULL AND ${t.relayedDate} <> ''`
  const firstRelay = sql<string>`min(${caseReferrals.relayedDate})`
  const relayed = orm
    .select({ contact: cases.contactDate, relayed: firstRelay })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .where(
      and(
        relayedOnly(caseReferrals),
        between(caseReferrals.relayedDate, range.from, range.to),
        notExists(
          orm
            .select({ one: sql`1` })
            .from(earlier)
            .where(and(eq(earlier.caseId, caseReferrals.caseId), relayedOnly(earlier), lt(earlier.relayedDate, range.from)))
        )
      )
    )
    .groupBy(caseReferrals.caseId)
    .all()
  const relayDays = relayed.filter((r) => r.contact && r.relayed >= r.contact).map((r) => daysBetween(r.contact, r.relayed))
  return { made: made?.n ?? 0, replied: made?.done ?? 0, relayDays }
}

const earlier = alias(caseReferrals, 'earlier')
