import { useCallback, useEffect, useRef, useState } from 'react'
import type { CaseFields, CaseRecord } from '@shared/domain/case/types'
import { checkPhone } from '@shared/domain/case/phone'
import { isValidIsoDate } from '@shared/domain/dates/calendar'
import { isValidBirthDate } from '@shared/domain/dates/age'
import type { DeskError } from '@shared/ipc/result'
import { call, CallError } from '../../app/desk-client'

const DATE_FIELDS: (keyof CaseFields)[] = ['contactDate', 'workerSignedDate', 'acceptedDate', 'opinionReceivedDate', 'reviewReceivedDate']

/** Fields that are not saveable as typed yet (the text stays on screen with its message). */
export function localProblems(f: CaseFields): Partial<Record<keyof CaseFields, string>> {
  const out: Partial<Record<keyof CaseFields, string>> = {}
  if (f.phone.trim()) {
    const r = checkPhone(f.phone)
    if (!r.ok) out.phone = r.messageKey
  }
  if (f.birth && !isValidBirthDate(f.birth)) out.birth = 'errors:arg.badDate'
  for (const k of DATE_FIELDS) {
    const v = f[k] as string
    if (k === 'contactDate' ? !isValidIsoDate(v) : v !== '' && !isValidIsoDate(v)) out[k] = 'errors:arg.badDate'
  }
  if (!f.name.trim()) out.name = 'errors:arg.required'
  return out
}

/**
 * Autosave for a case's fields: changes are sent ~1 s after typing stops, on leaving the screen,
 * and only for fields that changed and are valid; what the worker typed is never thrown away.
 */
export function useCaseAutosave(record: CaseRecord, onSaved: (r: CaseRecord) => void) {
  const [fields, setFields] = useState<CaseFields>(record.fields)
  const saved = useRef<CaseFields>(record.fields)
  const latest = useRef(fields)
  latest.current = fields
  const [state, setState] = useState<{ at: string | null; error: DeskError | null; saving: boolean }>({ at: null, error: null, saving: false })

  const flush = useCallback(async () => {
    const cur = latest.current
    const problems = localProblems(cur)
    const patch: Partial<CaseFields> = {}
    for (const k of Object.keys(cur) as (keyof CaseFields)[]) {
      if (k in problems) continue
      if (JSON.stringify(cur[k]) !== JSON.stringify(saved.current[k])) (patch as Record<string, unknown>)[k] = cur[k]
    }
    if (Object.keys(patch).length === 0) return
    setState((s) => ({ ...s, saving: true }))
    try {
      const r = await call('cases.update', { id: record.id, patch })
      saved.current = { ...saved.current, ...patch }
      setState({ at: r.updatedAt, error: null, saving: false })
      onSaved(r)
    } catch (e) {
      setState({ at: null, error: e instanceof CallError ? e.error : { ok: false, code: 'INTERNAL', messageKey: 'errors:internal' }, saving: false })
    }
  }, [record.id, onSaved])

  useEffect(() => {
    const id = setTimeout(() => void flush(), 1000)
    return () => clearTimeout(id)
  }, [fields, flush])
  // A save that failed (locked, disk busy) is tried again; flush sends nothing when all is saved.
  useEffect(() => {
    const id = setInterval(() => void flush(), 5_000)
    return () => clearInterval(id)
  }, [flush])
  // Leaving the screen saves what is pending.
  useEffect(() => () => void flush(), [flush])

  const set = useCallback(<K extends keyof CaseFields>(k: K, v: CaseFields[K]) => setFields((f) => ({ ...f, [k]: v })), [])
  return { fields, set, state, problems: localProblems(fields), flush }
}
