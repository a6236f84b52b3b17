import type { Migration } from '../migrate'

/**
 * Interviews: one row per contact (= one Form B), owned by a case. Every text typed during the
 * interview is a column (so demo data and Form B read plainly), with its per-field revision kept in
 * `revisions` (JSON) — an autosave carrying an older revision than the stored one is ignored, so
 * out-of-order saves cannot lose text. Only case_id, started_at, created_at and updated_at are
 * required; everything else has a default.
 */
export const m0003: Migration = {
  version: 3,
  name: 'interview',
  up(db) {
    db.exec(`
      CREATE TABLE interviews (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        worker_id INTEGER REFERENCES users(id),
        output_lang TEXT NOT NULL DEFAULT 'zh-CN' CHECK (output_lang IN ('zh-CN', 'yue-HK')),
        work_form TEXT NOT NULL DEFAULT 'faceToFace'
          CHECK (work_form IN ('faceToFace', 'phone', 'accompany', 'qqWechat', 'other')),
        location TEXT NOT NULL DEFAULT 'other' CHECK (location IN ('clientHome', 'other')),
        stage TEXT NOT NULL DEFAULT 'rapport' CHECK (stage IN ('rapport', 'emotion', 'policy', 'closing')),
        matter_type TEXT NOT NULL DEFAULT '',
        route TEXT NOT NULL DEFAULT 'unknown',
        started_at TEXT NOT NULL,
        ended_at TEXT,
        follow_up_date TEXT,
        follow_up_mid_date TEXT,
        accepted_needs TEXT NOT NULL DEFAULT '[]',
        rule_dates TEXT NOT NULL DEFAULT '{}',
        subject TEXT NOT NULL DEFAULT '',
        contact TEXT NOT NULL DEFAULT '',
        relation TEXT NOT NULL DEFAULT '',
        location_text TEXT NOT NULL DEFAULT '',
        work_form_text TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        assessment TEXT NOT NULL DEFAULT '',
        follow_up_plan TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        w_when TEXT NOT NULL DEFAULT '',
        w_where TEXT NOT NULL DEFAULT '',
        w_who TEXT NOT NULL DEFAULT '',
        w_what TEXT NOT NULL DEFAULT '',
        w_why TEXT NOT NULL DEFAULT '',
        w_how TEXT NOT NULL DEFAULT '',
        surface_demand TEXT NOT NULL DEFAULT '',
        deeper_needs TEXT NOT NULL DEFAULT '',
        experience TEXT NOT NULL DEFAULT '',
        personality TEXT NOT NULL DEFAULT '',
        petitioner_name TEXT NOT NULL DEFAULT '',
        revisions TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX interviews_case ON interviews(case_id, started_at, id);
      CREATE INDEX interviews_follow_up ON interviews(follow_up_date);

      -- Time in each stage: a row per entry (the worker may go back and forth).
      CREATE TABLE interview_stage_times (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        entered_at TEXT NOT NULL,
        left_at TEXT
      );
      CREATE INDEX interview_stage_times_iv ON interview_stage_times(interview_id, id);

      CREATE TABLE interview_emotions (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        level TEXT NOT NULL CHECK (level IN ('calm', 'anxious', 'agitated', 'crying', 'accusing', 'threatening')),
        at TEXT NOT NULL
      );
      CREATE INDEX interview_emotions_iv ON interview_emotions(interview_id, id);

      CREATE TABLE interview_checks (
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        checked INTEGER NOT NULL DEFAULT 1,
        at TEXT NOT NULL,
        PRIMARY KEY (interview_id, check_id)
      );

      -- Time-stamped things that happened: crisis steps, pauses, language switches, read-back, handout.
      CREATE TABLE interview_events (
        id INTEGER PRIMARY KEY,
        interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
      );
      CREATE INDEX interview_events_iv ON interview_events(interview_id, id);
    `)
  }
}
