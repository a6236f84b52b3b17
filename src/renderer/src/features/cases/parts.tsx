import { useContext, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '@shared/domain/case/types'
import { isHighRisk, type RiskLevel } from '@shared/domain/case/options'
import { useCall } from '../../app/calls'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { SessionContext } from '../../app/session-context'
import './cases.css'

/** Risk shown in every list; high and critical stand out (on the worker's side of the screen only). */
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation()
  return (
    <span className={`risk risk-${level}`} data-risk={level}>
      {t('cases:labels.risk')} {t(`cases:options.risk.${level}`)}
    </span>
  )
}

export function StatusTag({ status }: { status: CaseSummary['status'] }) {
  const { t } = useTranslation()
  return <span className={`status status-${status}`}>{t(`cases:options.status.${status}`)}</span>
}

type PersonFlags = Record<number, { foreignNational: boolean; hardOfHearing: boolean }>

/**
 * The person flags a case carries in lists and on its header (外籍, 听力较差): asked for the cases
 * shown; the main process leaves out a confidential case this person may not open. A failed ask
 * shows no flag (nothing is written, nothing is lost).
 */
export function usePersonFlags(ids: number[]): PersonFlags {
  const [flags, setFlags] = useState<PersonFlags>({})
  const key = ids.join(',')
  useEffect(() => {
    if (!key) return
    let live = true
    call('person.flags', { caseIds: key.split(',').map(Number).slice(0, 1000) }).then(
      (f) => live && setFlags(f),
      () => live && setFlags({})
    )
    return () => {
      live = false
    }
  }, [key])
  return flags
}

/** 外籍 (and 听力较差) beside a name: the worker knows before they open the case. */
export function PersonFlagTags({ flags }: { flags: PersonFlags[number] | undefined }) {
  const { t } = useTranslation()
  if (!flags) return null
  return (
    <>
      {flags.foreignNational ? (
        <span className="tag tag-person" data-flag="foreignNational" title={t('interview:people.foreignFlagTitle')}>
          {t('interview:people.foreignFlag')}
        </span>
      ) : null}
      {flags.hardOfHearing ? (
        <span className="tag tag-person" data-flag="hardOfHearing">
          {t('interview:people.hardOfHearing')}
        </span>
      ) : null}
    </>
  )
}

/** A list of cases with risk, status and worker always visible; Enter or click opens one. */
export function CaseTable({ rows, empty, caption }: { rows: CaseSummary[]; empty?: string; caption?: string }) {
  const { t } = useTranslation()
  const { go } = useNav()
  const role = useContext(SessionContext)?.session.role
  // A records clerk opens a case's forms (to print), never the record's editing screen.
  const open = (caseId: number) => go(role === 'clerk' ? { name: 'forms', params: { caseId } } : { name: 'case', params: { caseId } })
  const flags = usePersonFlags(rows.map((r) => r.id))
  if (rows.length === 0) return empty ? <p className="muted">{empty}</p> : null
  return (
    <table className="table case-table">
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          <th>{t('cases:labels.caseNo')}</th>
          <th>{t('cases:fields.name')}</th>
          <th>{t('cases:labels.risk')}</th>
          <th>{t('cases:labels.status')}</th>
          <th>{t('cases:fields.worker')}</th>
          <th>{t('cases:fields.contactDate')}</th>
          <th>{t('cases:fields.summary')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} className={isHighRisk(c.riskLevel) ? 'row-high-risk' : undefined}>
            <td>
              <button type="button" className="link mono" onClick={() => open(c.id)}>
                {c.caseNo}
              </button>
            </td>
            <td>
              {c.masked ? (
                <span className="tag confidential" title={t('people:confidential.maskedHint')}>
                  {t('people:confidential.maskedLine')}
                </span>
              ) : (
                c.name
              )}
              {c.confidential && !c.masked ? <span className="tag confidential">{t('people:confidential.badge')}</span> : null}
              {!c.masked && c.partyKind !== 'person' ? <span className="tag">{t(`cases:options.partyKind.${c.partyKind}`)}{c.headcount ? ` · ${t('cases:labels.people', { count: c.headcount })}` : ''}</span> : null}
              {c.repeat === 'repeat' ? <span className="tag">{t('cases:options.repeat.repeat')}</span> : null}
              <PersonFlagTags flags={flags[c.id]} />
            </td>
            <td>
              <RiskBadge level={c.riskLevel} />
            </td>
            <td>
              <StatusTag status={c.status} />
            </td>
            <td>{c.assignedWorker?.displayName ?? '—'}</td>
            <td className="nowrap">{c.contactDate}</td>
            <td className="summary-cell">{c.summary}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Radio buttons for one of the standard's option lists, with the "（请注明）" text beside "other". */
export function OptionRadios<T extends string>({
  name,
  list,
  labels,
  value,
  onChange,
  otherCodes = ['other' as T],
  otherText,
  onOtherText,
  legend
}: {
  name: string
  list: readonly T[]
  labels: string
  value: T | null
  onChange(v: T | null): void
  otherCodes?: readonly T[]
  otherText?: string
  onOtherText?(s: string): void
  legend: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="options">
      <legend>{legend}</legend>
      {list.map((code) => (
        <label key={code} className="option">
          <input type="radio" name={name} checked={value === code} onChange={() => onChange(code)} onClick={() => value === code && onChange(null)} />
          {t(`${labels}.${code}`)}
        </label>
      ))}
      {onOtherText && value && otherCodes.includes(value) ? (
        <input
          className="other-text"
          aria-label={t('cases:fields.otherText')}
          placeholder={t('cases:fields.otherText')}
          value={otherText ?? ''}
          onChange={(e) => onOtherText(e.target.value)}
        />
      ) : null}
    </fieldset>
  )
}

export function OptionChecks<T extends string>({
  list,
  labels,
  value,
  onChange,
  otherText,
  onOtherText,
  legend
}: {
  list: readonly T[]
  labels: string
  value: T[]
  onChange(v: T[]): void
  otherText?: string
  onOtherText?(s: string): void
  legend: string
}) {
  const { t } = useTranslation()
  return (
    <fieldset className="options">
      <legend>{legend}</legend>
      {list.map((code) => (
        <label key={code} className="option">
          <input
            type="checkbox"
            checked={value.includes(code)}
            onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((x) => x !== code))}
          />
          {t(`${labels}.${code}`)}
        </label>
      ))}
      {onOtherText && value.includes('other' as T) ? (
        <input
          className="other-text"
          aria-label={t('cases:fields.otherText')}
          placeholder={t('cases:fields.otherText')}
          value={otherText ?? ''}
          onChange={(e) => onOtherText(e.target.value)}
        />
      ) : null}
    </fieldset>
  )
}

/** Run an IPC call, keeping its translated error for display; returns the value or null (the app's one idiom: app/calls). */
export const useAction = useCall

/** A value that settles `ms` after the last change (search as you type, repeat lookup). */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value)
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms)
    return () => clearTimeout(id)
  }, [value, ms])
  return v
}

/** Remembers the latest value in a ref, for callbacks fired after unmount (save on leave). */
export function useLatest<T>(value: T) {
  const ref = useRef(value)
  ref.current = value
  return ref
}
