import type { Desk } from '../desk/desk'
import { getSetting } from '../settings/settings'
import { lock } from './service'
import { log } from '../log'

/**
 * Lock after the idle time by wall clock: compare `now` with the last activity on a short timer,
 * so a machine that slept past the deadline locks the moment it wakes.
 */
export function checkIdle(desk: Desk): boolean {
  if (!desk.isOpen || !desk.session) return false
  const idleMinutes = getSetting<number>(desk, 'idleMinutes')
  if (desk.now().getTime() - desk.lastActivity >= idleMinutes * 60_000) {
    lock(desk, 'idle')
    return true
  }
  return false
}

export function startIdleWatch(desk: Desk, everyMs = 5_000): () => void {
  // A timer callback that throws ends the process: whatever fails here is logged (by class only)
  // and the check runs again on the next tick.
  const timer = setInterval(() => {
    try {
      checkIdle(desk)
    } catch (err) {
      log.error('idle.check', { error: err instanceof Error ? err.name : typeof err })
    }
  }, everyMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
