import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic'

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
  iv: string
  tag: string
  wrapped: string
}

export interface Keyring {
  format: 1
  lookupSalt: string
  slots: KeySlot[]
}

export const KEYRING_FILE = 'keyring.json'

export function keyringPath(dataDir: string): string {
  return join(dataDir, KEYRING_FILE)
}

export function readKeyring(dataDir: string): Keyring | null {
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

function derive(secret: string, salt: Buffer, p: ScryptParams): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, { N: p.N, r: p.r, p: p.p, maxmem: 160 * p.N * p.r + 1024 * 1024 })
}

export function wrapKey(
  dbKey: Buffer,
  secret: string,
  init: { kind: KeySlot['kind']; lookup: string; userId: number | null },
  params: ScryptParams
): KeySlot {
  const salt = randomBytes(16)
  const kek = derive(secret, salt, params)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', kek, iv)
  // The slot's identity is bound to the ciphertext, so a slot cannot be moved to another user.
  cipher.setAAD(Buffer.from(`${init.kind}:${init.userId ?? ''}`))
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()])
  kek.fill(0)
  return {
    id: randomUUID(),
    ...init,
    kdf: { name: 'scrypt', salt: salt.toString('hex'), ...params },
    iv: iv.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
    wrapped: wrapped.toString('hex')
  }
}

/** The database key, or null when the secret is wrong (GCM authentication fails). */
export function unwrapKey(slot: KeySlot, secret: string): Buffer | null {
  const kek = derive(secret, Buffer.from(slot.kdf.salt, 'hex'), slot.kdf)
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'hex'))
    decipher.setAAD(Buffer.from(`${slot.kind}:${slot.userId ?? ''}`))
    decipher.setAuthTag(Buffer.from(slot.tag, 'hex'))
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'hex')), decipher.final()])
  } catch {
    return null
  } finally {
    kek.fill(0)
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
