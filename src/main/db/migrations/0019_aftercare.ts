import type { Migration } from '../migrate'

/**
 * After the first visit (issue 16, the supervision half):
 * - notices: what the notice is about (`detail`: a risk level, a deadline and its date), a key that
 *   raises a once-only notice once (a missed deadline), and the note the supervisor acknowledges with;
 * - opinion_acks: a worker has read a supervisor's opinion (a sign-off, a supervision record);
 * - supervision_records + supervision_record_cases: supervision sessions and case conferences
 *   (8.3 c, 8.5 b): date, participants, opinions and decisions, linked to the cases discussed;
 * - return_visits: the return visit closing or transferring a case schedules (7.1.5, 8.3 b), and what
 *   the worker recorded of it (happened, outcome, petitioned again, satisfaction);
 * - case_subjects: the employer, estate, village or project a case is about, named by the worker, so
 *   the early warning (5.1 f) can see several cases about the same one.
 */
export const m0019: Migration = {
  version: 19,
  name: 'aftercare',
  up(db) {
    db.exec(`
      ALTER TABLE notices ADD COLUMN detail TEXT NOT NULL DEFAULT '';
      ALTER TABLE notices ADD COLUMN once_key TEXT;
      ALTER TABLE notices ADD COLUMN acknowledge_note TEXT NOT NULL DEFAULT '';
      CREATE UNIQUE INDEX notices_once ON notices(once_key) WHERE once_key IS NOT NULL;

      CREATE TABLE opinion_acks (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('signoff', 'supervision')),
        ref_id INTEGER NOT NULL,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        UNIQUE (kind, ref_id, case_id, user_id)
      );

      CREATE TABLE supervision_records (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('supervision', 'conference')),
        held_on TEXT NOT NULL,
        participants TEXT NOT NULL DEFAULT '',
        topic TEXT NOT NULL DEFAULT '',
        opinions TEXT NOT NULL DEFAULT '',
        decisions TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX supervision_records_held ON supervision_records(held_on, id);

      CREATE TABLE supervision_record_cases (
        record_id INTEGER NOT NULL REFERENCES supervision_records(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        opinion TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (record_id, case_id)
      );
      CREATE INDEX supervision_record_cases_case ON supervision_record_cases(case_id);

      CREATE TABLE return_visits (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('closed', 'transferred')),
        closed_date TEXT NOT NULL,
        due_date TEXT NOT NULL,
        worker_id INTEGER REFERENCES users(id),
        scheduled_at TEXT NOT NULL,
        recorded_at TEXT,
        recorded_by INTEGER REFERENCES users(id),
        visit_date TEXT NOT NULL DEFAULT '',
        happened INTEGER,
        method TEXT CHECK (method IS NULL OR method IN ('phone', 'visit', 'other')),
        outcome TEXT NOT NULL DEFAULT '',
        petitioned_again TEXT CHECK (petitioned_again IS NULL OR petitioned_again IN ('no', 'same', 'other', 'unknown')),
        satisfaction TEXT NOT NULL DEFAULT '{}',
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX return_visits_case ON return_visits(case_id);
      CREATE INDEX return_visits_worker_due ON return_visits(worker_id, recorded_at, due_date);
      CREATE INDEX return_visits_closed ON return_visits(closed_date);

      CREATE TABLE case_subjects (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('employer', 'estate', 'village', 'project')),
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES users(id),
        UNIQUE (case_id, kind, name_key)
      );
      CREATE INDEX case_subjects_key ON case_subjects(kind, name_key);
    `)
  }
}
