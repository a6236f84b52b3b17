import { Desk } from '../main/desk/desk'
import { lookupFor, type Keyring } from '../main/db/keyring'
import { recordFailure, recordSuccess, RECOVERY_KEY, throttleWait } from '../main/session/throttle'

/**
 * The CLI's guesses go through the same throttle as the app's logins (the state folder beside the
 * data folder), and a wrong one waits there to be written to the audit trail at the next login.
 * So a script cannot try passphrases faster than the login screen.
 */
export function cliThrottle(dataDir: string, ring: Keyring, login: string | null) {
  const desk = new Desk({ dataDir })
  const key = login ? lookupFor(ring, login) : RECOVERY_KEY
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
