import type { Migration } from '../migrate'

/**
 * Indexes for the sign-off queue, each matching a query in supervisor/api.ts term for term (SQLite
 * uses a partial or expression index only then). Without them, opening the queue read every case
 * and every interview row, notes and all: about 7 s at 100 000 cases and a million interviews.
 * - Form B: ended interviews in the order they ended.
 * - Form A: cases that wait for 立案签批, in the order they have waited.
 * - Form C: closings in the order they were saved.
 */
export const m0006: Migration = {
  version: 6,
  name: 'signoff_queue',
  up(db) {
    db.exec(`
      CREATE INDEX interviews_ended ON interviews(ended_at, id) WHERE ended_at IS NOT NULL;
      CREATE INDEX cases_waiting_a ON cases((CASE WHEN worker_signed_date <> '' THEN worker_signed_date ELSE updated_at END), id)
        WHERE worker_signed_date <> '' OR status IN ('planning', 'intervention', 'evaluation', 'closed', 'transferred');
      CREATE INDEX case_closings_saved ON case_closings(saved_at, case_id);
    `)
  }
}
