import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, scryptSync } from 'node:crypto'

/**
 * The backup file, one self-contained file that restores on any machine (format 2):
 *
 *   BODY            the live database's own SQLCipher bytes in two sections, its WAL and then its
 *                   main file, each cut into 64 KiB chunks and each chunk sealed with AES-256-GCM
 *                   under HKDF(K_b), where K_b is a fresh random key. A chunk's nonce is its index
 *                   in the body, so chunks cannot be moved or swapped; every chunk but a section's
 *                   last is full, so each has a fixed place (and two threads can seal at once)
 *   TRAILER         UTF-8 JSON, no personal data: format, versions, created-at, the plaintext lengths,
 *                   the backup recipient (an X25519 public key, and its private key sealed with
 *                   AES-256-GCM under scrypt(backup passphrase) with the scrypt salt and params), an
 *                   ephemeral X25519 public key, K_b wrapped under HKDF(ECDH(ephemeral, recipient)),
 *                   and the manifest sealed under HKDF(K_b) (the plaintext header is its AAD)
 *   FIELDS          bodyLength u64 BE · trailerLength u32 BE · format u32 BE · MAGIC (8 bytes)
 *   HASH            SHA-256 of TRAILER and FIELDS (32 bytes)
 *
 * Two locks, two keys: the pages stay encrypted with the desk's data key, and the body is encrypted
 * again with K_b. So a login passphrase (or a leaked data key) alone opens nothing, while the backup
 * passphrase alone restores everywhere: the manifest carries the data key and the keyring.
 * The desk keeps only the recipient (public key + sealed private key) in its database: it can seal a
 * backup without anyone typing, but opening one needs the private key, so the backup passphrase. Who
 * holds the data key or every login passphrase has the sealed private key and nothing to open it with. Nothing is
 * re-encrypted page by page inside SQLite, which is why export runs at close to copying speed.
 *
 * Reading goes from the outside in, so each failure has one meaning: a bad hash means the trailer
 * or fields are damaged (no passphrase can help); a GCM failure on the wrapped key with an intact
 * trailer means the passphrase is wrong; a manifest or a chunk that does not open, or pages that do
 * not match the manifest, mean damage or tampering. (The body can only be checked with the key, so
 * a file damaged in its body and opened with a wrong passphrase is first reported as the latter.)
 * The rule "the last 32 bytes hash what the fields say is the trailer and the fields, the 8 before
 * are the magic" holds for every later format, so a newer file is recognised as newer, not as
 * damaged.
 */
export const MAGIC = Buffer.from('PDESKBK\n', 'latin1')
export const FORMAT = 3
/** Format 2 (K_b wrapped directly under scrypt(backup passphrase)) is still read. */
export const OLDEST_FORMAT = 2
/** Plaintext bytes per sealed chunk: small enough to stay in cache, large enough that tags cost nothing (0.02 %). */
export const CHUNK = 64 * 1024
export const TAG_LEN = 16
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
  walLength: number
  chunk: number
  kdf: ScryptSpec
  /** Format 3: the recipient whose private key the backup passphrase opens, and the ephemeral key. */
  recipient?: { pub: string; priv: Sealed }
  epk?: string
  wrap: Sealed
  manifest: Sealed
}

/**
 * What the desk stores to seal backups: a public key, and the private key sealed under
 * scrypt(backup passphrase). Nothing here opens a backup without the passphrase.
 */
export interface BackupRecipient {
  kdf: ScryptSpec
  pub: string
  priv: Sealed
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
  /** Bytes of the database file and of its write-ahead log in the body (SQLite replays the log on open). */
  dbLength: number
  walLength: number
  /** The content hash: SHA-256 of every chunk's GCM tag in order; each tag authenticates its chunk. */
  contentHash: string
  /** Rows per table (virtual tables are counted through their shadow tables). */
  tables: Record<string, number>
  /**
   * The live database key (the pages in the body are encrypted with it) and the keyring (key slots
   * wrapped for each user's passphrase and the recovery key). On restore the pages are written back
   * as they were and the keyring beside them, so everyone logs in exactly as before. Readable only
   * with the backup passphrase.
   */
  dataKey: string
  keyring: KeyringCopy
  /**
   * The audit chain's newest event at the backup's moment (id and hash) and how many events there
   * were: a restored or verified copy must reach it, and the live trail is compared with it, so
   * deleting the newest events cannot go unnoticed while a backup from after them exists.
   * Absent in backups from before this version (and in a database without a trail).
   */
  auditHead?: { id: number; hash: string; count: number }
}

export type BackupProblem = 'wrongPassphrase' | 'damaged' | 'notBackup' | 'plainDatabase' | 'empty' | 'tooNew' | 'auditShortened'

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
  const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN })
  c.setAAD(aad)
  const data = Buffer.concat([c.update(plain), c.final()])
  return { iv: iv.toString('hex'), tag: c.getAuthTag().toString('hex'), data: data.toString('base64') }
}

function open(key: Buffer, s: Sealed, aad: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'hex'), { authTagLength: TAG_LEN })
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

/** The key the body's chunks are sealed with. */
export function contentKey(backupKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', backupKey, Buffer.alloc(0), 'petition-desk backup v2: content', 32))
}

const CHUNK_AAD = Buffer.from('petition-desk backup v2: chunk')

/** The nonce of chunk i: unique under a key that is used for one backup only. */
function chunkNonce(index: number): Buffer {
  const iv = Buffer.alloc(12)
  iv.writeBigUInt64BE(BigInt(index), 4)
  return iv
}

export function sealChunk(key: Buffer, index: number, plain: Buffer): { data: Buffer; tag: Buffer } {
  const c = createCipheriv('aes-256-gcm', key, chunkNonce(index), { authTagLength: TAG_LEN })
  c.setAAD(CHUNK_AAD)
  const data = c.update(plain)
  c.final()
  return { data, tag: c.getAuthTag() }
}

/** The chunk's plaintext, or null when it does not authenticate (damaged, moved, or from another file). */
export function openChunk(key: Buffer, index: number, data: Buffer, tag: Buffer): Buffer | null {
  try {
    const d = createDecipheriv('aes-256-gcm', key, chunkNonce(index), { authTagLength: TAG_LEN })
    d.setAAD(CHUNK_AAD)
    d.setAuthTag(tag)
    const plain = d.update(data)
    d.final()
    return plain
  } catch {
    return null
  }
}

/** The body's length for a plaintext of n bytes. */
export function bodyLengthFor(n: number, chunk = CHUNK): number {
  return n + Math.ceil(n / chunk) * TAG_LEN
}

/** The plaintext fields bound to the sealed manifest: change one and the manifest will not open. */
function headerAad(t: Pick<Trailer, 'format' | 'appVersion' | 'schemaVersion' | 'createdAt' | 'dbLength' | 'walLength' | 'chunk' | 'kdf' | 'recipient' | 'epk'>): Buffer {
  const base: unknown[] = [t.format, t.appVersion, t.schemaVersion, t.createdAt, t.dbLength, t.walLength, t.chunk, t.kdf]
  if (t.format >= 3) base.push(t.recipient?.pub ?? '', t.epk ?? '')
  return Buffer.from(JSON.stringify(base))
}

const PRIV_AAD = Buffer.from('petition-desk backup v3: recipient private key')
const WRAP_AAD3 = Buffer.from('petition-desk backup v3: data key')

function derToPublic(hex: string) {
  return createPublicKey({ key: Buffer.from(hex, 'hex'), format: 'der', type: 'spki' })
}

/**
 * A new backup recipient for a backup passphrase (set or changed by a supervisor). Only the sealed
 * private key is kept; the passphrase and the key derived from it are dropped.
 */
export function newRecipient(passphrase: string, kdf: ScryptSpec): BackupRecipient {
  const { publicKey, privateKey } = generateKeyPairSync('x25519')
  const kek = deriveKek(passphrase, kdf)
  const der = privateKey.export({ format: 'der', type: 'pkcs8' })
  try {
    return { kdf, pub: publicKey.export({ format: 'der', type: 'spki' }).toString('hex'), priv: seal(kek, der, PRIV_AAD) }
  } finally {
    kek.fill(0)
    der.fill(0)
  }
}

/** The key that wraps K_b: HKDF over the X25519 shared secret, bound to both public keys. */
function wrapKeyFor(shared: Buffer, epk: string, pub: string): Buffer {
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${epk}:${pub}`), 'petition-desk backup v3: wrap', 32))
  shared.fill(0)
  return key
}

export function buildTrailer(recipient: BackupRecipient, backupKey: Buffer, m: Manifest): Trailer {
  const eph = generateKeyPairSync('x25519')
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' }).toString('hex')
  const wrapKey = wrapKeyFor(diffieHellman({ privateKey: eph.privateKey, publicKey: derToPublic(recipient.pub) }), epk, recipient.pub)
  const head = {
    format: FORMAT,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    createdAt: m.createdAt,
    dbLength: m.dbLength,
    walLength: m.walLength,
    chunk: CHUNK,
    kdf: recipient.kdf,
    recipient: { pub: recipient.pub, priv: recipient.priv },
    epk
  }
  try {
    return {
      ...head,
      app: 'petition-desk',
      wrap: seal(wrapKey, backupKey, WRAP_AAD3),
      manifest: seal(manifestKey(backupKey), Buffer.from(JSON.stringify(m)), headerAad(head))
    }
  } finally {
    wrapKey.fill(0)
  }
}

/** The backup key, or a BackupError('wrongPassphrase'). Only called once the hash over the trailer holds. */
export function unwrapBackupKey(kek: Buffer, t: Trailer): Buffer {
  if (t.format < 3) {
    const key = open(kek, t.wrap, WRAP_AAD)
    if (!key || key.length !== 32) throw new BackupError('wrongPassphrase')
    return key
  }
  if (!t.recipient || typeof t.epk !== 'string') throw new BackupError('damaged', 'recipient')
  const der = open(kek, t.recipient.priv, PRIV_AAD)
  if (!der) throw new BackupError('wrongPassphrase')
  let wrapKey: Buffer
  try {
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
    wrapKey = wrapKeyFor(diffieHellman({ privateKey, publicKey: derToPublic(t.epk) }), t.epk, t.recipient.pub)
  } catch {
    throw new BackupError('damaged', 'recipient')
  } finally {
    der.fill(0)
  }
  const key = open(wrapKey, t.wrap, WRAP_AAD3)
  wrapKey.fill(0)
  // The passphrase opened the recipient's private key: a wrap that does not open is damage, not a wrong passphrase.
  if (!key || key.length !== 32) throw new BackupError('damaged', 'wrap')
  return key
}

export function openManifest(backupKey: Buffer, t: Trailer): Manifest {
  const plain = open(manifestKey(backupKey), t.manifest, headerAad(t))
  if (!plain) throw new BackupError('damaged', 'manifest')
  const m = JSON.parse(plain.toString('utf8')) as Manifest
  if (m.dbLength !== t.dbLength || m.walLength !== t.walLength || m.schemaVersion !== t.schemaVersion || m.createdAt !== t.createdAt) throw new BackupError('damaged', 'manifest')
  return m
}

export function footerFields(bodyLength: number, trailerLength: number, format = FORMAT): Buffer {
  const b = Buffer.alloc(FIELDS_LEN)
  b.writeBigUInt64BE(BigInt(bodyLength), 0)
  b.writeUInt32BE(trailerLength, 8)
  b.writeUInt32BE(format, 12)
  MAGIC.copy(b, 16)
  return b
}

export interface Footer {
  bodyLength: number
  trailerLength: number
  format: number
  hash: Buffer
}

/**
 * Look at the first and last bytes only: is this our file at all? Says "empty", "plain database",
 * "not a backup" before anything is hashed. The caller checks the hash over the trailer and fields.
 */
export function classify(head: Buffer, tail: Buffer, size: number): Footer {
  if (size === 0) throw new BackupError('empty')
  if (head.subarray(0, SQLITE_PLAIN.length).equals(SQLITE_PLAIN)) throw new BackupError('plainDatabase')
  if (size < FOOTER_LEN + 1 || tail.length < FOOTER_LEN) throw new BackupError('notBackup')
  const fields = tail.subarray(tail.length - FOOTER_LEN, tail.length - 32)
  if (!fields.subarray(16, 24).equals(MAGIC)) throw new BackupError('notBackup')
  const bodyLength = Number(fields.readBigUInt64BE(0))
  return { bodyLength, trailerLength: fields.readUInt32BE(8), format: fields.readUInt32BE(12), hash: tail.subarray(tail.length - 32) }
}

export function sha256(): ReturnType<typeof createHash> {
  return createHash('sha256')
}
