import { useCallback, useEffect, useRef, useState } from 'react'
import type { DeskError } from '@shared/ipc/result'
import { failureOf, isTransient } from '@shared/ipc/failure'
import { call, desk } from './desk-client'
import { reported } from './calls'

const SAVE_AFTER_MS = 600
const RETRY_MS = 3_000

/**
 * Multi-line text that is written before it is submitted (an opinion, a screening or flow note, a
 * closing text) is kept as a draft the way interview notes are autosaved: in the encrypted database,
 * for the logged-in person only, ~0.6 s after typing stops, on leaving the screen, on closing the
 * window and when the desk locks. Opening the same place again brings the draft back. Submitting
 * calls `committed(sentText)`: the draft is removed only if nothing was typed since — text typed
 * while the submit was on its way stays (and stays a draft).
 *
 * `scope` names the place (letters, digits, `:._-`); null while there is none. `initial` is what the
 * record holds; it shows until the person types or a draft is found.
 */
export function useDraft(scope: string | null, initial: string) {
  const [own, setOwn] = useState<{ scope: string | null; text: string | null; restored: boolean }>({ scope, text: null, restored: false })
  const cur = own.scope === scope ? own : { scope, text: null, restored: false }
  if (own.scope !== scope) setOwn(cur)
  const text = cur.text ?? initial
  const [error, setError] = useState<DeskError | null>(null)

  // What still has to reach the database, and a chain so a clear never overtakes a save.
  const pending = useRef<{ scope: string; text: string } | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const typed = useRef<{ scope: string | null; text: string | null }>({ scope, text: null })
  typed.current = { scope, text: cur.text }

  const flush = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const p = pending.current
    if (!p) return chain.current
    pending.current = null
    chain.current = chain.current.then(async () => {
      try {
        await call('drafts.save', p)
        setError(null)
      } catch (e) {
        const err = failureOf(e)
        // Only a newer text replaces this one; keep it to send again when that can help.
        if (!pending.current) pending.current = p
        setError(err)
        if (isTransient(err.code)) timer.current = setTimeout(() => void flush(), RETRY_MS)
      }
    })
    return chain.current
  }, [])

  // A draft left here earlier (the app was closed, killed, or the desk locked) comes back.
  useEffect(() => {
    if (!scope) return
    let live = true
    call('drafts.get', { scope }).then((d) => {
      if (!live || !d || !d.text) return
      // Never over what the person has typed since the screen opened.
      setOwn((o) => (o.scope === scope && o.text === null ? { scope, text: d.text, restored: true } : o))
    }, reported())
    return () => {
      live = false
    }
  }, [scope])

  // Leaving the place, closing the window or locking the desk saves what is pending.
  useEffect(() => {
    const save = () => void flush()
    window.addEventListener('pagehide', save)
    window.addEventListener('beforeunload', save)
    const off = desk.on('session.locked', save)
    return () => {
      window.removeEventListener('pagehide', save)
      window.removeEventListener('beforeunload', save)
      off()
      void flush()
    }
  }, [scope, flush])

  const set = useCallback(
    (v: string) => {
      if (!scope) return
      setOwn((o) => ({ scope, text: v, restored: o.scope === scope && o.restored }))
      pending.current = { scope, text: v }
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS)
    },
    [scope, flush]
  )

  /** `sent` was submitted and saved in the record: drop the draft unless more was typed since. */
  const committed = useCallback(
    (sent: string) => {
      if (!scope || typed.current.scope !== scope) return
      const now = typed.current.text
      if (now !== null && now !== sent) return
      if (timer.current) clearTimeout(timer.current)
      timer.current = null
      pending.current = null
      setOwn({ scope, text: null, restored: false })
      setError(null)
      chain.current = chain.current.then(() => call('drafts.clear', { scope }).then(() => undefined, reported('errors:what.draft')))
    },
    [scope]
  )

  return { text, set, committed, restored: cur.restored, error, flush }
}
