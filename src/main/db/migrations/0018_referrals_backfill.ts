import type { Migration } from '../migrate'

/**
 * Diversions confirmed before the referral ledger existed (migration 0017) get their referral, as a
 * diversion confirmed today does (referrals/ledger.ts `referralForDiversion`): one planned referral
 * per open case whose confirmed route passes the matter on (not 不再受理), with the route's first
 * allowed method (rules.ts METHODS_BY_ROUTE), dated when the diversion was decided, and its
 * 'created' event. Closed and transferred cases are left as they are (their record is finished).
 */
export const m0018: Migration = {
  version: 18,
  name: 'referrals_backfill',
  up(db) {
    db.exec(`
      INSERT INTO case_referrals (case_id, route, method, created_at, created_by, updated_at, updated_by)
      SELECT d.case_id, d.chosen,
             CASE d.chosen
               WHEN 'thisLevel' THEN 'transfer'
               WHEN 'discipline' THEN 'transfer'
               WHEN 'referral' THEN 'refer'
               ELSE 'inform'
             END,
             d.decided_at, d.decided_by, d.decided_at, d.decided_by
        FROM case_diversions d
        JOIN cases c ON c.id = d.case_id
       WHERE d.chosen IN ('thisLevel', 'discipline', 'referral', 'politicalLegal', 'authorityWithPower', 'notAccepted')
         AND c.status IN ('intake', 'assessment', 'planning', 'intervention', 'evaluation')
         AND NOT EXISTS (SELECT 1 FROM case_referrals r WHERE r.case_id = d.case_id);
      INSERT INTO referral_events (referral_id, case_id, kind, at, by)
      SELECT r.id, r.case_id, 'created', r.created_at, r.created_by
        FROM case_referrals r
       WHERE NOT EXISTS (SELECT 1 FROM referral_events e WHERE e.referral_id = r.id);
    `)
  }
}
