import { createCipheriv, createDecipheriv, createHmac, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto'
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
}

export interface Keyring {
  format: 1
  lookupSalt: string
  slots: KeySlot[]
  /** The audit key (audit/chain.ts), sealed under a key derived from the database key; never in the database. */
  audit?: { iv: string; tag: string; data: string }
  /** The audit chain's newest event when the desk last closed, MACed under the audit key: deleting rows cannot reach it. */
  auditHead?: { id: number; hash: string; mac: string }
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
  let kek: Buffer
  try {
    kek = derive(secret, Buffer.from(slot.kdf.salt, 'hex'), slot.kdf)
  } catch {
    return null
  }
  try {
    if (slot.v !== 2) return gcmOpen(kek, { iv: slot.iv, tag: slot.tag, data: slot.wrapped }, slotAad(slot))
    if (!slot.priv || !slot.pub || !slot.epk) return null
    const der = gcmOpen(kek, slot.priv, Buffer.from(`${PRIV_AAD}:${slot.kind}:${slot.userId ?? ''}`))
    if (!der) return null
    try {
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })
      const k = slotWrapKey(diffieHellman({ privateKey, publicKey: createPublicKey({ key: Buffer.from(slot.epk, 'hex'), format: 'der', type: 'spki' }) }), slot.epk, slot.pub)
      const key = gcmOpen(k, { iv: slot.iv, tag: slot.tag, data: slot.wrapped }, slotAad(slot))
      k.fill(0)
      return key
    } catch {
      return null
    } finally {
      der.fill(0)
    }
  } finally {
    kek.fill(0)
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
