import type { Migration } from '../migrate'

/**
 * Drafts of multi-line text not yet submitted (issue 10: 督导意见, screening and flow notes, closing
 * texts…): kept in the encrypted database per person and per place (`scope`), so text survives a
 * killed app and is never shown to anyone else; removed when the text is submitted.
 */
export const m0010: Migration = {
  version: 10,
  name: 'drafts',
  up(db) {
    db.exec(`
      CREATE TABLE drafts (
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        scope TEXT NOT NULL,
        text TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (user_id, scope)
      ) WITHOUT ROWID;
    `)
  }
}
