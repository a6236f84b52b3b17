import type { Migration } from '../migrate'

/**
 * 语言 and 居住状况 take several ticks (issue 15 §1): on paper they are checkbox lists, and people
 * speak 普通话 and 广东话, and live with a spouse and adult children. The single code columns
 * become JSON arrays of codes (NOT NULL, '[]' when nothing is ticked), every existing value kept as
 * the first element; earlier versions in the case history get the same shape, so the history reads
 * them as before. Neither old column is in an index, a view or a trigger, so they can be dropped.
 */
export const m0015: Migration = {
  version: 15,
  name: 'multi_tick',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN language_codes TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE cases ADD COLUMN living_codes TEXT NOT NULL DEFAULT '[]';
      UPDATE cases SET language_codes = json_array(language) WHERE language IS NOT NULL AND language <> '';
      UPDATE cases SET living_codes = json_array(living) WHERE living IS NOT NULL AND living <> '';
      ALTER TABLE cases DROP COLUMN language;
      ALTER TABLE cases DROP COLUMN living;

      UPDATE case_versions SET before = json_set(before, '$.language', json_array(json_extract(before, '$.language')))
        WHERE json_valid(before) AND json_type(before, '$.language') = 'text';
      UPDATE case_versions SET before = json_set(before, '$.language', json('[]'))
        WHERE json_valid(before) AND json_type(before, '$.language') = 'null';
      UPDATE case_versions SET before = json_set(before, '$.living', json_array(json_extract(before, '$.living')))
        WHERE json_valid(before) AND json_type(before, '$.living') = 'text';
      UPDATE case_versions SET before = json_set(before, '$.living', json('[]'))
        WHERE json_valid(before) AND json_type(before, '$.living') = 'null';
    `)
  }
}
