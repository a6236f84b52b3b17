import type { Method } from '@shared/ipc/contract'
import type { DeskApi, DeskArgs, DeskValue } from '@shared/ipc/client'
import type { DeskError, DeskResult } from '@shared/ipc/result'
import type * as DeskClient from '../app/desk-client'

/** A stand-in for the main process, typed by the contract: a renamed call or field breaks the test's build. */
export type FakeInvoke = <M extends Method>(method: M, args: DeskArgs<M>) => Promise<DeskResult<DeskValue<M>>>

/** Canned answers by call name, each typed by the contract's result for that call (or an error). */
export type FakeAnswers = {
  [M in Method]?: (args: DeskArgs<M>) => DeskValue<M> | DeskError | Promise<DeskValue<M> | DeskError>
}

const isError = (v: unknown): v is DeskError => !!v && typeof v === 'object' && (v as { ok?: unknown }).ok === false && 'code' in v

/** An invoke that answers from `answers`, and with `otherwise` (an error) for every other call. */
export function answering(answers: FakeAnswers, otherwise: DeskError = { ok: false, code: 'NOT_FOUND', messageKey: 'cases:errors.notFound' }): FakeInvoke {
  return (async (method: Method, args: unknown) => {
    const answer = answers[method] as ((a: unknown) => unknown) | undefined
    if (!answer) return otherwise
    const v = await answer(args)
    return isError(v) ? v : { ok: true, value: v }
  }) as FakeInvoke
}

/**
 * A stand-in for app/desk-client in DOM tests, with the same exports and types as the real module
 * (checked below with `satisfies`): `call` goes to the test's `invoke` and throws a CallError on
 * `{ ok: false }`, as the real one does. Use inside vi.mock's factory:
 *   vi.mock('../../app/desk-client', async () => (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
 */
export function fakeDeskClient(invoke: FakeInvoke, events?: { on?: DeskApi['on'] }) {
  class CallError extends Error {
    constructor(readonly error: DeskError) {
      super(error.code)
    }
  }
  const desk: DeskApi = {
    invoke: (method, args) => invoke(method, args),
    on: events?.on ?? (() => () => {})
  }
  const call = async <M extends Method>(method: M, args: DeskArgs<M>): Promise<DeskValue<M>> => {
    const r = await invoke(method, args)
    if (!r.ok) throw new CallError(r)
    return r.value
  }
  const onDeskEvent: typeof DeskClient.onDeskEvent = (event, listener) => desk.on(event, listener as never)
  return { CallError, call, desk, onDeskEvent } satisfies typeof DeskClient
}
