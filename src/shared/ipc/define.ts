import type { z } from 'zod'

/**
 * Who may make a call. Checked in the main process by the router, never trusted from the renderer.
 * - public: before anyone is logged in (status, first-run setup, login, recovery)
 * - worker: a worker or a supervisor. A records clerk only for the reads listed in ../ipc/clerk-access.ts
 *   (finding a case, opening and printing its forms, their own session): everything else is refused
 * - records: the records clerk's desk (archive queue, filing, lending, case-list export): clerk or supervisor
 * - supervisor: an unlocked supervisor session only
 */
export type Access = 'public' | 'worker' | 'records' | 'supervisor'

export interface CallDef<S extends z.ZodType = z.ZodType, R = unknown> {
  readonly args: S
  readonly access: Access
  /** Phantom: carries the result type, never read at run time. */
  readonly result?: R
}

/**
 * `call(schema, 'worker').returns<Result>()` — the schema validates arguments at the boundary and
 * gives their type; the result type rides along as a phantom so main and renderer share it.
 */
export function call<S extends z.ZodType>(args: S, access: Access) {
  return {
    returns<R>(): CallDef<S, R> {
      return { args, access }
    }
  }
}

export type ArgsOf<D> = D extends CallDef<infer S, unknown> ? z.input<S> : never
export type ParsedArgsOf<D> = D extends CallDef<infer S, unknown> ? z.output<S> : never
export type ResultOf<D> = D extends CallDef<z.ZodType, infer R> ? R : never
