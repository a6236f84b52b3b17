import type Database from 'better-sqlite3'
import { openRaw, applyPragmas } from '../../../src/main/db/open'
import { migrate } from '../../../src/main/db/migrate'
import { MIGRATIONS } from '../../../src/main/db/migrations'

/**
 * Child for migrations.test.ts: apply every pending migration plus a last step that writes a lot
 * (so pages spill into the WAL), says "inside", and never finishes — the parent SIGKILLs it.
 */
const [file, keyHex] = process.argv.slice(2)
const db = openRaw(file, Buffer.from(keyHex, 'hex'))
applyPragmas(db)
const endless = {
  version: MIGRATIONS[MIGRATIONS.length - 1].version + 1,
  name: 'endless',
  up(d: Database.Database) {
    d.exec(`CREATE TABLE endless_step (x TEXT); UPDATE cases SET status = 'migrated'; DELETE FROM settings`)
    const ins = d.prepare('INSERT INTO endless_step VALUES (?)')
    for (let i = 0; i < 20_000; i++) ins.run('x'.repeat(200))
    process.stdout.write('inside\n')
    for (;;) ins.run('y'.repeat(200))
  }
}
migrate(db, undefined, [...MIGRATIONS, endless])
