import type { z } from 'zod'

/**
 * Who may make a call. Checked in the main process by the router, never trusted from the renderer.
 * - public: before anyone is logged in (status, first-run setup, login, recovery)
 * - worker: any unlocked session (worker or supervisor)
 * - supervisor: an unlocked supervisor session only
 */
export type Access = 'public' | 'worker' | 'supervisor'

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
