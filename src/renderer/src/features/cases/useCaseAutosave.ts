import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseFields, CaseRecord } from '@shared/domain/case/types'
import { checkPhone } from '@shared/domain/case/phone'
import { isValidIsoDate, localIsoDate } from '@shared/domain/dates/calendar'
import { caseDateProblems } from '@shared/domain/dates/order'
import { isValidBirthDate } from '@shared/domain/dates/age'
import type { DeskError } from '@shared/ipc/result'
import { failureOf, isTransient } from '@shared/ipc/failure'
import { call } from '../../app/desk-client'

const DATE_FIELDS: (keyof CaseFields)[] = ['contactDate', 'workerSignedDate', 'acceptedDate', 'opinionReceivedDate', 'reviewReceivedDate', 'knewOfActDate', 'infringementDate']

/** Fields that are not saveable as typed yet (the text stays on screen with its message). */
export function localProblems(f: CaseFields): Partial<Record<keyof CaseFields, string>> {
  const out: Partial<Record<keyof CaseFields, string>> = {}
  if (f.phone.trim()) {
    const r = checkPhone(f.phone)
    if (!r.ok) out.phone = r.messageKey
  }
  if (f.birth && !isValidBirthDate(f.birth)) out.birth = 'errors:arg.badDate'
  for (const k of DATE_FIELDS) {
    const v = (f[k] as string | undefined) ?? ''
    if (k === 'contactDate' ? !isValidIsoDate(v) : v !== '' && !isValidIsoDate(v)) out[k] = 'errors:arg.badDate'
  }
  if (!f.name.trim()) out.name = 'errors:arg.required'
  for (const p of localDateProblems(f)) if (!(p.field in out)) out[p.field as keyof CaseFields] = p.messageKey
  return out
}

/** Dates out of order, known on screen (the main process checks them again, with the contacts on record). */
function localDateProblems(f: CaseFields) {
  return caseDateProblems(f, { today: localIsoDate(new Date()) })
}

/** The dates a message names (结案/转出日期 …), per field. */
export function problemParams(f: CaseFields): Partial<Record<keyof CaseFields, { date: string }>> {
  const out: Partial<Record<keyof CaseFields, { date: string }>> = {}
  for (const p of localDateProblems(f)) if (p.params) out[p.field as keyof CaseFields] = p.params
  return out
}

/** Which case field a refused save names: `patch.phone` (the boundary) or `phone` (a service rule). */
function fieldNamed(field: string | undefined, fields: CaseFields): keyof CaseFields | null {
  if (!field) return null
  const k = field.replace(/^patch\./, '').split('.')[0]
  return k in fields ? (k as keyof CaseFields) : null
}

export interface CaseSaveState {
  at: string | null
  error: DeskError | null
  saving: boolean
  /** The field a save retrying cannot fix was refused for (the text stays on screen). */
  field: keyof CaseFields | null
  /** The last failure may go away by itself (locked, disk busy): it is retried. */
  retrying: boolean
}

/**
 * Autosave for a case's fields: changes are sent ~1 s after typing stops, on leaving the screen,
 * and only for fields that changed and are valid; what the worker typed is never thrown away.
 * A transient failure (locked, disk busy) is retried every 5 s; a refusal retrying cannot fix
 * (BAD_ARGS, a closed record…) is not: the field it names is held, with its message, until the
 * worker changes it, and the other fields keep saving.
 */
export function useCaseAutosave(record: CaseRecord, onSaved: (r: CaseRecord) => void) {
  const [fields, setFields] = useState<CaseFields>(record.fields)
  const saved = useRef<CaseFields>(record.fields)
  const latest = useRef(fields)
  latest.current = fields
  // field → the JSON of the value that was refused; a different value is tried again.
  const refused = useRef(new Map<keyof CaseFields, string>())
  const [state, setState] = useState<CaseSaveState>({ at: null, error: null, saving: false, field: null, retrying: false })

  const flush = useCallback(async () => {
    const cur = latest.current
    const problems = localProblems(cur)
    const patch: Partial<CaseFields> = {}
    for (const k of Object.keys(cur) as (keyof CaseFields)[]) {
      if (k in problems) continue
      const v = JSON.stringify(cur[k])
      if (refused.current.get(k) === v) continue
      refused.current.delete(k)
      if (v !== JSON.stringify(saved.current[k])) (patch as Record<string, unknown>)[k] = cur[k]
    }
    if (Object.keys(patch).length === 0) {
      if (refused.current.size === 0) setState((s) => (s.error ? { ...s, error: null, field: null, retrying: false } : s))
      return
    }
    setState((s) => ({ ...s, saving: true }))
    try {
      const r = await call('cases.update', { id: record.id, patch })
      saved.current = { ...saved.current, ...patch }
      const held = refused.current.entries().next()
      setState((s) => ({ at: r.updatedAt, error: held.done ? null : s.error, saving: false, field: held.done ? null : held.value[0], retrying: false }))
      onSaved(r)
    } catch (e) {
      const error = failureOf(e)
      if (isTransient(error.code)) {
        setState((s) => ({ ...s, error, saving: false, field: null, retrying: true }))
        return
      }
      // Sending the same text again fails the same way: hold it until the worker changes it.
      const named = fieldNamed(error.field, cur)
      const held = named && named in patch ? [named] : (Object.keys(patch) as (keyof CaseFields)[])
      for (const k of held) refused.current.set(k, JSON.stringify(patch[k]))
      setState((s) => ({ ...s, error, saving: false, field: held.length === 1 ? held[0] : named, retrying: false }))
      // The fields that were not at fault are saved on the next round.
      if (held.length < Object.keys(patch).length) void Promise.resolve().then(flush)
    }
  }, [record.id, onSaved])

  useEffect(() => {
    const id = setTimeout(() => void flush(), 1000)
    return () => clearTimeout(id)
  }, [fields, flush])
  // A save that failed for a transient reason (locked, disk busy) is tried again; flush sends
  // nothing when all is saved or held.
  useEffect(() => {
    const id = setInterval(() => void flush(), 5_000)
    return () => clearInterval(id)
  }, [flush])
  // Leaving the screen saves what is pending.
  useEffect(() => () => void flush(), [flush])

  const set = useCallback(<K extends keyof CaseFields>(k: K, v: CaseFields[K]) => setFields((f) => ({ ...f, [k]: v })), [])
  const problems = localProblems(fields)
  const params: Partial<Record<keyof CaseFields, Record<string, string | number>>> = problemParams(fields)
  // A refusal the main process named a field for (a date out of order with the contacts on record)
  // is also shown beside that field while it holds the refused value.
  const held = state.field
  if (held && state.error && !state.retrying && !(held in problems) && refused.current.get(held) === JSON.stringify(fields[held])) {
    problems[held] = state.error.messageKey
    if (state.error.params) params[held] = state.error.params
  }
  return { fields, set, state, problems, problemParams: params, flush }
}
