import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COLLECTIVE_MIN_PEOPLE, FLOWS, FLOW_STEPS, MAX_REPRESENTATIVES, RESOURCE_KINDS, RESOURCE_RESULTS, type Flow, type ResourceKind, type ResourceResult } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { call } from '../../app/desk-client'
import { useDraft } from '../../app/useDraft'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { useCall, useLoad } from '../../app/calls'
import { DirectoryPicker, directoryName } from '../referrals'
import { tx } from '../../app/i18n'

/** Special flows (7.2) as checklists: each step done is a time-stamped action with an optional note. */
export function FlowsPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const initial: Flow = record.fields.partyKind === 'collective' ? 'collective' : record.fields.irrational ? 'irrational' : 'hardship'
  const [flow, setFlow] = useState<Flow>(initial)
  return (
    <div className="flows">
      <div className="tabs small" role="tablist" aria-label={t('cases:sections.flows')}>
        {FLOWS.map((f) => (
          <button key={f} type="button" role="tab" aria-selected={flow === f} className={flow === f ? 'tab active' : 'tab'} onClick={() => setFlow(f)}>
            {t(`cases:options.flow.${f}`)}
            {record.flowActions.some((a) => a.flow === f) ? <span className="tag">{record.flowActions.filter((a) => a.flow === f).length}</span> : null}
          </button>
        ))}
      </div>
      {flow === 'collective' ? <Representatives record={record} onChange={onChange} /> : null}
      <Checklist record={record} flow={flow} onChange={onChange} />
      {flow === 'hardship' ? <Resources record={record} onChange={onChange} /> : null}
    </div>
  )
}

function Checklist({ record, flow, onChange }: { record: CaseRecord; flow: Flow; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useCall()
  // Step notes typed but not yet recorded are a draft (encrypted, this worker only).
  const draft = useDraft(`case:${record.id}:flow:${flow}:notes`, '{}')
  const notes = useMemo<Record<string, string>>(() => {
    try {
      return JSON.parse(draft.text) as Record<string, string>
    } catch {
      return {}
    }
  }, [draft.text])
  const setNotes = (f: (n: Record<string, string>) => Record<string, string>) => {
    const next = Object.fromEntries(Object.entries(f(notes)).filter(([, v]) => v !== ''))
    if (Object.keys(next).length) draft.set(JSON.stringify(next))
    else draft.committed(draft.text)
  }
  return (
    <section className="card">
      <h2>
        {t(`cases:options.flow.${flow}`)} <span className="hint">{t(`cases:flowClause.${flow}`)}</span>
      </h2>
      <ol className="checklist">
        {(FLOW_STEPS[flow] as readonly string[]).map((step) => {
          const done = record.flowActions.filter((a) => a.flow === flow && a.step === step)
          return (
            <li key={step} className={done.length ? 'step done' : 'step'} data-step={step}>
              <div className="step-text">{tx(t, `cases:steps.${flow}.${step}`)}</div>
              {done.map((a) => (
                <div key={a.id} className="step-log">
                  ✓ {formatDateTime(a.at, i18n.language)} · {a.by?.displayName ?? '—'}
                  {a.note ? ` · ${a.note}` : ''}
                </div>
              ))}
              <div className="step-actions">
                <input
                  aria-label={t('cases:flows.note')}
                  placeholder={t('cases:flows.note')}
                  value={notes[step] ?? ''}
                  onChange={(e) => setNotes((n) => ({ ...n, [step]: e.target.value }))}
                />
                <button
                  type="button"
                  onClick={() =>
                    run(async () => {
                      await call('cases.flowAction', { caseId: record.id, flow, step, note: notes[step] ?? '' })
                      setNotes((n) => ({ ...n, [step]: '' }))
                      onChange(await call('cases.get', { id: record.id }))
                    })
                  }
                >
                  {t('cases:flows.markDone')}
                </button>
              </div>
            </li>
          )
        })}
      </ol>
      <ErrorText error={error} />
    </section>
  )
}

/** 7.2.1 a / 第二十条第三款: at most 5 representatives, chosen from the group. */
function Representatives({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const hc = record.fields.headcount
  return (
    <section className="card">
      <h2>{t('cases:new.representatives', { max: MAX_REPRESENTATIVES })}</h2>
      <p>
        {hc ? t('cases:labels.people', { count: hc }) : t('cases:flows.noHeadcount')}
        {hc != null && hc >= COLLECTIVE_MIN_PEOPLE ? ` · ${t('cases:new.isCollective', { count: hc })}` : ''}
      </p>
      <ol className="reps">
        {record.representatives.map((r) => (
          <li key={r.id}>
            {r.name} {r.phone ? <span className="mono">{r.phone}</span> : null}{' '}
            <button type="button" className="link" onClick={() => run(async () => onChange(await call('cases.removeRepresentative', { id: record.id, representativeId: r.id })))}>
              {t('cases:actions.remove')}
            </button>
          </li>
        ))}
      </ol>
      <div className="field-row">
        <div className="field">
          <label htmlFor="rep-name">{t('cases:new.repName', { n: record.representatives.length + 1 })}</label>
          <input id="rep-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="rep-phone">{t('cases:fields.phone')}</label>
          <input id="rep-phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </div>
      </div>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            onChange(await call('cases.addRepresentative', { id: record.id, name, phone }))
            setName('')
            setPhone('')
          })
        }
      >
        {t('cases:new.addRepresentative')}
      </button>
      <ErrorText error={error} />
    </section>
  )
}

/** 7.2.3 e: resources linked (低保, 临时救助, 医疗救助…), each with the department and the result. */
function Resources({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useCall()
  const [kind, setKind] = useState<ResourceKind>('dibao')
  const [other, setOther] = useState('')
  const [dept, setDept] = useState('')
  const [result, setResult] = useState<ResourceResult>('pending')
  // The department can be picked from the directory (or typed, for one not in it).
  const directory = useLoad(() => call('directory.list', {}), [])
  const [picked, setPicked] = useState<number | null>(null)
  return (
    <section className="card">
      <h2>{t('cases:flows.resources')}</h2>
      {record.resources.length ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('cases:flows.resource')}</th>
              <th>{t('cases:flows.department')}</th>
              <th>{t('cases:flows.result')}</th>
              <th>{t('cases:flows.when')}</th>
            </tr>
          </thead>
          <tbody>
            {record.resources.map((r) => (
              <tr key={r.id}>
                <td>{r.kind === 'other' ? r.kindOther : t(`cases:options.resource.${r.kind}`)}</td>
                <td>{r.department}</td>
                <td>
                  <select
                    aria-label={t('cases:flows.result')}
                    value={r.result}
                    onChange={(e) => run(async () => onChange(await call('cases.resourceResult', { caseId: record.id, resourceId: r.id, result: e.target.value as ResourceResult })))}
                  >
                    {RESOURCE_RESULTS.map((x) => (
                      <option key={x} value={x}>
                        {t(`cases:options.resourceResult.${x}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{formatDateTime(r.at, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="field-row">
        <div className="field">
          <label htmlFor="res-kind">{t('cases:flows.resource')}</label>
          <select id="res-kind" value={kind} onChange={(e) => setKind(e.target.value as ResourceKind)}>
            {RESOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`cases:options.resource.${k}`)}
              </option>
            ))}
          </select>
          {kind === 'other' ? <input aria-label={t('cases:fields.otherText')} value={other} onChange={(e) => setOther(e.target.value)} /> : null}
        </div>
        <div className="field">
          <label htmlFor="res-dept">{t('cases:flows.department')}</label>
          <input id="res-dept" value={dept} onChange={(e) => (setDept(e.target.value), setPicked(null))} />
          {directory.value?.length ? (
            <DirectoryPicker
              label={t('referrals:panel.pick')}
              entries={directory.value}
              value={picked}
              suggested={['civilAffairs', 'socialWorkStation', 'legalAid', 'health']}
              onChange={(e) => {
                setPicked(e?.id ?? null)
                if (e) setDept(directoryName(t, e))
              }}
            />
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="res-result">{t('cases:flows.result')}</label>
          <select id="res-result" value={result} onChange={(e) => setResult(e.target.value as ResourceResult)}>
            {RESOURCE_RESULTS.map((x) => (
              <option key={x} value={x}>
                {t(`cases:options.resourceResult.${x}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            onChange(await call('cases.linkResource', { caseId: record.id, kind, kindOther: other, department: dept, result }))
            setDept('')
            setOther('')
          })
        }
      >
        {t('cases:flows.link')}
      </button>
      <ErrorText error={error} />
    </section>
  )
}
