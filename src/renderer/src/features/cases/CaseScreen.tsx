import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { OPEN_STATUSES, RISK_LEVELS, isHighRisk, type CaseStatus, type RiskLevel } from '@shared/domain/case/options'
import type { CaseRecord, UserRef } from '@shared/domain/case/types'
import type { DeskError } from '@shared/ipc/result'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { CaseCrisis, StartInterviewButton } from '../interview'
import { isMinor } from '@shared/domain/case/people'
import { CasePrintPanel } from '../forms'
import { InterviewsPanel } from './InterviewsPanel'
import { PlanSection, RegistrationSection } from './FormAEditor'
import { FlowsPanel } from './FlowsPanel'
import { ClosingPanel } from './ClosingPanel'
import { ConsentPanel } from './ConsentPanel'
import { FollowUpsPanel } from './FollowUpsPanel'
import { HistoryPanel } from './HistoryPanel'
import { PersonFlagTags, usePersonFlags } from './PersonFlags'
import { RiskBadge, StatusTag } from './CaseBadges'
import { ScreeningPanel } from './ScreeningPanel'
import { ReferralsPanel } from '../referrals'
import { CaseAftercarePanel } from '../aftercare'
import { useCaseAutosave } from './useCaseAutosave'
import { ConfidentialGate, needsReason } from './ConfidentialGate'
import { PeoplePanel, useCasePeople } from './PeoplePanel'
import './cases.css'
import { reasonText, reported, useCall } from '../../app/calls'
import { failureOf } from '@shared/ipc/failure'

const TABS = ['registration', 'people', 'screening', 'referrals', 'plan', 'interviews', 'flows', 'consent', 'followUps', 'closing', 'aftercare', 'print', 'history'] as const
type Tab = (typeof TABS)[number]

/**
 * One case. Route: { name: 'case', params: { caseId, tab? } } — other features link here with
 * go({ name: 'case', params: { caseId } }). Tabs: registration, screening, plan, interviews, flows,
 * consent, followUps, closing, aftercare (return visits, what the case is about), print, history.
 */
export function CaseScreen() {
  const { t } = useTranslation()
  const { route } = useNav()
  const caseId = Number(route.params?.caseId)
  const [record, setRecord] = useState<CaseRecord | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [opened, setOpened] = useState(0)
  useEffect(() => {
    if (!caseId) return
    setError(null)
    call('cases.get', { id: caseId }).then(setRecord, (e) => setError(failureOf(e)))
  }, [caseId, opened])
  // A confidential report that is not yours: a reason first (kept and audited), then the record.
  if (needsReason(error)) return <ConfidentialGate caseId={caseId} error={error!} onOpened={() => setOpened((n) => n + 1)} />
  if (error) return <div className="page"><ErrorText error={error} /></div>
  if (!record) return <div className="page muted">{t('common:loading')}</div>
  return <CaseView initial={record} initialTab={(route.params?.tab as Tab) ?? 'registration'} />
}

function CaseView({ initial, initialTab }: { initial: CaseRecord; initialTab: Tab }) {
  const { t, i18n } = useTranslation()
  const { session } = useSession()
  const [record, setRecord] = useState(initial)
  const [tab, setTab] = useState<Tab>(TABS.includes(initialTab) ? initialTab : 'registration')
  const onSaved = useCallback((r: CaseRecord) => setRecord((old) => ({ ...r, fields: old.fields === r.fields ? old.fields : r.fields })), [])
  const autosave = useCaseAutosave(initial, onSaved)
  const personFlags = usePersonFlags([record.id])
  const f = record.fields
  const people = useCasePeople(record.id)
  return (
    <div className="page case-page">
      <header className="case-head">
        <div>
          <h1>
            <span className="mono">{record.caseNo}</span> {autosave.fields.name}
          </h1>
          <div className="case-meta">
            <StatusTag status={record.status} /> <RiskBadge level={record.riskLevel} />
            {f.partyKind !== 'person' ? <span className="tag">{t(`cases:options.partyKind.${f.partyKind}`)}</span> : null}
            {record.repeat?.mark === 'repeat' ? <span className="tag">{t('cases:options.repeat.repeat')}</span> : null}
            {people.value?.confidential ? (
              <span className="tag confidential" data-testid="confidential-badge" title={t('people:confidential.maskedHint')}>
                {t('people:confidential.badge')}
              </span>
            ) : null}
            <PersonFlagTags flags={personFlags[record.id]} />
            <span className="muted">
              {t('cases:fields.worker')}: {record.assignedWorker?.displayName ?? '—'} · {t('cases:fields.contactDate')}: {f.contactDate}
              {record.age != null ? ` · ${t('cases:fields.age')}: ${record.age}` : ''}
            </span>
          </div>
        </div>
        <div className="case-actions">
          <StartInterviewButton caseId={record.id} />
          <CaseCrisis caseId={record.id} riskLevel={record.riskLevel} onChanged={() => void call('cases.get', { id: record.id }).then(setRecord, () => {})} />
        </div>
      </header>
      {isMinor(record.age) ? (
        <p className="notice" role="status" data-testid="minor-notice">
          {t('cases:people.minor', { age: record.age })}
        </p>
      ) : null}
      <div className="case-controls">
        <StatusControl record={record} onChange={setRecord} />
        <RiskControl record={record} onChange={setRecord} />
        {session.role === 'supervisor' ? <IntakeControl record={record} onChange={setRecord} /> : null}
        <RepeatControl record={record} onChange={setRecord} />
      </div>
      {isHighRisk(record.riskLevel) && record.risk ? (
        <p className="risk-reason">
          {t('cases:risk.setBy', { level: t(`cases:options.risk.${record.riskLevel}`), who: record.risk.by?.displayName ?? '—', when: formatDateTime(record.risk.at, i18n.language), reason: reasonText(t, record.risk.reason) })}
        </p>
      ) : null}
      <div className="tabs" role="tablist" aria-label={t('cases:sections.label')}>
        {TABS.map((tb) => (
          <button key={tb} type="button" role="tab" aria-selected={tab === tb} className={tab === tb ? 'tab active' : 'tab'} onClick={() => setTab(tb)}>
            {tb === 'people' ? t('people:tab') : t(`cases:tabs.${tb}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'registration' ? <RegistrationSection record={record} a={autosave} /> : null}
        {tab === 'people' ? <PeoplePanel caseId={record.id} people={people} /> : null}
        {tab === 'screening' ? <ScreeningPanel record={record} onChange={setRecord} /> : null}
        {tab === 'referrals' ? <ReferralsPanel caseId={record.id} open={OPEN_STATUSES.includes(record.status)} /> : null}
        {tab === 'plan' ? <PlanSection a={autosave} record={record} /> : null}
        {tab === 'flows' ? <FlowsPanel record={record} onChange={setRecord} /> : null}
        {tab === 'consent' ? <ConsentPanel record={record} onChange={setRecord} /> : null}
        {tab === 'followUps' ? <FollowUpsPanel record={record} onChange={setRecord} /> : null}
        {tab === 'closing' ? <ClosingPanel record={record} onChange={setRecord} /> : null}
        {tab === 'aftercare' ? <CaseAftercarePanel caseId={record.id} languages={record.fields.language} /> : null}
        {tab === 'history' ? <HistoryPanel record={record} /> : null}
        {tab === 'interviews' ? <InterviewsPanel caseId={record.id} /> : null}
        {tab === 'print' ? <CasePrintPanel caseId={record.id} /> : null}
      </div>
    </div>
  )
}

function StatusControl({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const closed = !OPEN_STATUSES.includes(record.status)
  const [reason, setReason] = useState('')
  if (closed) {
    return (
      <div className="control">
        <span className="label">{t('cases:labels.status')}</span> <StatusTag status={record.status} />
        <input aria-label={t('cases:actions.reopenReason')} placeholder={t('cases:actions.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="button" onClick={() => run(async () => onChange(await call('cases.reopen', { id: record.id, reason })))}>
          {t('cases:actions.reopen')}
        </button>
        <ErrorText error={error} />
      </div>
    )
  }
  return (
    <div className="control">
      <label htmlFor="status-select">{t('cases:labels.status')}</label>
      <select id="status-select" value={record.status} onChange={(e) => run(async () => onChange(await call('cases.setStatus', { id: record.id, status: e.target.value as CaseStatus })))}>
        {OPEN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`cases:options.status.${s}`)}
          </option>
        ))}
      </select>
      <ErrorText error={error} />
    </div>
  )
}

function RiskControl({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const [level, setLevel] = useState<RiskLevel>(record.riskLevel)
  const [reason, setReason] = useState('')
  return (
    <div className="control">
      <label htmlFor="risk-select">{t('cases:labels.risk')}</label>
      <select id="risk-select" value={level} onChange={(e) => setLevel(e.target.value as RiskLevel)}>
        {RISK_LEVELS.map((r) => (
          <option key={r} value={r}>
            {t(`cases:options.risk.${r}`)}
          </option>
        ))}
      </select>
      {level !== record.riskLevel ? (
        <>
          <input aria-label={t('cases:risk.reason')} placeholder={t('cases:risk.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button
            type="button"
            onClick={() =>
              run(async () => {
                onChange(await call('cases.setRisk', { id: record.id, level, reason }))
                setReason('')
              })
            }
          >
            {t('cases:risk.set')}
          </button>
        </>
      ) : null}
      <ErrorText error={error} />
    </div>
  )
}

/** Form A 服务立案: the supervisor accepts (assigning a worker) or declines with a reason. */
function IntakeControl({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useCall()
  const [workers, setWorkers] = useState<UserRef[]>([])
  const [worker, setWorker] = useState<number | ''>(record.assignedWorker?.id ?? '')
  const [note, setNote] = useState(record.intake?.note ?? '')
  useEffect(() => void call('cases.workers', {}).then(setWorkers, reported()), [])
  return (
    <div className="control">
      <span className="label">{t('cases:intake.title')}</span>
      {record.intake ? (
        <span>
          {record.intake.accepted ? t('cases:intake.accepted', { worker: record.intake.assignedTo?.displayName ?? '—' }) : t('cases:intake.declined', { note: record.intake.note })}{' '}
          <span className="muted">({record.intake.by?.displayName} · {formatDateTime(record.intake.at, i18n.language)})</span>
        </span>
      ) : null}
      <select aria-label={t('cases:intake.assignTo')} value={worker} onChange={(e) => setWorker(e.target.value ? Number(e.target.value) : '')}>
        <option value="">{t('cases:intake.assignTo')}</option>
        {workers.map((w) => (
          <option key={w.id} value={w.id}>
            {w.displayName}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => run(async () => onChange(await call('cases.intake', { id: record.id, accepted: true, assignedWorkerId: worker || undefined, note })))}>
        {t('cases:intake.accept')}
      </button>
      <input aria-label={t('cases:intake.note')} placeholder={t('cases:intake.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <button type="button" onClick={() => run(async () => onChange(await call('cases.intake', { id: record.id, accepted: false, note })))}>
        {t('cases:intake.decline')}
      </button>
      <ErrorText error={error} />
    </div>
  )
}

/** The 重复上访 mark, set only by the worker's explicit choice. */
function RepeatControl({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const [open, setOpen] = useState(false)
  const [cands, setCands] = useState<{ id: number; caseNo: string; name: string; masked?: boolean }[]>([])
  const [of, setOf] = useState<number[]>(record.repeat?.ofCaseIds ?? [])
  useEffect(() => {
    if (!open) return
    void call('cases.findRepeats', { name: record.fields.name, phone: record.fields.phone, address: record.fields.address, partyKind: record.fields.partyKind, excludeCaseId: record.id }).then(setCands, reported('errors:what.repeats'))
  }, [open, record])
  return (
    <div className="control">
      <span className="label">{t('cases:repeat.label')}</span>
      <span>{record.repeat ? t(`cases:options.repeat.${record.repeat.mark}`) : t('cases:repeat.undecided')}</span>
      <button type="button" className="link" onClick={() => setOpen((o) => !o)}>
        {t('cases:repeat.decide')}
      </button>
      {open ? (
        <div className="repeat-decide">
          {cands.length === 0 ? <p className="muted">{t('cases:repeat.none')}</p> : null}
          {cands.map((c) => (
            <label key={c.id} className="option">
              <input type="checkbox" checked={of.includes(c.id)} onChange={(e) => setOf(e.target.checked ? [...of, c.id] : of.filter((x) => x !== c.id))} />
              <span className="mono">{c.caseNo}</span> {c.masked ? t('people:confidential.maskedLine') : c.name}
            </label>
          ))}
          {/* The worker's call: 重复上访 with or without a matching case on this desk. */}
          <button type="button" onClick={() => run(async () => (onChange(await call('cases.markRepeat', { id: record.id, mark: 'repeat', ofCaseIds: of })), setOpen(false)))}>
            {t('cases:options.repeat.repeat')}
          </button>
          <button type="button" onClick={() => run(async () => (onChange(await call('cases.markRepeat', { id: record.id, mark: 'notRepeat' })), setOpen(false)))}>
            {t('cases:options.repeat.notRepeat')}
          </button>
        </div>
      ) : null}
      <ErrorText error={error} />
    </div>
  )
}
