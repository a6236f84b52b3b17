import type { Migration } from '../migrate'

/**
 * Indexes for the supervisor's screens at archive scale (100 000 cases, a million interviews),
 * where each of these read every case or interview row, notes and all.
 * Sign-off queue (about 7 s to open without them), each matching a query in supervisor/api.ts term
 * for term (SQLite uses a partial or expression index only then):
 * - Form B: ended interviews in the order they ended.
 * - Form A: cases that wait for 立案签批, in the order they have waited.
 * - Form C: closings in the order they were saved.
 * The hall's figures (about 1.5 s of their 2.7 s): caseload per worker and risk levels of open
 * cases, read from covering indexes.
 */
export const m0006: Migration = {
  version: 6,
  name: 'archive_indexes',
  up(db) {
    db.exec(`
      CREATE INDEX interviews_ended ON interviews(ended_at, id) WHERE ended_at IS NOT NULL;
      CREATE INDEX cases_waiting_a ON cases((CASE WHEN worker_signed_date <> '' THEN worker_signed_date ELSE updated_at END), id)
        WHERE worker_signed_date <> '' OR status IN ('planning', 'intervention', 'evaluation', 'closed', 'transferred');
      CREATE INDEX case_closings_saved ON case_closings(saved_at, case_id);
      CREATE INDEX cases_caseload ON cases(assigned_worker_id, status, irrational, repeat_mark);
      CREATE INDEX cases_open_risk ON cases(status, risk_level);
    `)
  }
}
