import type { Migration } from '../migrate'

/**
 * The records clerk's desk (issue 15 §4).
 *
 * - `users.role` also takes 'clerk' (档案管理). SQLite cannot alter a CHECK constraint, and rebuilding
 *   `users` inside the migration's transaction would run its ON DELETE CASCADEs (foreign keys cannot be
 *   switched off inside a transaction). Widening a CHECK changes no stored byte, so this uses SQLite's
 *   documented procedure for such changes (https://sqlite.org/lang_altertable.html#otheralter): the
 *   table's SQL is edited under `writable_schema` and the schema version bumped, in the same
 *   transaction; every existing row still satisfies the wider CHECK.
 * - `archive_items`: each signed-off form (A or C of a case, B of a contact) once it is printed for the
 *   paper archive: first and last print, how many prints, and where it is filed (archive number,
 *   box, shelf). A signed-off form without a row is waiting to be printed.
 * - `archive_prints`: every print of an item; the second and later are reprints (补打/副本).
 * - `archive_loans`: 借阅登记 — who borrowed which case's paper file, when, until when, returned when.
 */
export const m0016: Migration = {
  version: 16,
  name: 'archive',
  up(db) {
    const version = db.pragma('schema_version', { simple: true }) as number
    const before = "role TEXT NOT NULL CHECK (role IN ('worker', 'supervisor'))"
    const after = "role TEXT NOT NULL CHECK (role IN ('worker', 'supervisor', 'clerk'))"
    db.unsafeMode(true) // lifts SQLITE_DBCONFIG_DEFENSIVE for the schema edit only
    try {
      db.pragma('writable_schema = ON')
      const r = db.prepare(`UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = 'users' AND instr(sql, ?) > 0`).run(before, after, before)
      if (r.changes !== 1) throw new Error('users.role CHECK not found as created by migration 0001')
      db.pragma(`schema_version = ${version + 1}`)
    } finally {
      db.pragma('writable_schema = OFF')
      db.unsafeMode(false)
    }
    db.exec(`
      CREATE TABLE archive_items (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('A', 'B', 'C')),
        subject_id INTEGER NOT NULL,
        first_printed_at TEXT NOT NULL,
        first_printed_by INTEGER REFERENCES users(id),
        last_printed_at TEXT NOT NULL,
        prints INTEGER NOT NULL DEFAULT 1,
        filed_at TEXT,
        filed_by INTEGER REFERENCES users(id),
        archive_no TEXT NOT NULL DEFAULT '',
        box TEXT NOT NULL DEFAULT '',
        shelf TEXT NOT NULL DEFAULT '',
        UNIQUE (kind, subject_id)
      );
      CREATE INDEX archive_items_case ON archive_items(case_id);
      CREATE TABLE archive_prints (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES archive_items(id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id),
        lang TEXT NOT NULL,
        reprint INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX archive_prints_item ON archive_prints(item_id);
      CREATE TABLE archive_loans (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        borrower TEXT NOT NULL,
        purpose TEXT NOT NULL DEFAULT '',
        lent_at TEXT NOT NULL,
        lent_by INTEGER REFERENCES users(id),
        due_date TEXT NOT NULL,
        returned_at TEXT,
        returned_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX archive_loans_case ON archive_loans(case_id);
      CREATE INDEX archive_loans_open ON archive_loans(due_date) WHERE returned_at IS NULL;
    `)
  }
}
