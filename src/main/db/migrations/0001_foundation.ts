import type { Migration } from '../migrate'

/** The desk itself: people, key slots, settings, the audit chain, and the first sketch of a case. */
export const m0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        login_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('worker', 'supervisor')),
        locale TEXT NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'yue-HK')),
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      -- Mirrors keyring.json's slots (which hold the wrapped key) so the desk knows whose slot is whose.
      CREATE TABLE key_slots (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('user', 'recovery')),
        user_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
      CREATE TABLE audit_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER REFERENCES users(id),
        action TEXT NOT NULL,
        subject_type TEXT,
        subject_id TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_events_at ON audit_events(at);
      CREATE INDEX audit_events_subject ON audit_events(subject_type, subject_id);
      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        case_no TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL DEFAULT 'intake',
        risk_level TEXT NOT NULL DEFAULT 'none',
        assigned_worker_id INTEGER REFERENCES users(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
  }
}
