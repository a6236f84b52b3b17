import type { DeskApi } from '@shared/ipc/client'
import type { DeskEventName } from '@shared/ipc/events'
import type { Method } from '@shared/ipc/contract'
import type { DeskError } from '@shared/ipc/result'
import type { ArgsOf, ResultOf } from '@shared/ipc/define'
import type { Contract } from '@shared/ipc/contract'

/**
 * The renderer's one way to reach the main process. In Electron the preload provides window.desk;
 * in browser mode the same interface is built over the loopback transport, using the token that
 * arrived in the address's fragment (kept in memory, removed from the address bar at once).
 */
function loopbackClient(): DeskApi {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token')
  if (fromHash) history.replaceState(null, '', location.pathname)
  // The address's token opens one tab: traded for the call token at once, so the address a browser
  // keeps in its History opens nothing. A reload uses the call token kept for this tab.
  const tokenReady: Promise<string> = fromHash ? openWith(fromHash) : Promise.resolve(sessionStorage.getItem('desk.token') ?? '')
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let source: EventSource | null = null
  const connect = () => {
    void tokenReady.then((token) => {
      if (source) return
      source = new EventSource(`/events?token=${encodeURIComponent(token)}`)
      source.onmessage = (m) => {
        const { event, payload } = JSON.parse(m.data) as { event: string; payload: unknown }
        listeners.get(event)?.forEach((l) => l(payload))
      }
    })
  }
  return {
    async invoke(method, args) {
      const token = await tokenReady
      try {
        const res = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Desk-Token': token },
          body: JSON.stringify({ method, args })
        })
        if (res.status === 403) return { ok: false, code: 'FORBIDDEN', messageKey: 'common:browser.tokenRefused' }
        return await res.json()
      } catch {
        return { ok: false, code: 'IO', messageKey: 'common:browser.serverGone' }
      }
    },
    on(event, listener) {
      connect()
      let set = listeners.get(event)
      if (!set) listeners.set(event, (set = new Set()))
      set.add(listener as (p: unknown) => void)
      return () => set!.delete(listener as (p: unknown) => void)
    }
  }
}

async function openWith(openToken: string): Promise<string> {
  try {
    const res = await fetch('/open', { method: 'POST', headers: { 'X-Desk-Open': openToken } })
    if (res.ok) {
      const { token } = (await res.json()) as { token: string }
      sessionStorage.setItem('desk.token', token)
      return token
    }
  } catch {
    /* the server is gone: the first call says so */
  }
  // An address already used: this tab may still hold its call token (a reload of an old address).
  return sessionStorage.getItem('desk.token') ?? ''
}

export const desk: DeskApi = window.desk ?? loopbackClient()

/** Thrown by `call` so screens can use try/catch; carries the translated error key. */
export class CallError extends Error {
  constructor(readonly error: DeskError) {
    super(error.code)
  }
}

/** Invoke and unwrap: resolves to the value, or throws a CallError with the translated key. */
export async function call<M extends Method>(method: M, args: ArgsOf<Contract[M]>): Promise<ResultOf<Contract[M]>> {
  const res = await desk.invoke(method, args)
  if (!res.ok) throw new CallError(res)
  return res.value
}

export function onDeskEvent<E extends DeskEventName>(event: E, listener: Parameters<DeskApi['on']>[1] & ((p: never) => void)) {
  return desk.on(event, listener as never)
}
