import type { Migration } from '../migrate'

/**
 * The interview fits the case (issue 12):
 * - the dates that start deadlines running against the petitioner (行政复议 60 days from knowing
 *   the act; the labour-arbitration limitation of 1 year), recorded on the case like the
 *   petition-procedure dates, so the summary, the handout, Today and follow-ups can show them;
 * - Today's covering index gains them, so the worker's day still reads no case row to find them.
 */
export const m0009: Migration = {
  version: 9,
  name: 'case_aware',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN knew_of_act_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE cases ADD COLUMN infringement_date TEXT NOT NULL DEFAULT '';
      DROP INDEX cases_worker_dates;
      CREATE INDEX cases_worker_dates ON cases(assigned_worker_id, status, contact_date, accepted_date,
        opinion_received_date, review_received_date, in_petition_procedure, extended, knew_of_act_date, infringement_date);
    `)
  }
}
