import type { Migration } from '../migrate'

/**
 * Records that change only on purpose (issue 10):
 * - interview_corrections: a correction of an ended contact (Form B) — the fields changed, what
 *   they said before, the reason, who and when, and whether the form had been signed off already.
 * - case_versions.source: which action a change came from ('' = typed by the person named in `by`;
 *   'interview:<id>' = a proposal from that contact the person accepted).
 */
export const m0007: Migration = {
  version: 7,
  name: 'record_corrections',
  up(db) {
    db.exec(`
      CREATE TABLE interview_corrections (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        changed_fields TEXT NOT NULL,
        before TEXT NOT NULL,
        reason TEXT NOT NULL,
        after_signoff INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX interview_corrections_iv ON interview_corrections(interview_id, id);
      ALTER TABLE case_versions ADD COLUMN source TEXT NOT NULL DEFAULT '';
    `)
  }
}
