import type { Migration } from '../migrate'

/**
 * After the first visit, at archive scale and addressed (issue 16):
 * - cases_contact_figures: the hall's figures, the monthly report and its twelve-month trend count
 *   cases by contact date; without an index of its own each range read every case row (notes and
 *   all: 1.6 s for a month's report at 100 000 cases). The index carries the columns those counts
 *   read, so a range is answered from the index alone.
 * - case_closings_closed: closings by the date the case closed (the report's closed-per-month and
 *   days-to-close), which only had an index by the moment the form was saved.
 * - case_follow_ups_due: follow-ups due in a range, kept on time or late (the figures), whoever they
 *   belong to (the open-follow-up index starts with the worker).
 * - the referrals read by the supervisor's 督办 list and a worker's Today (open referrals whose reply
 *   is overdue or whose result is not yet relayed): case_referrals_attention carries what those lists
 *   show, and cases_worker_case_no each case's worker and number, so neither list reads a referral
 *   or case row (about 1.3 s for the 督办 list at 100 000 cases and 97 000 referrals before);
 * - the referral figures: referrals by the date sent (case_referrals_sent), and a case's first relay
 *   of a result by date and by case (case_referrals_relayed, case_referrals_case_relayed), instead of
 *   grouping every relayed referral of the archive with its case;
 * - notices.for_user_id: a notice addressed to one worker (a referral whose reply is overdue goes to
 *   the case's worker as well as to the supervisors); NULL, as every earlier notice, is for supervisors.
 */
export const m0020: Migration = {
  version: 20,
  name: 'aftercare_scale',
  up(db) {
    db.exec(`
      CREATE INDEX cases_contact_figures ON cases(contact_date, status, repeat_mark, party_kind, irrational, locality, needs);
      CREATE INDEX case_closings_closed ON case_closings(closed_date, case_id);
      CREATE INDEX case_follow_ups_due ON case_follow_ups(due_date, done_at);
      CREATE INDEX cases_worker_case_no ON cases(assigned_worker_id, case_no);
      CREATE INDEX case_referrals_attention ON case_referrals(case_id, reply_date, reply_due, sent_date, directory_id, to_name, withdrawn_at, relayed_date)
        WHERE withdrawn_at IS NULL AND relayed_date = '';
      CREATE INDEX case_referrals_sent ON case_referrals(sent_date, withdrawn_at, method, reply_date, relayed_date);
      CREATE INDEX case_referrals_relayed ON case_referrals(relayed_date, case_id, withdrawn_at) WHERE withdrawn_at IS NULL AND relayed_date <> '';
      CREATE INDEX case_referrals_case_relayed ON case_referrals(case_id, relayed_date, withdrawn_at) WHERE withdrawn_at IS NULL AND relayed_date <> '';
      ALTER TABLE notices ADD COLUMN for_user_id INTEGER REFERENCES users(id);
      CREATE INDEX notices_for_user ON notices(for_user_id, acknowledged_at);
    `)
  }
}
