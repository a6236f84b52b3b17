import type { Migration } from '../migrate'

/**
 * Issue 12 §4, the people the standard names:
 * - case_confidential: a report about an official (检举控告) makes its case confidential (条例 第十八条).
 *   Set in the same write that records the route, by trigger: the screening decision (case_diversions
 *   with reporter_confidential) or an interview's route 'disciplineReport'. Sticky: a later change of
 *   route does not lift it (the reporter was promised confidentiality).
 * - case_access_grants: the reason another worker gave to open a confidential case (the audit event
 *   carries the grant's id only).
 * - case_alt_contacts: someone to call for a petitioner with no phone or who cannot hear well.
 * - case_other_visits: earlier visits to other agencies (where, when, how often) the worker records.
 */
export const m0013: Migration = {
  version: 13,
  name: 'confidential',
  up(db) {
    db.exec(`
      CREATE TABLE case_confidential (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        since TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('diversion', 'interview'))
      );
      INSERT OR IGNORE INTO case_confidential (case_id, since, source)
        SELECT case_id, decided_at, 'diversion' FROM case_diversions WHERE reporter_confidential = 1;
      INSERT OR IGNORE INTO case_confidential (case_id, since, source)
        SELECT case_id, min(started_at), 'interview' FROM interviews WHERE route = 'disciplineReport' GROUP BY case_id;

      CREATE TRIGGER case_confidential_diversion_insert AFTER INSERT ON case_diversions WHEN NEW.reporter_confidential = 1
      BEGIN
        INSERT OR IGNORE INTO case_confidential (case_id, since, source) VALUES (NEW.case_id, NEW.decided_at, 'diversion');
      END;
      CREATE TRIGGER case_confidential_diversion_update AFTER UPDATE ON case_diversions WHEN NEW.reporter_confidential = 1
      BEGIN
        INSERT OR IGNORE INTO case_confidential (case_id, since, source) VALUES (NEW.case_id, NEW.decided_at, 'diversion');
      END;
      CREATE TRIGGER case_confidential_interview_insert AFTER INSERT ON interviews WHEN NEW.route = 'disciplineReport'
      BEGIN
        INSERT OR IGNORE INTO case_confidential (case_id, since, source) VALUES (NEW.case_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'interview');
      END;
      CREATE TRIGGER case_confidential_interview_route AFTER UPDATE OF route ON interviews WHEN NEW.route = 'disciplineReport'
      BEGIN
        INSERT OR IGNORE INTO case_confidential (case_id, since, source) VALUES (NEW.case_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'interview');
      END;

      CREATE TABLE case_access_grants (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX case_access_grants_case_user ON case_access_grants (case_id, user_id);

      CREATE TABLE case_alt_contacts (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        relation TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_alt_contacts_case ON case_alt_contacts (case_id);

      CREATE TABLE case_other_visits (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        agency TEXT NOT NULL,
        first_date TEXT NOT NULL DEFAULT '',
        last_date TEXT NOT NULL DEFAULT '',
        times INTEGER,
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_other_visits_case ON case_other_visits (case_id);
    `)
  }
}
