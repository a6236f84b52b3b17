import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { i18n as I18n, TFunction } from 'i18next'
import type { Method } from '@shared/ipc/contract'
import type { DeskArgs, DeskValue } from '@shared/ipc/client'
import type { DeskError } from '@shared/ipc/result'
import { failureOf } from '@shared/ipc/failure'
import { storedReasonKey } from '@shared/domain/case/stored-reason'
import { call } from './desk-client'
import { tk } from './i18n'
import { isI18nKey, type I18nKey } from '@shared/i18n/keys'

/**
 * The renderer's one idiom for calls and their errors:
 * - `useCall()` for what a person does (save, sign, print): the error is kept next to the control,
 *   translated; the caller never clears what was typed on failure;
 * - `useLoad()` for what a screen reads when it opens: a failure is a message with a retry, never
 *   an empty page;
 * - `send()` for writes made in the background (a stage, a tick, an emotion, a logged event): a
 *   failure is never dropped, it is shown in the failure bar (`<CallFailures />` in the shell).
 * Every message comes from `errorMessage`: the error's key when the resources have it, else a
 * sentence for its code — never a raw code or key.
 */

/** The sentence for a failure, in the UI language. */
export function errorMessage(t: TFunction, i18n: I18n, err: DeskError): string {
  if (isI18nKey(err.messageKey)) return tk(t, err.messageKey, err.params)
  const byCode = `errors:byCode.${err.code}`
  return isI18nKey(byCode) ? tk(t, byCode) : t('errors:internal')
}

/** What is still safe after this failure (nothing typed is lost; saved records are untouched). */
export function safeMessage(t: TFunction, err: DeskError, kind: 'write' | 'read'): string | null {
  if (err.code === 'BAD_ARGS' || err.code === 'WRONG_PASSPHRASE' || err.code === 'WEAK_PASSPHRASE' || err.code === 'BACKUP_WRONG_PASSPHRASE') return null
  return kind === 'write' ? t('errors:safe.write') : t('errors:safe.read')
}

/** Run calls for an action; keeps the translated error for display next to it. */
export function useCall() {
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    setBusy(true)
    setError(null)
    try {
      return await fn()
    } catch (e) {
      setError(failureOf(e))
      return null
    } finally {
      setBusy(false)
    }
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { run, error, setError, busy, clear }
}

/** Read when the screen opens (and on `reload`); a failure is kept as `error`, never dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [state, setState] = useState<{ value: T | undefined; error: DeskError | null; loading: boolean }>({ value: undefined, error: null, loading: true })
  const latest = useRef(load)
  latest.current = load
  const seq = useRef(0)
  const reload = useCallback(() => {
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    latest.current().then(
      (value) => mine === seq.current && setState({ value, error: null, loading: false }),
      (e) => mine === seq.current && setState((s) => ({ value: s.value, error: failureOf(e), loading: false }))
    )
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, deps)
  return { ...state, reload }
}

// ---- background writes: never dropped, shown in the failure bar ----

export interface ReportedFailure {
  id: number
  error: DeskError
  /** i18n key saying what did not happen ("the stage change was not recorded"). */
  whatKey: I18nKey
}

let failures: ReportedFailure[] = []
let nextId = 1
const subscribers = new Set<() => void>()
const publish = () => subscribers.forEach((s) => s())

/** Show a failure in the failure bar. */
export function reportFailure(error: DeskError, whatKey: I18nKey = 'errors:what.background'): void {
  // The same failure again (a retried tick) replaces the older line instead of stacking.
  failures = [...failures.filter((f) => !(f.whatKey === whatKey && f.error.code === error.code)), { id: nextId++, error, whatKey }].slice(-4)
  publish()
}

export function dismissFailure(id: number): void {
  failures = failures.filter((f) => f.id !== id)
  publish()
}

/** Clear the bar (tests; a new person unlocking). */
export function clearFailures(): void {
  failures = []
  publish()
}

/** A rejection handler for a read whose failure belongs in the failure bar: `.then(set, reported())`. */
export const reported =
  (whatKey: I18nKey = 'errors:what.load') =>
  (e: unknown): void =>
    reportFailure(failureOf(e), whatKey)

/** A call made in the background; a failure is reported (not thrown), the value is undefined. */
export async function send<M extends Method>(method: M, args: DeskArgs<M>, whatKey?: I18nKey): Promise<DeskValue<M> | undefined> {
  try {
    return await call(method, args)
  } catch (e) {
    reportFailure(failureOf(e), whatKey)
    return undefined
  }
}

function useFailures(): ReportedFailure[] {
  return useSyncExternalStore(
    (fn) => (subscribers.add(fn), () => subscribers.delete(fn)),
    () => failures
  )
}

/** The failure bar: what did not happen, why, and that what was typed is still there. */
export function CallFailures() {
  const { t, i18n } = useTranslation()
  const list = useFailures()
  if (!list.length) return null
  return (
    <div className="call-failures" role="alert">
      {list.map((f) => (
        <p key={f.id} className="error-text">
          {tk(t, f.whatKey)} {errorMessage(t, i18n, f.error)} {safeMessage(t, f.error, 'write')}{' '}
          <button type="button" className="link" onClick={() => dismissFailure(f.id)}>
            {t('common:actions.close')}
          </button>
        </p>
      ))}
    </div>
  )
}

/** A stored reason or log detail in words: tokens the app wrote are translated, typed text is shown as typed. */
export function reasonText(t: TFunction, reason: string): string {
  const k = storedReasonKey(reason)
  if (!k) return reason
  const params = Object.fromEntries(Object.entries(k.nested ?? {}).map(([name, key]) => [name, tk(t, key)]))
  return tk(t, k.key, params)
}
