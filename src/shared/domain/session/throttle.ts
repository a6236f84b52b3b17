/**
 * Login throttling, as pure rules: the first few failures are free (people mistype), then each
 * further failure doubles the wait, capped. Applied per login (by its keyed hash, never the name)
 * and across all logins, so guessing many names does not get around it.
 */
export interface ThrottlePolicy {
  /** Failures allowed without any wait. */
  free: number
  /** Longest wait in seconds. */
  capSeconds: number
}

export const PER_LOGIN: ThrottlePolicy = { free: 3, capSeconds: 300 }
/** Across every login and the recovery key: a busy office mistypes more, so more are free. */
export const GLOBAL: ThrottlePolicy = { free: 10, capSeconds: 300 }

export interface Counter {
  failures: number
  /** Epoch ms of the last failure. */
  lastAt: number
}

/** Seconds to wait after `failures` failures: 0 for the free ones, then 2^(n−free): 2, 4, 8, … up to the cap. */
export function delaySeconds(failures: number, p: ThrottlePolicy): number {
  if (failures <= p.free) return 0
  const exp = failures - p.free
  return exp >= 30 ? p.capSeconds : Math.min(p.capSeconds, 2 ** exp)
}

/** Whole seconds still to wait at `now` (rounded up), 0 when an attempt is allowed. */
export function retryAfter(c: Counter | undefined, p: ThrottlePolicy, now: number): number {
  if (!c) return 0
  const until = c.lastAt + delaySeconds(c.failures, p) * 1000
  // A clock set backwards must not lock people out for longer than the cap.
  if (now < c.lastAt) return Math.min(p.capSeconds, delaySeconds(c.failures, p))
  return Math.max(0, Math.ceil((until - now) / 1000))
}
