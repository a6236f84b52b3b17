import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomUUID, scryptSync, sign, timingSafeEqual, verify } from 'node:crypto'
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fsyncDir, writeFileAtomic } from '../fs/atomic'

/**
 * The database is encrypted with one random 256-bit key. That key lives on disk only wrapped:
 * once per user (under a key derived from their passphrase with scrypt) and once for the recovery
 * key, with AES-256-GCM so a wrong secret is detected, never "decrypted" into garbage.
 * Changing a passphrase re-wraps one slot; the database is never re-encrypted.
 *
 * keyring.json holds no name: a slot is found by an HMAC of the login name under a per-install
 * salt, and tells which user row it belongs to only after the database is open.
 */
export interface ScryptParams {
  N: number
  r: number
  p: number
}

/** OWASP Password Storage Cheat Sheet minimum for scrypt: N=2^17, r=8, p=1 (128 MiB). */
export const SCRYPT_DEFAULT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 }
/** Only for tests: the same code path, cheap enough to run hundreds of times. */
export const SCRYPT_TEST: ScryptParams = { N: 2 ** 10, r: 8, p: 1 }

export interface KeySlot {
  id: string
  kind: 'user' | 'recovery'
  /** HMAC-SHA256(lookupSalt, normalised login name); empty for the recovery slot. */
  lookup: string
  userId: number | null
  kdf: { name: 'scrypt'; salt: string } & ScryptParams
  /**
   * Version 2 slots hold an X25519 key pair: `priv` is the private key sealed under the key derived
   * from the secret, and the database key is wrapped to `pub` (with the ephemeral `epk`). So the
   * database key can be re-wrapped for every slot without anyone's passphrase (key rotation), while
   * only the secret opens a slot. Version 1 (no `v`): the database key wrapped directly under the
   * derived key; upgraded at the next login.
   */
  v?: 2
  pub?: string
  priv?: { iv: string; tag: string; data: string }
  epk?: string
  iv: string
  tag: string
  wrapped: string
  /** The account's role when the slot was signed ('supervisor', 'worker', …); absent on the recovery slot. */
  role?: string
  /** Ed25519 signature by the keyring authority over slotStatement(); see below. */
  sig?: string
  /** The authority's private key sealed to `pub` (supervisors' slots and the recovery slot). */
  grant?: { epk: string; iv: string; tag: string; data: string }
}

export interface Keyring {
  format: 1
  lookupSalt: string
  slots: KeySlot[]
  /** The audit key (audit/chain.ts), sealed under a key derived from the database key; never in the database. */
  audit?: { iv: string; tag: string; data: string }
  /** The audit chain's newest event when the desk last closed, MACed under the audit key: deleting rows cannot reach it. */
  auditHead?: { id: number; hash: string; mac: string }
  /** The keyring authority's public key: every slot is signed by it (see slotStatement). */
  authority?: Authority
  /** Failed logins not yet in the audit trail (kept here, not in throttle.json, so deleting that file does not drop them). */
  pendingFailures?: { at: string; kind: string }[]
}

export const KEYRING_FILE = 'keyring.json'

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE)
}

/** Where a key rotation stages its files (session/rekey.ts): beside the live ones, in the data folder. */
export function rekeyPaths(dataDir: string) {
  const db = join(dataDir, 'desk.db')
  return { db, staged: `${db}.rekey`, tmp: `${db}.rekey.tmp`, ring: keyringPath(dataDir), nextRing: join(dataDir, 'keyring.next.json') }
}

let rekeyInProgress = false
export function setRekeyInProgress(on: boolean): void {
  rekeyInProgress = on
}

/**
 * Bring the data folder to one consistent pair after a key rotation was interrupted (see
 * session/rekey.ts). `keyring.next.json` with `desk.db.rekey` still there: the swap never happened,
 * both are removed and the old pair stays. `keyring.next.json` alone: the re-encrypted database is in
 * place, so its keyring goes in place too. Idempotent; run before every keyring read.
 */
export function finishPendingRekey(dataDir: string): 'none' | 'rolledBack' | 'finished' {
  if (rekeyInProgress) return 'none'
  const p = rekeyPaths(dataDir)
  if (!existsSync(p.nextRing) && !existsSync(p.staged) && !existsSync(p.tmp)) return 'none'
  for (const f of [p.tmp, `${p.tmp}-journal`, `${p.tmp}-wal`, `${p.tmp}-shm`]) rmSync(f, { force: true })
  if (!existsSync(p.nextRing)) {
    rmSync(p.staged, { force: true })
    return 'none'
  }
  if (existsSync(p.staged)) {
    rmSync(p.nextRing, { force: true })
    rmSync(p.staged, { force: true })
    fsyncDir(dataDir)
    return 'rolledBack'
  }
  renameSync(p.nextRing, p.ring)
  fsyncDir(dataDir)
  return 'finished'
}

export function readKeyring(dataDir: string): Keyring | null {
  finishPendingRekey(dataDir)
  const file = keyringPath(dataDir)
  if (!existsSync(file)) return null
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Keyring
  if (parsed.format !== 1 || !Array.isArray(parsed.slots)) throw new Error('keyring format')
  return parsed
}

export function writeKeyring(dataDir: string, ring: Keyring): void {
  writeFileAtomic(keyringPath(dataDir), JSON.stringify(ring, null, 1))
}

export function newKeyring(): Keyring {
  return { format: 1, lookupSalt: randomBytes(16).toString('hex'), slots: [] }
}

export function normaliseLoginName(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase()
}

export function lookupFor(ring: Keyring, loginName: string): string {
  return createHmac('sha256', Buffer.from(ring.lookupSalt, 'hex')).update(normaliseLoginName(loginName)).digest('hex')
}

/** scrypt parameters are read from keyring.json: floored and capped, so an edited file can neither weaken nor exhaust. */
export function checkedParams(p: ScryptParams): ScryptParams {
  const ok = Number.isSafeInteger(p.N) && Number.isSafeInteger(p.r) && Number.isSafeInteger(p.p) &&
    p.N >= 2 ** 10 && p.N <= 2 ** 20 && (p.N & (p.N - 1)) === 0 && p.r >= 8 && p.r <= 32 && p.p >= 1 && p.p <= 16
  if (!ok) throw new Error('keyring kdf parameters out of range')
  return p
}

function derive(secret: string, salt: Buffer, p: ScryptParams): Buffer {
  checkedParams(p)
  return scryptSync(secret.normalize('NFKC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 160 * p.N * p.r + 1024 * 1024 })
}

const TAG = 16

function gcmSeal(key: Buffer, plain: Buffer, aad: Buffer): { iv: string; tag: string; data: string } {
  const iv = randomBytes(12)
  const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG })
  c.setAAD(aad)
  const data = Buffer.concat([c.update(plain), c.final()])
  return { iv: iv.toString('hex'), tag: c.getAuthTag().toString('hex'), data: data.toString('hex') }
}

/** The plaintext, or null when it does not authenticate. A tag of any length but 16 bytes is refused. */
export function gcmOpen(key: Buffer, s: { iv: string; tag: string; data: string }, aad: Buffer): Buffer | null {
  try {
    const tag = Buffer.from(s.tag, 'hex')
    if (tag.length !== TAG) return null
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(s.iv, 'hex'), { authTagLength: TAG })
    d.setAAD(aad)
    d.setAuthTag(tag)
    return Buffer.concat([d.update(Buffer.from(s.data, 'hex')), d.final()])
  } catch {
    return null
  }
}

function slotAad(s: { kind: KeySlot['kind']; userId: number | null }): Buffer {
  // The slot's identity is bound to the ciphertext, so a slot cannot be moved to another user.
  return Buffer.from(`${s.kind}:${s.userId ?? ''}`)
}

const PRIV_AAD = 'petition-desk slot v2: private key'

function wrapTo(pub: string, dbKey: Buffer, aad: Buffer): Pick<KeySlot, 'epk' | 'iv' | 'tag' | 'wrapped'> {
  const eph = generateKeyPairSync('x25519')
  const epk = eph.publicKey.export({ format: 'der', type: 'spki' }).toString('hex')
  const k = slotWrapKey(diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey({ key: Buffer.from(pub, 'hex'), format: 'der', type: 'spki' }) }), epk, pub)
  const sealed = gcmSeal(k, dbKey, aad)
  k.fill(0)
  return { epk, iv: sealed.iv, tag: sealed.tag, wrapped: sealed.data }
}

function slotWrapKey(shared: Buffer, epk: string, pub: string): Buffer {
  const k = Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${epk}:${pub}`), 'petition-desk slot v2: database key', 32))
  shared.fill(0)
  return k
}

export function wrapKey(
  dbKey: Buffer,
  secret: string,
  init: { kind: KeySlot['kind']; lookup: string; userId: number | null },
  params: ScryptParams,
  id: string = randomUUID()
): KeySlot {
  const salt = randomBytes(16)
  const kek = derive(secret, salt, params)
  const pair = generateKeyPairSync('x25519')
  const pub = pair.publicKey.export({ format: 'der', type: 'spki' }).toString('hex')
  const der = pair.privateKey.export({ format: 'der', type: 'pkcs8' })
  const priv = gcmSeal(kek, der, Buffer.from(`${PRIV_AAD}:${init.kind}:${init.userId ?? ''}`))
  der.fill(0)
  kek.fill(0)
  return {
    id,
    ...init,
    kdf: { name: 'scrypt', salt: salt.toString('hex'), ...params },
    v: 2,
    pub,
    priv,
    ...wrapTo(pub, dbKey, slotAad(init))
  }
}

/**
 * The same slot (same secret, same id) wrapping another database key: key rotation. Needs no
 * secret. Only version 2 slots can; null for a version 1 slot (its owner has not logged in since).
 */
export function rewrapSlot(slot: KeySlot, newDbKey: Buffer): KeySlot | null {
  if (slot.v !== 2 || !slot.pub) return null
  return { ...slot, ...wrapTo(slot.pub, newDbKey, slotAad(slot)) }
}

/** The database key, or null when the secret is wrong (GCM authentication fails). */
export function unwrapKey(slot: KeySlot, secret: string): Buffer | null {
  const opened = openSlot(slot, secret)
  opened?.authority?.fill(0)
  return opened?.dbKey ?? null
}

/**
 * Open a slot with its secret: the database key and, when the slot holds a grant, the keyring
 * authority's private key (PKCS#8 DER; the caller checks it against keyring.json and zeroes it).
 * Null when the secret is wrong.
 */
export function openSlot(slot: KeySlot, secret: string): { dbKey: Buffer; authority: Buffer | null } | null {
  let kek: Buffer
  try {
    kek = derive(secret, Buffer.from(slot.kdf.salt, 'hex'), slot.kdf)
  } catch {
    return null
  }
  try {
    if (slot.v !== 2) {
      const dbKey = gcmOpen(kek, { iv: slot.iv, tag: slot.tag, data: slot.wrapped }, slotAad(slot))
      return dbKey ? { dbKey, authority: null } : null
    }
    if (!slot.priv || !slot.pub || !slot.epk) return null
    const der = gcmOpen(kek, slot.priv, Buffer.from(`${PRIV_AAD}:${slot.kind}:${slot.userId ?? ''}`))
    if (!der) return null
    try {
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      const dbKey = unwrapFrom(privateKey, slot.pub, { epk: slot.epk, iv: slot.iv, tag: slot.tag, data: slot.wrapped }, slotAad(slot))
      if (!dbKey) return null
      const authority = slot.grant ? unwrapFrom(privateKey, slot.pub, slot.grant, Buffer.from(`${GRANT_AAD}:${slot.kind}:${slot.userId ?? ''}`)) : null
      return { dbKey, authority }
    } catch {
      return null
    } finally {
      der.fill(0)
    }
  } finally {
    kek.fill(0)
  }
}

function unwrapFrom(privateKey: ReturnType<typeof createPrivateKey>, pub: string, w: { epk: string; iv: string; tag: string; data: string }, aad: Buffer): Buffer | null {
  try {
    const k = slotWrapKey(diffieHellman({ privateKey, publicKey: createPublicKey({ key: Buffer.from(w.epk, 'hex'), format: 'der', type: 'spki' }) }), w.epk, pub)
    try {
      return gcmOpen(k, w, aad)
    } finally {
      k.fill(0)
    }
  } catch {
    return null
  }
}

/**
 * The same key pair under a new secret (changing one's own passphrase): the public key, the wrapped
 * database key, the grant and the signature stay as they are, so nobody else has to sign anything.
 * Null for a version 1 slot or a wrong current secret.
 */
export function resealSlot(slot: KeySlot, current: string, next: string, params: ScryptParams, id: string = randomUUID()): KeySlot | null {
  if (slot.v !== 2 || !slot.priv) return null
  let kek: Buffer
  try {
    kek = derive(current, Buffer.from(slot.kdf.salt, 'hex'), slot.kdf)
  } catch {
    return null
  }
  const aad = Buffer.from(`${PRIV_AAD}:${slot.kind}:${slot.userId ?? ''}`)
  const der = gcmOpen(kek, slot.priv, aad)
  kek.fill(0)
  if (!der) return null
  const salt = randomBytes(16)
  const nextKek = derive(next, salt, params)
  try {
    return { ...slot, id, kdf: { name: 'scrypt', salt: salt.toString('hex'), ...params }, priv: gcmSeal(nextKek, der, aad) }
  } finally {
    nextKek.fill(0)
    der.fill(0)
  }
}

function auditWrapKey(dbKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'petition-desk keyring: audit key', 32))
}
const AUDIT_AAD = Buffer.from('petition-desk audit key')

/** The audit key sealed for this database key. */
export function sealAuditKey(auditKey: Buffer, dbKey: Buffer): NonNullable<Keyring['audit']> {
  const k = auditWrapKey(dbKey)
  try {
    return gcmSeal(k, auditKey, AUDIT_AAD)
  } finally {
    k.fill(0)
  }
}

/** The audit key, or null when the keyring has none (an older desk) or it does not open with this key. */
export function openAuditKey(ring: Keyring, dbKey: Buffer): Buffer | null {
  if (!ring.audit) return null
  const k = auditWrapKey(dbKey)
  try {
    const key = gcmOpen(k, ring.audit, AUDIT_AAD)
    return key && key.length === 32 ? key : null
  } finally {
    k.fill(0)
  }
}

export function findUserSlot(ring: Keyring, loginName: string): KeySlot | undefined {
  const lookup = Buffer.from(lookupFor(ring, loginName), 'hex')
  return ring.slots.find(
    (s) => s.kind === 'user' && s.lookup.length === 64 && timingSafeEqual(Buffer.from(s.lookup, 'hex'), lookup)
  )
}

/** A recovery key: 160 random bits as 8 groups of 4 Crockford base32 characters. */
export function newRecoveryKey(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
  const bytes = randomBytes(20)
  let bits = 0
  let value = 0
  let out = ''
  for (const b of bytes) {
    value = (value << 8) | b
    bits += 8
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out.match(/.{4}/g)!.join('-')
}

/** Accept the recovery key as people type it back: any case, spaces or dashes, O for 0, I/L for 1. */
export function normaliseRecoveryKey(input: string): string {
  const clean = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  return clean.match(/.{1,4}/g)?.join('-') ?? ''
}

// ───────────────────────── the keyring authority: slots bound to role and identity ─────────────────────────

/**
 * Each slot carries a signature (Ed25519) over its kind, user id, login lookup, role and public key,
 * made with the **keyring authority**: a private key that only supervisors (and the recovery key)
 * can open, because it is sealed to their own slots' X25519 public keys (`grant`) and so needs their
 * passphrase. The authority's public key is in keyring.json and pinned in the database. A worker who
 * has the database key can wrap it under a passphrase of their choosing, but cannot sign the slot:
 * login and `desk verify` check every slot against the authority before anyone is let in.
 */
export interface Authority {
  /** Ed25519 public key, DER (spki), hex. */
  pub: string
}

const GRANT_AAD = 'petition-desk keyring authority grant'
const STATEMENT = 'petition-desk slot statement v1'

/** What a slot's signature covers: who the slot is for, in which role, and its public key (v1: its wrapped key). */
export function slotStatement(s: Pick<KeySlot, 'kind' | 'userId' | 'lookup' | 'role' | 'v' | 'pub' | 'wrapped'>): Buffer {
  return Buffer.from(JSON.stringify([STATEMENT, s.kind, s.userId ?? null, s.lookup, s.role ?? null, s.v === 2 ? `pub:${s.pub ?? ''}` : `wrapped:${s.wrapped}`]))
}

/** A new authority: the public half for keyring.json, the private half (PKCS#8 DER) to be sealed and zeroed. */
export function newAuthority(): { authority: Authority; secret: Buffer } {
  const pair = generateKeyPairSync('ed25519')
  return {
    authority: { pub: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('hex') },
    secret: pair.privateKey.export({ format: 'der', type: 'pkcs8' })
  }
}

/** The public key (hex) of an authority's private half, or null when it is not an Ed25519 key. */
export function authorityPubOf(secret: Buffer): string | null {
  try {
    const key = createPrivateKey({ key: secret, format: 'der', type: 'pkcs8' })
    if (key.asymmetricKeyType !== 'ed25519') return null
    return createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('hex')
  } catch {
    return null
  }
}

/** The slot with its signature under the authority. */
export function signSlot<S extends KeySlot>(slot: S, secret: Buffer): S {
  const { sig: _old, ...rest } = slot
  const sig = sign(null, slotStatement(rest), createPrivateKey({ key: secret, format: 'der', type: 'pkcs8' })).toString('hex')
  return { ...rest, sig } as S
}

/** Whether the slot is signed by the keyring's authority (false when either is missing). */
export function slotSigned(ring: Keyring, slot: KeySlot): boolean {
  if (!ring.authority || typeof slot.sig !== 'string' || !/^[0-9a-f]{128}$/.test(slot.sig)) return false
  try {
    const pub = createPublicKey({ key: Buffer.from(ring.authority.pub, 'hex'), format: 'der', type: 'spki' })
    return verify(null, slotStatement(slot), pub, Buffer.from(slot.sig, 'hex'))
  } catch {
    return false
  }
}

/** The authority sealed to a version 2 slot's public key: only that slot's secret opens it. Null for a version 1 slot. */
export function grantTo<S extends KeySlot>(slot: S, secret: Buffer): S {
  if (slot.v !== 2 || !slot.pub) return slot
  const w = wrapTo(slot.pub, secret, Buffer.from(`${GRANT_AAD}:${slot.kind}:${slot.userId ?? ''}`))
  return { ...slot, grant: { epk: w.epk!, iv: w.iv, tag: w.tag, data: w.wrapped } }
}

export function withoutGrant<S extends KeySlot>(slot: S): S {
  const { grant: _g, ...rest } = slot
  return rest as S
}

/** The roles whose slots hold the authority: supervisors (the recovery slot always does). */
export function holdsAuthority(role: string | null | undefined): boolean {
  return role === 'supervisor'
}
