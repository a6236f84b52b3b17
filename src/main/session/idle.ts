import type { Desk } from '../desk/desk'
import { getSetting } from '../settings/settings'
import { lock } from './service'

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
  const timer = setInterval(() => checkIdle(desk), everyMs)
  timer.unref?.()
  return () => clearInterval(timer)
}
