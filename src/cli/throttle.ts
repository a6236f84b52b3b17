import { eq } from 'drizzle-orm'
import { DeskFailure } from '@shared/ipc/result'
import { Desk } from '../main/desk/desk'
import { lookupFor, unwrapKey, type Keyring } from '../main/db/keyring'
import { dbPath, openRaw } from '../main/db/open'
import { users } from '../main/db/schema'
import { ormOf } from '../main/session/slots'
import { recordFailure, recordSuccess, RECOVERY_KEY, throttleWait } from '../main/session/throttle'

/**
 * The CLI's guesses go through the same throttle as the app's logins (the state folder beside the
 * data folder), and a wrong one waits there to be written to the audit trail at the next login.
 * So a script cannot try passphrases faster than the login screen.
 */
export function cliThrottle(dataDir: string, ring: Keyring, login: string | null, bucket: string = RECOVERY_KEY) {
  const desk = new Desk({ dataDir })
  const key = login ? lookupFor(ring, login) : bucket
  return {
    /** Seconds to wait, or 0; says so on stderr. */
    refused(): number {
      const wait = throttleWait(desk, key)
      if (wait > 0) process.stderr.write(`Too many wrong attempts: try again in ${wait} s.\n`)
      return wait
    },
    failed(): void {
      recordFailure(desk, key, 'cli')
    },
    succeeded(): void {
      recordSuccess(desk, key)
    }
  }
}

/** The throttle's bucket for a passphrase given without a login name (tried against every slot). */
export const ANY_LOGIN = 'cli:any-login'

export interface AccountRow {
  loginName: string
  role: string
  disabled: boolean
}

/**
 * Without a login name, the CLI finds whose passphrase this is: each user slot in account order,
 * the first account `accept` takes. Throttled and recorded like a login (a guess here costs what it
 * costs at the login screen, and a wrong one reaches the audit trail at the next login).
 * Throws THROTTLED while the throttle asks to wait; null when no accepted account opens with it.
 */
export function loginForPassphrase(dataDir: string, ring: Keyring, passphrase: string, accept: (row: AccountRow) => boolean): string | null {
  const t = cliThrottle(dataDir, ring, null, ANY_LOGIN)
  const wait = throttleWait(new Desk({ dataDir }), ANY_LOGIN)
  if (wait > 0) throw new DeskFailure('THROTTLED', 'errors:login.throttled', { seconds: wait })
  for (const slot of ring.slots.filter((s) => s.kind === 'user' && s.userId != null)) {
    const key = unwrapKey(slot, passphrase)
    if (!key) continue
    let found: string | null = null
    try {
      const db = openRaw(dbPath(dataDir), key, { readonly: true })
      try {
        const row = ormOf(db).select({ loginName: users.loginName, role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, slot.userId!)).get()
        if (row && accept(row)) found = row.loginName
      } finally {
        db.close()
      }
    } finally {
      key.fill(0)
    }
    if (found) {
      t.succeeded()
      return found
    }
  }
  t.failed()
  return null
}
