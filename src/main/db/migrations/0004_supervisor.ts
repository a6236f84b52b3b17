import type { Migration } from '../migrate'

/**
 * Supervisor feature: sign-offs printed on Forms A–C, the backup log, legal holds and the
 * destruction register (SZ C.2.1). The register keeps case numbers, dates, who and why — never the
 * petitioner's data, which is what was destroyed.
 */
export const m0004: Migration = {
  version: 4,
  name: 'supervisor',
  up(db) {
    db.exec(`
      CREATE TABLE signoffs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('A', 'B', 'C')),
        subject_id INTEGER NOT NULL,
        opinion TEXT NOT NULL DEFAULT '',
        signed_by INTEGER NOT NULL REFERENCES users(id),
        signer_name TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        UNIQUE (kind, subject_id)
      );
      CREATE TABLE backup_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('export', 'safety', 'verify', 'restore')),
        file_name TEXT NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id)
      );
      CREATE TABLE legal_holds (
        case_id INTEGER PRIMARY KEY,
        reason TEXT NOT NULL,
        set_by INTEGER REFERENCES users(id),
        set_at TEXT NOT NULL
      );
      CREATE TABLE destruction_register (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL,
        opened_at TEXT,
        closed_at TEXT,
        destroyed_at TEXT NOT NULL,
        destroyed_by INTEGER REFERENCES users(id),
        destroyed_by_name TEXT NOT NULL,
        reason TEXT NOT NULL
      );
    `)
  }
}
