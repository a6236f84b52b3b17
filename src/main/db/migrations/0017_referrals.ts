import type { Migration } from '../migrate'

/**
 * Issue 16 §1–§2: where people are sent, and what came back.
 * - `directory_entries`: authorities and services (level, locality, matter category, address, phone,
 *   hours, what they handle). Ships with the national hotlines only; a shipped row keeps its `builtin`
 *   key and an empty `name` until a supervisor renames it (its name is then words in each language).
 * - `case_referrals`: one row per confirmed diversion (转送 / 交办 / 转介 / 告知 the petitioner): to
 *   whom (a directory row, and the name/address/phone as they were when it was sent), when, what was
 *   sent, the reply expected by (from the statute, `due_basis = 'statute'` with its deadline id, or a
 *   date the worker agreed), the reply and when/how it was relayed to the petitioner. Dates are ISO
 *   days; '' = not yet.
 * - `referral_events`: the chain as it happened (created, sent, reply, relayed, edited, withdrawn),
 *   for the case history.
 * - `referral_supervision_notes`: a supervisor's 督办 note on a referral, addressed to the case's
 *   worker, acknowledged by them.
 */
export const m0017: Migration = {
  version: 17,
  name: 'referrals',
  up(db) {
    db.exec(`
      CREATE TABLE directory_entries (
        id INTEGER PRIMARY KEY,
        builtin TEXT UNIQUE,
        level TEXT NOT NULL CHECK (level IN ('national', 'city', 'district', 'street')),
        locality TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        hours TEXT NOT NULL DEFAULT '',
        handles TEXT NOT NULL DEFAULT '',
        active INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX directory_entries_category ON directory_entries(category, level);

      CREATE TABLE case_referrals (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        route TEXT NOT NULL,
        method TEXT CHECK (method IN ('transfer', 'assign', 'refer', 'inform')),
        directory_id INTEGER REFERENCES directory_entries(id) ON DELETE SET NULL,
        to_name TEXT NOT NULL DEFAULT '',
        to_address TEXT NOT NULL DEFAULT '',
        to_phone TEXT NOT NULL DEFAULT '',
        sent_date TEXT NOT NULL DEFAULT '',
        sent_what TEXT NOT NULL DEFAULT '',
        due_basis TEXT NOT NULL DEFAULT '' CHECK (due_basis IN ('', 'statute', 'agreed')),
        due_deadline TEXT NOT NULL DEFAULT '',
        reply_due TEXT NOT NULL DEFAULT '',
        reply_date TEXT NOT NULL DEFAULT '',
        reply_summary TEXT NOT NULL DEFAULT '',
        relayed_date TEXT NOT NULL DEFAULT '',
        relayed_how TEXT CHECK (relayed_how IN ('inPerson', 'phone', 'letter', 'message')),
        relayed_note TEXT NOT NULL DEFAULT '',
        withdrawn_at TEXT,
        withdrawn_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX case_referrals_case ON case_referrals(case_id);
      CREATE INDEX case_referrals_open ON case_referrals(reply_due, id) WHERE withdrawn_at IS NULL AND relayed_date = '';

      CREATE TABLE referral_events (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES case_referrals(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('created', 'sent', 'reply', 'relayed', 'edited', 'withdrawn', 'supervised', 'acknowledged')),
        changed_fields TEXT NOT NULL DEFAULT '[]',
        before TEXT NOT NULL DEFAULT '{}',
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX referral_events_case ON referral_events(case_id, at);

      CREATE TABLE referral_supervision_notes (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES case_referrals(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        worker_id INTEGER REFERENCES users(id),
        note TEXT NOT NULL,
        written_at TEXT NOT NULL,
        written_by INTEGER REFERENCES users(id),
        acknowledged_at TEXT,
        acknowledged_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX referral_supervision_notes_referral ON referral_supervision_notes(referral_id);
      CREATE INDEX referral_supervision_notes_open ON referral_supervision_notes(worker_id, written_at) WHERE acknowledged_at IS NULL;
    `)
    const at = new Date().toISOString()
    const seed = db.prepare('INSERT INTO directory_entries (builtin, level, category, phone, updated_at) VALUES (?, ?, ?, ?, ?)')
    // statute.md §5: national numbers only (🟡 — a hall verifies and edits them); no local office.
    for (const [key, category, phone] of [
      ['hotline.12345', 'hotline', '12345'],
      ['hotline.12348', 'legalAid', '12348'],
      ['hotline.12356', 'psychAid', '12356'],
      ['hotline.12333', 'humanResources', '12333'],
      ['hotline.12388', 'discipline', '12388'],
      ['hotline.110', 'publicSecurity', '110'],
      ['hotline.120', 'health', '120']
    ]) seed.run(key, 'national', category, phone, at)
  }
}
