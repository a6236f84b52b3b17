/**
 * A stand-in for app/desk-client in DOM tests: `call` goes to the test's `invoke` mock and throws
 * a CallError on `{ ok: false }`, as the real one does. Use inside vi.mock's factory:
 *   vi.mock('../../app/desk-client', async () => (await import('../../test-support/fake-desk-client')).fakeDeskClient((m, a) => invoke(m, a)))
 */
export function fakeDeskClient(invoke: (method: string, args: unknown) => Promise<{ ok: boolean; value?: unknown; code?: string }>) {
  class CallError extends Error {
    constructor(readonly error: { code: string }) {
      super(error.code)
    }
  }
  return {
    CallError,
    call: async (method: string, args: unknown) => {
      const r = await invoke(method, args)
      if (!r.ok) throw new CallError(r as { code: string })
      return r.value
    }
  }
}
