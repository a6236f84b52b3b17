import type { DeskError, ErrorCode } from './result'

/**
 * Failures that may go away by themselves: the desk was locked, the disk was busy or full, too many
 * attempts. Anything else (BAD_ARGS, NOT_FOUND, FORBIDDEN, a finished record, …) fails the same way
 * every time, so an autosave must stop, say which field and why, and wait for the person.
 */
const TRANSIENT: ReadonlySet<string> = new Set<ErrorCode>(['LOCKED', 'IO', 'THROTTLED', 'DISK_FULL'])

export function isTransient(code: string): boolean {
  return TRANSIENT.has(code)
}

/** The DeskError a thrown value carries (the renderer's CallError has `.error`), or an INTERNAL one. */
export function failureOf(e: unknown): DeskError {
  const err = (e as { error?: unknown } | null)?.error as Partial<DeskError> | undefined
  if (err && typeof err === 'object' && typeof err.code === 'string' && typeof err.messageKey === 'string') return err as DeskError
  return { ok: false, code: 'INTERNAL', messageKey: 'errors:internal' }
}

/**
 * Which item of a batched call a validation failure points at: `changes.2.value` → 2.
 * The router reports zod paths joined with dots.
 */
export function indexInPath(field: string | undefined, list: string): number | null {
  if (!field) return null
  const m = new RegExp(`^${list}\\.(\\d+)(\\.|$)`).exec(field)
  return m ? Number(m[1]) : null
}
