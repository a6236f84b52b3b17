import type Database from 'better-sqlite3'
import { eq } from 'drizzle-orm'
import { fail } from '@shared/ipc/result'
import { settings, users } from '../db/schema'
import { ormOf, type Orm } from '../db/open'
import type { Desk } from '../desk/desk'
import {
  authorityPubOf,
  grantTo,
  holdsAuthority,
  lookupFor,
  newAuthority,
  signSlot,
  slotSigned,
  withoutGrant,
  writeKeyring,
  type Keyring,
  type KeySlot
} from '../db/keyring'

/**
 * Key slots bound to role and identity (issue #11, MEDIUM 6). keyring.ts signs and checks; this
 * module decides, with the database in hand, whether a slot may be used and keeps the signatures in
 * step with the accounts: every slot's role and login must be the ones the database records, signed
 * by the keyring authority whose public key is also pinned in the database.
 */
export type SlotProblem = 'signature' | 'role' | 'identity' | 'authority'

/** The settings key under which the database pins the authority's public key. */
export const AUTHORITY_PIN = 'keyring.authority'

/** drizzle over a raw handle (one per handle): db/open's, re-exported for the CLI. */
export { ormOf }

export function readPin(orm: Orm): string | null {
  const row = orm.select({ value: settings.value }).from(settings).where(eq(settings.key, AUTHORITY_PIN)).get()
  if (!row) return null
  try {
    const v: unknown = JSON.parse(row.value)
    return typeof v === 'string' ? v : null
  } catch {
    return null
  }
}

export function pinAuthority(orm: Orm, pub: string, at: string, by: number | null): void {
  orm
    .insert(settings)
    .values({ key: AUTHORITY_PIN, value: JSON.stringify(pub), updatedAt: at, updatedBy: by })
    .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(pub), updatedAt: at, updatedBy: by } })
    .run()
}

/**
 * What is wrong with using this slot, or null. `opened` is the authority the slot's grant yielded
 * (when it has one). A keyring from before signing (no authority, none pinned) is accepted as it is.
 */
export function slotProblem(ring: Keyring, slot: KeySlot, orm: Orm, opened: Buffer | null = null): SlotProblem | null {
  const pin = readPin(orm)
  if (!ring.authority) return pin ? 'authority' : null
  if (pin !== ring.authority.pub) return 'authority'
  if (!slotSigned(ring, slot)) return 'signature'
  if (opened && authorityPubOf(opened) !== ring.authority.pub) return 'authority'
  if (slot.kind === 'recovery') return slot.userId == null && slot.role === undefined ? null : 'identity'
  if (slot.userId == null) return 'identity'
  const row = orm.select({ loginName: users.loginName, role: users.role }).from(users).where(eq(users.id, slot.userId)).get()
  if (!row || lookupFor(ring, row.loginName) !== slot.lookup) return 'identity'
  if (row.role !== slot.role) return 'role'
  return null
}

/** Every slot's problem, for `desk verify`, in words. */
export function keyringSignatureProblems(ring: Keyring, db: Database.Database): string[] {
  const orm = ormOf(db)
  const pin = readPin(orm)
  if (!ring.authority) return pin ? ['keyring.json has lost its signing key (the database says the slots are signed): it was replaced or edited'] : []
  if (pin !== ring.authority.pub) return ['the signing key in keyring.json is not the one the database pins: keyring.json was replaced or edited']
  const words: Record<SlotProblem, string> = {
    signature: 'is not signed by the keyring authority (forged or edited)',
    role: 'is signed for another role than the account has in the database',
    identity: 'is signed for another account or login name',
    authority: 'carries a signing key other than the keyring’s'
  }
  const out: string[] = []
  for (const s of ring.slots) {
    const p = slotProblem(ring, s, orm)
    if (p) out.push(`a ${s.kind} key slot${s.userId != null ? ` for account ${s.userId}` : ''} ${words[p]}`)
  }
  return out
}

function roleOf(orm: Orm, userId: number | null): string | undefined {
  if (userId == null) return undefined
  return orm.select({ role: users.role }).from(users).where(eq(users.id, userId)).get()?.role
}

/** A slot as the authority signs it: its role, its signature, and a grant when its role holds the authority. */
export function sealSlot(slot: KeySlot, role: string | undefined, secret: Buffer): KeySlot {
  const base: KeySlot = withoutGrant({ ...slot, role })
  if (role === undefined) delete base.role
  const signed = signSlot(base, secret)
  return slot.kind === 'recovery' || holdsAuthority(role) ? grantTo(signed, secret) : signed
}

/**
 * A new or re-wrapped slot for an account, signed with the authority the signed-in supervisor holds.
 * On a keyring from before signing the slot is only given its role. Throws (translated) when this
 * keyring is signed and the person doing it holds no authority.
 */
export function signNewSlot(desk: Desk, ring: Keyring, slot: KeySlot, role: string | undefined): KeySlot {
  if (!ring.authority) return role === undefined ? slot : { ...slot, role }
  const secret = desk.authority()
  if (!secret || authorityPubOf(secret) !== ring.authority.pub) return fail('FORBIDDEN', 'errors:users.needsAuthority')
  return sealSlot(slot, role, secret)
}

/**
 * The keyring, made ready for signNewSlot: a supervisor whose own slot holds no grant yet (promoted
 * before signing existed, or a slot from before key rotation) signs everything afresh under a new
 * authority, which every supervisor's slot and the recovery slot receive. Call inside the transaction
 * and write the keyring it returns.
 */
export function ensureAuthority(desk: Desk, ring: Keyring): Keyring {
  if (!ring.authority) return ring
  const secret = desk.authority()
  if (secret && authorityPubOf(secret) === ring.authority.pub) return ring
  if (!holdsAuthority(desk.session?.role) && !desk.recovering) return ring
  return resignAll(desk, ring, { rotate: true })
}

/**
 * Sign every slot again from what the database says (roles, accounts), with a new authority when
 * `rotate` (a supervisor was demoted or disabled: the authority they could open no longer signs) or
 * when the keyring has none yet. Pins the public key in the database and returns the keyring for the
 * caller to write as the last step of the transaction that changed the accounts (so a failure rolls
 * back the pin with it). The signed-in supervisor keeps the new authority.
 */
export function resignAll(desk: Desk, ring: Keyring, opts: { rotate?: boolean; role?: { userId: number; role: string } } = {}): Keyring {
  const orm = desk.db().orm
  let secret = desk.authority()
  const fresh = opts.rotate || !ring.authority || !secret || authorityPubOf(secret) !== ring.authority.pub
  let pub = ring.authority?.pub ?? ''
  if (fresh) {
    const made = newAuthority()
    secret = made.secret
    pub = made.authority.pub
  }
  // On a signed keyring only slots that hold their signature are signed again, each for the role it
  // was signed for (except the account whose role is being changed now): re-signing never launders
  // a forged slot or a role edited in the database. A keyring from before signing takes the roles
  // the database records.
  const signedBefore = !!ring.authority
  const next: Keyring = {
    ...ring,
    authority: { pub },
    slots: ring.slots.map((s) => {
      if (signedBefore && !slotSigned(ring, s)) return s
      const role = s.kind !== 'user' ? undefined : opts.role && s.userId === opts.role.userId ? opts.role.role : signedBefore ? s.role : roleOf(orm, s.userId)
      return sealSlot(s, role, secret!)
    })
  }
  pinAuthority(orm, pub, desk.now().toISOString(), desk.session?.userId ?? null)
  if (fresh) desk.setAuthority(secret!)
  return next
}

/**
 * A desk from before signing: the first supervisor to log in (with a version 2 slot) makes the
 * authority and signs every slot, in one transaction with its audit event.
 */
export function establishAuthority(desk: Desk, ring: Keyring, slot: KeySlot): boolean {
  if (ring.authority || slot.v !== 2) return false
  const s = desk.session
  if (!s || !holdsAuthority(s.role)) return false
  const db = desk.db().sqlite
  if (readPin(desk.db().orm)) return false
  db.transaction(() => {
    const next = resignAll(desk, ring, { rotate: true })
    desk.audit({ action: 'keyring.signed', details: { slots: next.slots.length } })
    writeKeyring(desk.dataDir, next)
  })()
  return true
}
