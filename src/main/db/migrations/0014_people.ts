import type { Migration } from '../migrate'

/**
 * The people the standard names (issue 12 §4):
 * - case_people: what Form A has no box for but the interview needs — hard of hearing, a foreign
 *   national (and nationality), 户籍 here or elsewhere (hardship help depends on it); one row per case;
 * - interview_language: per contact, the language the person is comfortable in and who interpreted
 *   (name, language, relation: colleague, family, professional);
 * - interviews.own_words: the matter in the petitioner's own words, said back in the spoken lines.
 */
export const m0014: Migration = {
  version: 14,
  name: 'people',
  up(db) {
    db.exec(`
      CREATE TABLE case_people (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        hard_of_hearing INTEGER NOT NULL DEFAULT 0 CHECK (hard_of_hearing IN (0, 1)),
        foreign_national INTEGER NOT NULL DEFAULT 0 CHECK (foreign_national IN (0, 1)),
        nationality TEXT NOT NULL DEFAULT '',
        hukou TEXT CHECK (hukou IN ('local', 'nonLocal')),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
      CREATE TABLE interview_language (
        interview_id INTEGER PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
        spoken TEXT NOT NULL CHECK (spoken IN ('putonghua', 'cantonese', 'hakka', 'chaozhou', 'foreign', 'other')),
        spoken_text TEXT NOT NULL DEFAULT '',
        interpreter_name TEXT NOT NULL DEFAULT '',
        interpreter_language TEXT NOT NULL DEFAULT '',
        interpreter_relation TEXT CHECK (interpreter_relation IN ('colleague', 'family', 'professional')),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
      ALTER TABLE interviews ADD COLUMN own_words TEXT NOT NULL DEFAULT '';
    `)
  }
}
