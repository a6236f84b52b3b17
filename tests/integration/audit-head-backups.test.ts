import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildTrailer, classify, deriveKek, FOOTER_LEN, footerFields, openManifest, sha256, unwrapBackupKey, type Manifest, type Trailer } from '../../src/main/backup/format'
import { exportBackup, restoreReplace, setBackupPassphrase, verifyBackup } from '../../src/main/backup/service'
import { anchorMac, auditKeyOf, chainHead } from '../../src/main/audit/chain'
import { readKeyring, SCRYPT_TEST, writeKeyring } from '../../src/main/db/keyring'
import { keyHandle } from '../../src/main/db/open'
import * as session from '../../src/main/session/service'
import { runDeskCli } from '../support/cli'
import { setupDesk, SUPERVISOR, tempDir, type TestDesk } from '../support/desk'
import { BACKUP_PASS } from './backup-helpers'

/**
 * Issue #11, MEDIUM 5 (the rest): the audit chain's head is anchored in every backup's manifest, and
 * checked on verify and restore, and compared with the live trail; `desk verify` says a shortened
 * trail in words.
 */
const cleanups: (() => void)[] = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

function deskWithBackupFolder(): { d: TestDesk; folder: string } {
  const d = setupDesk()
  const f = tempDir('desk-bk-')
  cleanups.push(d.cleanup, f.cleanup)
  setBackupPassphrase(d.desk, { passphrase: BACKUP_PASS, understood: true }, SCRYPT_TEST)
  for (let i = 0; i < 4; i++) session.setLocale(d.desk, i % 2 ? 'yue-HK' : 'zh-CN')
  return { d, folder: f.dir }
}

/** Open a backup's manifest with its passphrase, let `edit` change it, and seal it back (the body untouched). */
function resealManifest(file: string, edit: (m: Manifest) => Manifest): void {
  const buf = readFileSync(file)
  const footer = classify(buf.subarray(0, 16), buf.subarray(buf.length - FOOTER_LEN), buf.length)
  const trailer = JSON.parse(buf.subarray(footer.bodyLength, footer.bodyLength + footer.trailerLength).toString('utf8')) as Trailer
  const kek = deriveKek(BACKUP_PASS, trailer.kdf)
  const backupKey = unwrapBackupKey(kek, trailer)
  const next = Buffer.from(JSON.stringify(buildTrailer({ kdf: trailer.kdf, pub: trailer.recipient!.pub, priv: trailer.recipient!.priv }, backupKey, edit(openManifest(backupKey, trailer)))), 'utf8')
  const fields = footerFields(footer.bodyLength, next.length)
  writeFileSync(file, Buffer.concat([buf.subarray(0, footer.bodyLength), next, fields, sha256().update(next).update(fields).digest()]))
}

function manifestOf(file: string): Manifest {
  const buf = readFileSync(file)
  const footer = classify(buf.subarray(0, 16), buf.subarray(buf.length - FOOTER_LEN), buf.length)
  const trailer = JSON.parse(buf.subarray(footer.bodyLength, footer.bodyLength + footer.trailerLength).toString('utf8')) as Trailer
  return openManifest(unwrapBackupKey(deriveKek(BACKUP_PASS, trailer.kdf), trailer), trailer)
}

describe('the audit head in backups and in words', () => {
  it("every backup's manifest anchors the audit chain's head: id, hash and number of events", async () => {
    const { d, folder } = deskWithBackupFolder()
    const before = chainHead(d.desk.db().sqlite)
    const n = (d.desk.db().sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n
    const out = await exportBackup(d.desk, { folder })
    expect(manifestOf(out.file).auditHead).toEqual({ id: before.id, hash: before.hash, count: n })
  })

  it('a backup whose trail is shorter than its manifest anchors is refused on verify and restore, in words', async () => {
    const { d, folder } = deskWithBackupFolder()
    const out = await exportBackup(d.desk, { folder })
    // As if the newest events had been deleted from the copy: the manifest names five more than it holds.
    resealManifest(out.file, (m) => ({ ...m, auditHead: { id: m.auditHead!.id + 5, hash: 'f'.repeat(64), count: m.auditHead!.count + 5 } }))
    await expect(verifyBackup(d.desk, { file: out.file, passphrase: BACKUP_PASS })).rejects.toMatchObject({ code: 'BACKUP_DAMAGED', messageKey: 'supervisor:backup.errors.auditShortened' })
    await expect(restoreReplace(d.desk, { file: out.file, passphrase: BACKUP_PASS, confirm: '覆盖' })).rejects.toMatchObject({ messageKey: 'supervisor:backup.errors.auditShortened' })
    expect(d.desk.isOpen).toBe(true)
  })

  it('verifying a backup after the live trail was shortened (and its keyring anchor rewritten) says so', async () => {
    const { d, folder } = deskWithBackupFolder()
    const out = await exportBackup(d.desk, { folder })
    const ok = await verifyBackup(d.desk, { file: out.file, passphrase: BACKUP_PASS })
    expect(ok.liveTrail).toBe('intact')
    // Someone with the database key deletes the newest events and re-anchors keyring.json with the audit key.
    const db = d.desk.db().sqlite
    const cut = chainHead(db).id - 4
    db.prepare('DELETE FROM audit_events WHERE id > ?').run(cut)
    const head = chainHead(db)
    writeKeyring(d.dataDir, { ...readKeyring(d.dataDir)!, auditHead: { ...head, mac: anchorMac(auditKeyOf(db)!, head) } })
    const v = await verifyBackup(d.desk, { file: out.file, passphrase: BACKUP_PASS })
    expect(v.liveTrail).toBe('shortened')
    expect(v.auditEvents).toBeGreaterThan(cut)
  })

  it('`desk verify` says a shortened trail in words, not only as data', () => {
    const d = setupDesk()
    cleanups.push(d.cleanup)
    for (let i = 0; i < 4; i++) session.setLocale(d.desk, i % 2 ? 'yue-HK' : 'zh-CN')
    session.logout(d.desk)
    const env = { DESK_PASSPHRASE: SUPERVISOR.passphrase, DESK_RECOVERY_KEY: undefined }
    const good = runDeskCli(['verify', '--data-dir', d.dataDir, '--login', SUPERVISOR.loginName], env, 60_000)
    expect(good.out).toMatch(/Audit trail: \d+ events \(\d+ keyed with the audit key\), intact up to the anchored event \d+/)
    session.login(d.desk, SUPERVISOR)
    const key = Buffer.from(d.desk.dbKey())
    session.logout(d.desk)
    const raw = new Database(join(d.dataDir, 'desk.db'))
    keyHandle(raw, key)
    key.fill(0)
    raw.prepare('DELETE FROM audit_events WHERE id > (SELECT max(id) - 3 FROM audit_events)').run()
    raw.close()
    const bad = runDeskCli(['verify', '--data-dir', d.dataDir, '--login', SUPERVISOR.loginName], env, 60_000)
    expect(bad.code).toBe(1)
    expect(bad.out).toMatch(/Audit trail: SHORTENED — the newest events, up to event \d+ anchored in keyring.json, are gone \(\d+ remain\)/)
  })
})
