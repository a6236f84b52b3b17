import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkedParams, gcmOpen, SCRYPT_TEST, unwrapKey, wrapKey } from '../db/keyring'
import { BackupError, deriveKek, newScryptSpec, openChunk, sealChunk } from '../backup/format'

/** Issue #11, LOW: short GCM tags and KDF parameters beyond the caps are refused, wherever they are read. */
describe('GCM tags are 16 bytes; KDF parameters are capped', () => {
  const dbKey = randomBytes(32)
  const slot = wrapKey(dbKey, 'correct horse battery staple', { kind: 'user', lookup: 'a'.repeat(64), userId: 1 }, SCRYPT_TEST)

  it('a key slot whose tags are cut to 4 bytes does not open, though the full slot does', () => {
    expect(unwrapKey(slot, 'correct horse battery staple')?.equals(dbKey)).toBe(true)
    expect(unwrapKey({ ...slot, tag: slot.tag.slice(0, 8) }, 'correct horse battery staple')).toBeNull()
    expect(unwrapKey({ ...slot, priv: { ...slot.priv!, tag: slot.priv!.tag.slice(0, 8) } }, 'correct horse battery staple')).toBeNull()
    const key = randomBytes(32)
    expect(gcmOpen(key, { iv: slot.iv, tag: slot.tag.slice(0, 8), data: slot.wrapped }, Buffer.alloc(0))).toBeNull()
  })

  it("a backup chunk with a 4-byte tag is refused (GCM would accept a truncated tag unless its length is fixed)", () => {
    const key = randomBytes(32)
    const { data, tag } = sealChunk(key, 7, Buffer.from('pages of the database'))
    expect(openChunk(key, 7, data, tag)?.toString()).toBe('pages of the database')
    expect(openChunk(key, 7, data, tag.subarray(0, 4))).toBeNull()
  })

  it('scrypt parameters read from keyring.json above the caps (or below the floors) are refused before any work', () => {
    for (const p of [{ N: 2 ** 21, r: 8, p: 1 }, { N: 2 ** 17, r: 64, p: 1 }, { N: 2 ** 17, r: 8, p: 32 }, { N: 2 ** 8, r: 8, p: 1 }, { N: 3000, r: 8, p: 1 }]) {
      expect(() => checkedParams(p)).toThrow('keyring kdf parameters out of range')
      const started = Date.now()
      expect(unwrapKey({ ...slot, kdf: { ...slot.kdf, ...p } }, 'correct horse battery staple')).toBeNull()
      expect(Date.now() - started).toBeLessThan(5_000)
    }
  })

  it("a backup's scrypt parameters above the caps are refused as damage", () => {
    expect(() => deriveKek('backup passphrase', { ...newScryptSpec(SCRYPT_TEST), N: 2 ** 21 })).toThrow(BackupError)
    expect(() => deriveKek('backup passphrase', { ...newScryptSpec(SCRYPT_TEST), r: 64 })).toThrow(BackupError)
    expect(() => deriveKek('backup passphrase', { ...newScryptSpec(SCRYPT_TEST), p: 17 })).toThrow(BackupError)
  })
})
