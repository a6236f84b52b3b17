import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SignalDatabase from '@signalapp/sqlcipher'
import { dbPath } from '../../src/main/db/open'
import { setSetting } from '../../src/main/settings/settings'
import { generateDemo } from '../../src/main/demo/generate'
import * as session from '../../src/main/session/service'
import { setupDesk, SUPERVISOR, type TestDesk } from '../support/desk'

/**
 * Encryption at rest: the database file is SQLCipher 4 (an independent implementation opens it
 * with the raw key and refuses a wrong one), and no personal string — names with rare characters,
 * phone numbers — is found in any file the desk wrote: the database, its -wal and -shm, the
 * keyring, the state folder, or new files in the temp folder.
 */
const tag = randomBytes(3).toString('hex')
const PEOPLE = [
  { displayName: `歐陽𠮶堃${tag}`, loginName: `oy${tag}`, phone: `+852 9${tag.replace(/\D/g, '7').padEnd(3, '7')}4 5678` },
  { displayName: `司馬·麗娟${tag}`, loginName: `sm${tag}`, phone: `138${String(parseInt(tag, 16)).padStart(8, '0').slice(0, 8)}` }
]
const CASE_TEXT = [`黃嘉欣${tag}`, `广州市越秀区某街${tag}号`, `要求退还拖欠工资${tag}`]

let d: TestDesk
let key: Buffer
/** Names and phone numbers of demo records, looked for in the data and state folders. */
const DEMO_STRINGS = new Set<string>()
const started = Date.now()

/** Every personal string this test wrote, as UTF-8 and UTF-16 (SQLite can store either). */
function needles(): { label: string; bytes: Buffer }[] {
  const texts = [...PEOPLE.flatMap((p) => [p.displayName, p.phone]), ...CASE_TEXT]
  // Fragments keep the run's random tag, so the test's own source (cached by vite in /tmp) never matches.
  const names = PEOPLE.map((p) => p.displayName.slice(2))
  return [
    ...texts.flatMap((t) => [
      { label: `${t} (utf8)`, bytes: Buffer.from(t, 'utf8') },
      { label: `${t} (utf16)`, bytes: Buffer.from(t, 'utf16le') }
    ]),
    // A distinctive piece of each name alone, in case a string is split or truncated.
    ...names.map((n) => ({ label: `${n} (utf8 fragment)`, bytes: Buffer.from(n, 'utf8') }))
  ]
}

function filesUnder(dir: string, depth = 3): string[] {
  const out: string[] = []
  let entries: string[] = []
  try {
    entries = readdirSync(dir)
  } catch {
    return out
  }
  for (const e of entries) {
    const p = join(dir, e)
    let st
    try {
      st = statSync(p)
    } catch {
      continue
    }
    if (st.isDirectory() && depth > 0) out.push(...filesUnder(p, depth - 1))
    else if (st.isFile()) out.push(p)
  }
  return out
}

function leaks(files: string[], withDemo = false): string[] {
  const found: string[] = []
  const all = [...needles(), ...(withDemo ? [...DEMO_STRINGS].flatMap((t) => [{ label: t, bytes: Buffer.from(t, 'utf8') }, { label: `${t} (utf16)`, bytes: Buffer.from(t, 'utf16le') }]) : [])]
  // A needle of 4 bytes (a two-character name in UTF-16) turns up by chance in a few megabytes of
  // ciphertext about once in twenty runs; six bytes or more is one in tens of millions. A real leak of
  // such a name still shows up as its UTF-8 form (six bytes) and with the surrounding record.
  const meaningful = all.filter((n) => n.bytes.length >= 6)
  for (const f of files) {
    const buf = readFileSync(f)
    for (const n of meaningful) if (buf.includes(n.bytes)) found.push(`${f}: ${n.label}`)
  }
  return found
}

beforeAll(() => {
  d = setupDesk()
  for (const p of PEOPLE) session.addUser(d.desk, { displayName: p.displayName, loginName: p.loginName, passphrase: `violet lantern ${tag} river`, role: 'worker' })
  setSetting(d.desk, 'siteContacts', PEOPLE.map((p) => ({ label: p.displayName, phone: p.phone })))
  setSetting(d.desk, 'orgPhone', PEOPLE[0].phone)
  // Case records: the foundation's columns plus any free-text columns the cases feature has added.
  const db = d.desk.db().sqlite
  const cols = (db.prepare(`SELECT name, type FROM pragma_table_info('cases')`).all() as { name: string; type: string }[])
    .filter((c) => /TEXT/i.test(c.type) && /name|phone|address|summary|demand|note|contact|locality/i.test(c.name))
    .map((c) => c.name)
  const now = new Date().toISOString()
  for (let i = 0; i < 20; i++) {
    const extra = cols.map((_, j) => `${CASE_TEXT[j % CASE_TEXT.length]} ${PEOPLE[i % 2].phone}`)
    db.prepare(
      `INSERT INTO cases (case_no, created_at, updated_at${cols.map((c) => `, "${c}"`).join('')}) VALUES (?, ?, ?${cols.map(() => ', ?').join('')})`
    ).run(`1999-${String(900000 + i)}`, now, now, ...extra)
  }
  // Audit details are the other free-form column: make sure one carries a case text too (it should
  // not be written there by features, but if it is, it must still be encrypted).
  d.desk.audit({ action: 'test.encryption', details: { note: CASE_TEXT[0] } })
  // Demo cases (names with rare characters, HK and mainland phones, representatives, interviews),
  // read back from the decrypted database as the strings to look for on disk.
  generateDemo(d.desk, { cases: 150, seed: 11, interviewsPerCase: 2 })
  const demo = db.prepare(`SELECT name, phone FROM cases WHERE name <> '' ORDER BY id DESC LIMIT 60`).all() as { name: string; phone: string }[]
  const reps = db.prepare(`SELECT name, phone FROM case_representatives ORDER BY id DESC LIMIT 20`).all() as { name: string; phone: string }[]
  for (const r of [...demo, ...reps]) {
    if (r.name.length >= 2) DEMO_STRINGS.add(r.name)
    if (r.phone.replace(/\D/g, '').length >= 7) DEMO_STRINGS.add(r.phone)
  }
  key = Buffer.from(d.desk.dbKey())
})
afterAll(() => d.cleanup())

describe('encryption at rest', () => {
  it('the file does not start with the SQLite header', () => {
    const head = readFileSync(dbPath(d.dataDir)).subarray(0, 16)
    expect(head.equals(Buffer.from('SQLite format 3\0', 'latin1'))).toBe(false)
  })

  it('while the desk is open (WAL in use), no personal string is in any file of the data or state folder', () => {
    const files = [...filesUnder(d.dataDir), ...filesUnder(d.desk.stateDir)]
    expect(files.map((f) => f.slice(d.dataDir.length))).toEqual(expect.arrayContaining(['/desk.db', '/keyring.json']))
    expect(files.some((f) => f.endsWith('-wal'))).toBe(true)
    expect(DEMO_STRINGS.size).toBeGreaterThan(50)
    expect(leaks(files, true)).toEqual([])
    // The search itself works: a plaintext copy would be found.
    const probe = join(d.dataDir, '..', 'probe.txt')
    writeFileSync(probe, `x ${PEOPLE[0].displayName} x`)
    expect(leaks([probe]).length).toBeGreaterThan(0)
    rmSync(probe)
  })

  it('after locking, and in new files in the temp folder, no personal string either', () => {
    session.lock(d.desk, 'user')
    const files = [...filesUnder(d.dataDir), ...filesUnder(d.desk.stateDir)]
    expect(leaks(files, true)).toEqual([])
    const tmpFiles = filesUnder(tmpdir(), 2).filter((f) => {
      try {
        return statSync(f).mtimeMs >= started - 1000 && statSync(f).size < 50 * 1024 * 1024
      } catch {
        return false
      }
    })
    expect(leaks(tmpFiles)).toEqual([])
    session.login(d.desk, SUPERVISOR)
  })

  it('an independent SQLCipher 4 (@signalapp/sqlcipher) opens the file with the raw key and reads the records', () => {
    session.lock(d.desk, 'user')
    const db = new SignalDatabase(dbPath(d.dataDir))
    try {
      db.pragma('cipher_log_level = NONE')
      db.pragma(`key = "x'${key.toString('hex')}'"`)
      const users = db.prepare('SELECT display_name FROM users ORDER BY id').all() as { display_name: string }[]
      expect(users.map((u) => u.display_name)).toEqual(expect.arrayContaining(PEOPLE.map((p) => p.displayName)))
      expect(db.pragma('cipher_integrity_check')).toEqual([])
    } finally {
      db.close()
    }
    session.login(d.desk, SUPERVISOR)
  })

  it('the independent SQLCipher refuses a wrong key', () => {
    session.lock(d.desk, 'user')
    const db = new SignalDatabase(dbPath(d.dataDir))
    try {
      db.pragma('cipher_log_level = NONE')
      db.pragma(`key = "x'${randomBytes(32).toString('hex')}'"`)
      expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database/i)
    } finally {
      db.close()
    }
    session.login(d.desk, SUPERVISOR)
  })
})
