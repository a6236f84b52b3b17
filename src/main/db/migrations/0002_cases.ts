import type { Migration } from '../migrate'

/**
 * The case record (7.1.1 registration + Form A) as columns of the foundation's `cases` table, and
 * the case's satellites: representatives, screening, diversion, special-flow actions, resources,
 * consents, follow-ups, risk history, previous versions, Form C closing and goal rows, repeat keys
 * and the search index. Runs inside the migrator's single transaction.
 */
// Columns are listed here, not derived at run time, so this released step never changes.
export const CASES_COLUMNS_0002: [string, string][] = [
  ['party_kind', "TEXT NOT NULL DEFAULT 'person'"],
  ['name', "TEXT NOT NULL DEFAULT ''"],
  ['contact_person', "TEXT NOT NULL DEFAULT ''"],
  ['address', "TEXT NOT NULL DEFAULT ''"],
  ['locality', "TEXT NOT NULL DEFAULT ''"],
  ['summary', "TEXT NOT NULL DEFAULT ''"],
  ['headcount', 'INTEGER'],
  ['contact_date', "TEXT NOT NULL DEFAULT ''"],
  ['source', 'TEXT'],
  ['source_text', "TEXT NOT NULL DEFAULT ''"],
  ['demands', "TEXT NOT NULL DEFAULT ''"],
  ['petition_history', "TEXT NOT NULL DEFAULT ''"],
  ['personality', "TEXT NOT NULL DEFAULT ''"],
  ['referral_org', "TEXT NOT NULL DEFAULT ''"],
  ['referral_contact', "TEXT NOT NULL DEFAULT ''"],
  ['gender', 'TEXT'],
  ['phone', "TEXT NOT NULL DEFAULT ''"],
  ['birth', "TEXT NOT NULL DEFAULT ''"],
  ['occupation', "TEXT NOT NULL DEFAULT ''"],
  ['economic_status', "TEXT NOT NULL DEFAULT ''"],
  ['language', 'TEXT'],
  ['language_other', "TEXT NOT NULL DEFAULT ''"],
  ['marital', 'TEXT'],
  ['marital_other', "TEXT NOT NULL DEFAULT ''"],
  ['education', 'TEXT'],
  ['living', 'TEXT'],
  ['living_other', "TEXT NOT NULL DEFAULT ''"],
  ['needs', "TEXT NOT NULL DEFAULT '[]'"],
  ['needs_other', "TEXT NOT NULL DEFAULT ''"],
  ['background', "TEXT NOT NULL DEFAULT ''"],
  ['assessment', "TEXT NOT NULL DEFAULT ''"],
  ['needs_analysis', "TEXT NOT NULL DEFAULT ''"],
  ['service_goals', "TEXT NOT NULL DEFAULT ''"],
  ['service_strategy', "TEXT NOT NULL DEFAULT ''"],
  ['evaluation_methods', "TEXT NOT NULL DEFAULT ''"],
  ['worker_signed_date', "TEXT NOT NULL DEFAULT ''"],
  ['irrational', 'INTEGER NOT NULL DEFAULT 0'],
  ['in_petition_procedure', 'INTEGER NOT NULL DEFAULT 0'],
  ['accepted_date', "TEXT NOT NULL DEFAULT ''"],
  ['extended', 'INTEGER NOT NULL DEFAULT 0'],
  ['opinion_received_date', "TEXT NOT NULL DEFAULT ''"],
  ['review_received_date', "TEXT NOT NULL DEFAULT ''"],
  // Bookkeeping beside the fields.
  ['version', 'INTEGER NOT NULL DEFAULT 1'],
  ['large_scale_judged', 'INTEGER NOT NULL DEFAULT 0'],
  ['risk_reason', "TEXT NOT NULL DEFAULT ''"],
  ['risk_set_at', 'TEXT'],
  ['risk_set_by', 'INTEGER REFERENCES users(id)'],
  ['repeat_mark', 'TEXT'],
  ['repeat_of', "TEXT NOT NULL DEFAULT '[]'"],
  ['repeat_note', "TEXT NOT NULL DEFAULT ''"],
  ['repeat_at', 'TEXT'],
  ['repeat_by', 'INTEGER REFERENCES users(id)'],
  ['intake_accepted', 'INTEGER'],
  ['intake_assigned_to', 'INTEGER REFERENCES users(id)'],
  ['intake_note', "TEXT NOT NULL DEFAULT ''"],
  ['intake_at', 'TEXT'],
  ['intake_by', 'INTEGER REFERENCES users(id)']
]

export const m0002: Migration = {
  version: 2,
  name: 'cases',
  up(db) {
    for (const [col, def] of CASES_COLUMNS_0002) db.exec(`ALTER TABLE cases ADD COLUMN ${col} ${def}`)

    db.exec(`
      CREATE INDEX cases_worker_status ON cases(assigned_worker_id, status);
      CREATE INDEX cases_status ON cases(status);
      CREATE INDEX cases_risk ON cases(risk_level) WHERE risk_level IN ('high', 'critical');
      CREATE INDEX cases_updated ON cases(updated_at);
      -- The today view: a worker's recent cases, and (covering, so no row is read) the start dates
      -- of the worker's open cases that statutory deadlines count from.
      CREATE INDEX cases_worker_updated ON cases(assigned_worker_id, updated_at);
      CREATE INDEX cases_worker_dates ON cases(assigned_worker_id, status, contact_date, accepted_date,
        opinion_received_date, review_received_date, in_petition_procedure, extended);

      CREATE TABLE case_representatives (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL,
        added_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_representatives_case ON case_representatives(case_id);

      CREATE TABLE case_screening (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        item TEXT NOT NULL CHECK (item IN ('a','b','c','d','e','f','g','h','i','j','k','l')),
        answer TEXT,
        detail TEXT,
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        PRIMARY KEY (case_id, item)
      );

      CREATE TABLE case_diversions (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        recommended TEXT NOT NULL DEFAULT '[]',
        chosen TEXT NOT NULL,
        overridden INTEGER NOT NULL DEFAULT 0,
        override_reason TEXT NOT NULL DEFAULT '',
        reporter_confidential INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        decided_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id)
      );

      CREATE TABLE case_flow_actions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        flow TEXT NOT NULL CHECK (flow IN ('collective', 'irrational', 'hardship', 'crisis')),
        step TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_flow_actions_case ON case_flow_actions(case_id);

      CREATE TABLE case_resources (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        kind_other TEXT NOT NULL DEFAULT '',
        department TEXT NOT NULL DEFAULT '',
        result TEXT NOT NULL DEFAULT 'pending',
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_resources_case ON case_resources(case_id);

      CREATE TABLE case_consents (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('record', 'sensitive', 'disclosure')),
        granted INTEGER NOT NULL,
        method TEXT NOT NULL CHECK (method IN ('oral', 'written')),
        text_version TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_consents_case ON case_consents(case_id);

      CREATE TABLE case_follow_ups (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        due_date TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('short', 'mid')),
        note TEXT NOT NULL DEFAULT '',
        interview_id INTEGER,
        assigned_worker_id INTEGER REFERENCES users(id),
        done_at TEXT,
        done_note TEXT NOT NULL DEFAULT '',
        done_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_follow_ups_case ON case_follow_ups(case_id);
      CREATE INDEX case_follow_ups_open ON case_follow_ups(assigned_worker_id, due_date) WHERE done_at IS NULL;

      CREATE TABLE case_risk_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN ('none', 'low', 'medium', 'high', 'critical')),
        reason TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id)
      );
      CREATE INDEX case_risk_history_case ON case_risk_history(case_id);

      CREATE TABLE case_versions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        changed_fields TEXT NOT NULL,
        before TEXT NOT NULL,
        at TEXT NOT NULL,
        by INTEGER REFERENCES users(id),
        UNIQUE (case_id, version)
      );

      CREATE TABLE case_closings (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        category TEXT NOT NULL CHECK (category IN ('transfer', 'end')),
        opened_date TEXT NOT NULL DEFAULT '',
        closed_date TEXT NOT NULL,
        transfer_reason TEXT,
        transfer_reason_other TEXT NOT NULL DEFAULT '',
        closing_type TEXT,
        closing_type_other TEXT NOT NULL DEFAULT '',
        linked_resources TEXT NOT NULL DEFAULT '',
        contacted_departments TEXT NOT NULL DEFAULT '',
        reflection TEXT NOT NULL DEFAULT '',
        worker_signed_date TEXT NOT NULL DEFAULT '',
        transfer_to TEXT NOT NULL DEFAULT '',
        saved_at TEXT NOT NULL,
        saved_by INTEGER REFERENCES users(id)
      );

      CREATE TABLE case_goals (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        goal TEXT NOT NULL DEFAULT '',
        achievement TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX case_goals_case ON case_goals(case_id, seq);

      -- Normalised keys (script, width, spacing folded) for repeat detection at registration.
      CREATE TABLE case_keys (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('name', 'phone', 'address', 'organisation')),
        key TEXT NOT NULL
      );
      CREATE INDEX case_keys_lookup ON case_keys(kind, key);
      CREATE INDEX case_keys_case ON case_keys(case_id);

      -- Search: bigrams of normalised text (see shared/domain/search/normalise.ts). Contentless, so
      -- the personal text is not stored a second time; rowid = cases.id.
      CREATE VIRTUAL TABLE case_search USING fts5(
        names, phones, places, matter,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `)
  }
}
