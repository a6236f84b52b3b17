import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, scryptSync } from 'node:crypto'

/**
 * The backup file, one self-contained file that restores on any machine:
 *
 *   DB bytes        a SQLCipher v4 database encrypted with a fresh random key K_b (never the live key)
 *   TRAILER         UTF-8 JSON, no personal data: format, versions, created-at, the scrypt salt and
 *                   params, K_b wrapped with AES-256-GCM under scrypt(backup passphrase), and the
 *                   manifest sealed with AES-256-GCM under HKDF(K_b) (the plaintext header is its AAD)
 *   FIELDS          dbLength u64 BE · trailerLength u32 BE · format u32 BE · MAGIC (8 bytes)
 *   HASH            SHA-256 of everything before it (32 bytes)
 *
 * Reading goes from the outside in, so each failure has one meaning: a bad outer hash means the file
 * is damaged (no passphrase can help); a GCM failure on the wrapped key with an intact file means the
 * passphrase is wrong; a sealed manifest that does not open, or pages or content that do not match it,
 * mean damage or tampering. The rule "the last 32 bytes hash the rest, the 8 before are the magic"
 * holds for every future format, so a newer file is recognised as newer, not as damaged.
 */
export const MAGIC = Buffer.from('PDESKBK\n', 'latin1')
export const FORMAT = 1
export const FIELDS_LEN = 8 + 4 + 4 + 8
export const FOOTER_LEN = FIELDS_LEN + 32
const WRAP_AAD = Buffer.from('petition-desk backup v1: data key')
const SQLITE_PLAIN = Buffer.from('SQLite format 3\0', 'latin1')

export interface ScryptSpec {
  name: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
}

export interface Sealed {
  iv: string
  tag: string
  data: string
}

/** The plaintext part. Nothing here identifies a person. */
export interface Trailer {
  format: number
  app: 'petition-desk'
  appVersion: string
  schemaVersion: number
  createdAt: string
  dbLength: number
  kdf: ScryptSpec
  wrap: Sealed
  manifest: Sealed
}

export interface KeyringCopy {
  format: 1
  lookupSalt: string
  slots: unknown[]
}

/** Sealed inside the file: what the backup holds and how to bring it back exactly as it was. */
export interface Manifest {
  appVersion: string
  schemaVersion: number
  createdAt: string
  dbLength: number
  /** The content hash: SHA-256 of the encrypted database bytes, sealed here. */
  dbSha256: string
  /** Rows per table (virtual tables are counted through their shadow tables). */
  tables: Record<string, number>
  /**
   * The live database key and the keyring (key slots wrapped for each user's passphrase and the
   * recovery key). On restore the database is re-encrypted with this key and the keyring written
   * back, so everyone logs in exactly as before. Readable only with the backup passphrase.
   */
  dataKey: string
  keyring: KeyringCopy
}

export type BackupProblem = 'wrongPassphrase' | 'damaged' | 'notBackup' | 'plainDatabase' | 'empty' | 'tooNew'

/** Thrown by the engine (which must not import the IPC layer: it also runs in a worker thread). */
export class BackupError extends Error {
  constructor(
    readonly problem: BackupProblem,
    readonly detail?: string,
    readonly version?: number
  ) {
    super(problem)
    this.name = 'BackupError'
  }
}

/** scrypt parameters are read from the file: cap them so a crafted file cannot exhaust memory. */
const MAX_N = 2 ** 20

export function deriveKek(passphrase: string, spec: ScryptSpec): Buffer {
  if (spec.name !== 'scrypt' || spec.N > MAX_N || spec.r > 32 || spec.p > 16 || spec.N < 2) throw new BackupError('damaged', 'kdf')
  return scryptSync(passphrase.normalize('NFKC'), Buffer.from(spec.salt, 'hex'), 32, {
    N: spec.N,
    r: spec.r,
    p: spec.p,
    maxmem: 160 * spec.N * spec.r + 1024 * 1024
  })
}

export function newScryptSpec(params: { N: number; r: number; p: number }): ScryptSpec {
  return { name: 'scrypt', N: params.N, r: params.r, p: params.p, salt: randomBytes(16).toString('hex') }
}

function seal(key: Buffer, plain: Buffer, aad: Buffer): Sealed {
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', key, iv)
  c.setAAD(aad)
  const data = Buffer.concat([c.update(plain), c.final()])
  return { iv: iv.toString('hex'), tag: c.getAuthTag().toString('hex'), data: data.toString('base64') }
}

function open(key: Buffer, s: Sealed, aad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'hex'))
    d.setAAD(aad)
    d.setAuthTag(Buffer.from(s.tag, 'hex'))
    return Buffer.concat([d.update(Buffer.from(s.data, 'base64')), d.final()])
  } catch {
    return null
  }
}

function manifestKey(backupKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', backupKey, Buffer.alloc(0), 'petition-desk backup v1: manifest', 32))
}

/** The plaintext fields bound to the sealed manifest: change one and the manifest will not open. */
function headerAad(t: Pick<Trailer, 'format' | 'appVersion' | 'schemaVersion' | 'createdAt' | 'dbLength' | 'kdf'>): Buffer {
  return Buffer.from(JSON.stringify([t.format, t.appVersion, t.schemaVersion, t.createdAt, t.dbLength, t.kdf]))
}

export function buildTrailer(kek: Buffer, kdf: ScryptSpec, backupKey: Buffer, m: Manifest): Trailer {
  const head = { format: FORMAT, appVersion: m.appVersion, schemaVersion: m.schemaVersion, createdAt: m.createdAt, dbLength: m.dbLength, kdf }
  return {
    ...head,
    app: 'petition-desk',
    wrap: seal(kek, backupKey, WRAP_AAD),
    manifest: seal(manifestKey(backupKey), Buffer.from(JSON.stringify(m)), headerAad(head))
  }
}

/** The backup key, or a BackupError('wrongPassphrase'). Only called on a file whose outer hash is intact. */
export function unwrapBackupKey(kek: Buffer, t: Trailer): Buffer {
  const key = open(kek, t.wrap, WRAP_AAD)
  if (!key || key.length !== 32) throw new BackupError('wrongPassphrase')
  return key
}

export function openManifest(backupKey: Buffer, t: Trailer): Manifest {
  const plain = open(manifestKey(backupKey), t.manifest, headerAad(t))
  if (!plain) throw new BackupError('damaged', 'manifest')
  const m = JSON.parse(plain.toString('utf8')) as Manifest
  if (m.dbLength !== t.dbLength || m.schemaVersion !== t.schemaVersion || m.createdAt !== t.createdAt) throw new BackupError('damaged', 'manifest')
  return m
}

export function footerFields(dbLength: number, trailerLength: number): Buffer {
  const b = Buffer.alloc(FIELDS_LEN)
  b.writeBigUInt64BE(BigInt(dbLength), 0)
  b.writeUInt32BE(trailerLength, 8)
  b.writeUInt32BE(FORMAT, 12)
  MAGIC.copy(b, 16)
  return b
}

export interface Footer {
  dbLength: number
  trailerLength: number
  format: number
  hash: Buffer
}

/**
 * Look at the first and last bytes only: is this our file at all? Says "empty", "plain database",
 * "not a backup" before anything is hashed. The hash is checked by the caller over the whole file.
 */
export function classify(head: Buffer, tail: Buffer, size: number): Footer {
  if (size === 0) throw new BackupError('empty')
  if (head.subarray(0, SQLITE_PLAIN.length).equals(SQLITE_PLAIN)) throw new BackupError('plainDatabase')
  if (size < FOOTER_LEN + 1 || tail.length < FOOTER_LEN) throw new BackupError('notBackup')
  const fields = tail.subarray(tail.length - FOOTER_LEN, tail.length - 32)
  if (!fields.subarray(16, 24).equals(MAGIC)) throw new BackupError('notBackup')
  const dbLength = Number(fields.readBigUInt64BE(0))
  return { dbLength, trailerLength: fields.readUInt32BE(8), format: fields.readUInt32BE(12), hash: tail.subarray(tail.length - 32) }
}

export function sha256(): ReturnType<typeof createHash> {
  return createHash('sha256')
}
