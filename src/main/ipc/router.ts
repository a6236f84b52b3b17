import { contract, type Contract, type Method } from '@shared/ipc/contract'
import type { ParsedArgsOf, ResultOf } from '@shared/ipc/define'
import { DeskFailure, type DeskResult } from '@shared/ipc/result'
import { CLERK_CALLS } from '@shared/ipc/clerk-access'
import { isI18nKey } from '@shared/i18n/keys'
import type { Desk, Session } from '../desk/desk'
import { log } from '../log'
import { isDamageError } from '../db/open'
import { storageFailure } from '../fs/storage'

export interface CallContext {
  desk: Desk
  /** The unlocked session; null only for public calls. */
  session: Session | null
}

export type Handler<M extends Method> = (
  args: ParsedArgsOf<Contract[M]>,
  ctx: CallContext
) => ResultOf<Contract[M]> | Promise<ResultOf<Contract[M]>>

export type HandlerMap = { [M in Method]?: Handler<M> }

export interface Router {
  invoke(method: string, rawArgs: unknown): Promise<DeskResult<unknown>>
  /** Is a handler registered for this call? (A contract call without one answers UNKNOWN_CALL.) */
  handles(method: string): boolean
  readonly desk: Desk
}

/**
 * The single door into the main process. Both transports (Electron IPC, loopback HTTP) hand it a
 * method name and untrusted arguments; it checks the name, the session and role, parses the
 * arguments with the contract's schema, and turns every failure into `{ ok: false, code, messageKey }`.
 */
export function createRouter(desk: Desk, maps: HandlerMap[]): Router {
  const handlers = new Map<string, Handler<Method>>()
  for (const map of maps) {
    for (const [name, fn] of Object.entries(map)) {
      if (handlers.has(name)) throw new Error(`IPC handler registered twice: ${name}`)
      handlers.set(name, fn as Handler<Method>)
    }
  }

  async function invoke(method: string, rawArgs: unknown): Promise<DeskResult<unknown>> {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method) || !handlers.has(method)) {
      return { ok: false, code: 'UNKNOWN_CALL', messageKey: 'errors:ipc.unknownCall' }
    }
    const def = contract[method as Method]
    const session = desk.session && desk.isOpen ? desk.session : null
    if (def.access !== 'public') {
      if (!session) return { ok: false, code: 'LOCKED', messageKey: 'errors:session.locked' }
      if (def.access === 'supervisor' && session.role !== 'supervisor') {
        recordRefusal(desk, method)
        return { ok: false, code: 'FORBIDDEN', messageKey: 'errors:session.supervisorOnly' }
      }
      if (def.access === 'records' && session.role === 'worker') {
        recordRefusal(desk, method)
        return { ok: false, code: 'FORBIDDEN', messageKey: 'errors:session.recordsOnly' }
      }
      // A records clerk reads, prints and files: any other call is refused here, whatever the page sends.
      if (session.role === 'clerk' && def.access === 'worker' && !CLERK_CALLS.has(method as Method)) {
        recordRefusal(desk, method)
        return { ok: false, code: 'FORBIDDEN', messageKey: 'errors:session.clerkReadOnly' }
      }
    }
    const parsed = def.args.safeParse(rawArgs ?? {})
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const key = issue?.message?.startsWith('errors:') && isI18nKey(issue.message) ? issue.message : 'errors:arg.invalid'
      return { ok: false, code: 'BAD_ARGS', messageKey: key, field: issue?.path.join('.') || undefined }
    }
    try {
      const value = await handlers.get(method)!(parsed.data as never, { desk, session })
      recordRead(desk, method, parsed.data)
      return { ok: true, value: value ?? null }
    } catch (err) {
      if (err instanceof DeskFailure) {
        if (err.code === 'FORBIDDEN' && session) recordRefusal(desk, method)
        return { ok: false, code: err.code, messageKey: err.messageKey, params: err.params, field: err.field }
      }
      // A full or read-only disk is said as such: not a bug, and not a damaged file.
      const storage = storageFailure(err)
      if (storage) {
        log.error('ipc.storage', { method, code: storage.code })
        return { ok: false, code: storage.code, messageKey: storage.messageKey }
      }
      // A page that fails authentication or a malformed file: the screen offers restoring a backup.
      if (isDamageError(err)) {
        log.error('ipc.damaged', { method })
        return { ok: false, code: 'DB_DAMAGED', messageKey: 'errors:db.damaged' }
      }
      // Only the call's name and the error's class: an error message may quote personal data.
      log.error('ipc.internal', { method, error: err instanceof Error ? err.name : typeof err })
      return { ok: false, code: 'INTERNAL', messageKey: 'errors:internal' }
    }
  }

  return { invoke, handles: (method: string) => handlers.has(method), desk }
}

/**
 * A refused call goes on the audit trail: who (the signed-in account) tried which call. Only the
 * call's name: its arguments may hold personal data. Never fails the answer.
 */
function recordRefusal(desk: Desk, method: string): void {
  try {
    if (desk.session && desk.isOpen) desk.audit({ action: 'access.refused', details: { call: method } })
  } catch {
    /* a full disk must not turn a refusal into something else */
  }
}

/** Opening a case record is recorded (who read which case), as its changes are. */
const AUDITED_READS: Record<string, (args: Record<string, unknown>) => unknown> = {
  'cases.get': (a) => a.id,
  'cases.history': (a) => a.id
}

/** A clerk's every call is on the trail (the call's name and the case it concerns, never other arguments). */
const CLERK_UNAUDITED = new Set(['session.activity', 'session.lock', 'session.logout'])

function recordRead(desk: Desk, method: string, args: unknown): void {
  const subject = AUDITED_READS[method]
  if (!subject) {
    if (desk.session?.role === 'clerk' && desk.isOpen && CLERK_CALLS.has(method as Method) && !CLERK_UNAUDITED.has(method)) {
      const a = (args ?? {}) as Record<string, unknown>
      const caseId = typeof a.caseId === 'number' ? a.caseId : typeof a.id === 'number' ? a.id : null
      try {
        desk.audit({ action: 'clerk.access', subjectType: caseId != null ? 'case' : undefined, subjectId: caseId ?? undefined, details: { call: method } })
      } catch {
        /* as below: a failing audit write does not hide what was read */
      }
    }
    return
  }
  try {
    if (desk.session && desk.isOpen) desk.audit({ action: 'cases.view', subjectType: 'case', subjectId: subject(args as Record<string, unknown>) as number, details: { call: method } })
  } catch {
    /* the record was read; a failing audit write (full disk) does not hide it from the person */
  }
}

/** Type a feature's handler map against the contract. */
export function handlers<M extends HandlerMap>(map: M): M {
  return map
}
