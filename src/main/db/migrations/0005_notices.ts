import type { Migration } from '../migrate'

/**
 * Notices for supervisors (a crisis opened in an interview). The desk has one person at the screen,
 * so a notice must wait, in the encrypted database, until a supervisor logs in and acknowledges it.
 */
export const m0005: Migration = {
  version: 5,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE notices (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
        interview_id INTEGER,
        raised_by INTEGER REFERENCES users(id),
        raised_at TEXT NOT NULL,
        acknowledged_by INTEGER REFERENCES users(id),
        acknowledged_at TEXT
      );
      CREATE INDEX notices_open ON notices(acknowledged_at, raised_at);
    `)
  }
}
