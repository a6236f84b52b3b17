import { useEffect, useMemo, useState } from 'react'
import { petitionerLanguages } from '@shared/domain/case/languages'
import { useTranslation } from 'react-i18next'
import {
  CLOSING_CATEGORIES,
  CLOSING_TYPES,
  CONSENT_KINDS,
  CONSENT_TEXT_VERSION,
  FOLLOW_UP_KINDS,
  TRANSFER_REASONS,
  type ConsentKind,
  type ConsentMethod,
  type FollowUpKind
} from '@shared/domain/case/options'
import type { CaseRecord, CaseVersion, ClosingData, GoalRow } from '@shared/domain/case/types'
import { defaultShortFollowUp, midFollowUpRange } from '@shared/domain/dates/deadlines'
import { localIsoDate } from '@shared/domain/dates/calendar'
import { closingDateProblems } from '@shared/domain/dates/order'
import { call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import type { Locale } from '@shared/domain/session/types'
import { OptionRadios, useAction } from './parts'
import { reasonText, reported } from '../../app/calls'
import { useDraft } from '../../app/useDraft'
import { CaseReferralHistory } from '../referrals'
import { DraftNote } from '../../ui/DraftNote'

/** PIPL (4.5): consent to record, separately for sensitive information, written consent for disclosure. */
export function ConsentPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useAction()
  const [note, setNote] = useState('')
  const latest = (k: ConsentKind) => [...record.consents].reverse().find((c) => c.kind === k)
  const give = (kind: ConsentKind, granted: boolean, method: ConsentMethod) =>
    run(async () => {
      onChange(await call('cases.consent', { caseId: record.id, kind, granted, method, note: kind === 'disclosure' ? note : '' }))
      if (kind === 'disclosure') setNote('')
    })
  return (
    <section className="card consent">
      <h2>{t('cases:sections.consent')}</h2>
      <p className="hint">{t('cases:consent.version', { version: CONSENT_TEXT_VERSION })}</p>
      <ConsentSlipButtons record={record} />
      {CONSENT_KINDS.map((k) => {
        const c = latest(k)
        return (
          <div key={k} className="consent-row" data-consent={k}>
            <h3>{t(`cases:options.consentKind.${k}`)}</h3>
            <p className="hint">{t(`cases:consent.explain.${k}`)}</p>
            <p>
              {c
                ? t(c.granted ? 'cases:consent.given' : 'cases:consent.refused', {
                    method: t(`cases:options.consentMethod.${c.method}`),
                    when: formatDateTime(c.at, i18n.language),
                    who: c.by?.displayName ?? '—',
                    version: c.textVersion
                  })
                : t('cases:consent.none')}
              {c?.note ? ` · ${c.note}` : ''}
            </p>
            {k === 'disclosure' ? (
              <div className="field">
                <label htmlFor="consent-to">{t('cases:consent.recipient')}</label>
                <input id="consent-to" value={note} onChange={(e) => setNote(e.target.value)} />
              </div>
            ) : null}
            <div className="button-row">
              {k !== 'disclosure' ? (
                <button type="button" onClick={() => give(k, true, 'oral')}>
                  {t('cases:consent.oral')}
                </button>
              ) : null}
              <button type="button" onClick={() => give(k, true, 'written')}>
                {t('cases:consent.written')}
              </button>
              <button type="button" onClick={() => give(k, false, 'oral')}>
                {t('cases:consent.refuse')}
              </button>
            </div>
          </div>
        )
      })}
      <ErrorText error={error} />
    </section>
  )
}

/** Print or save the consent slip in the petitioner's language (default: the recorded 语言). */
function ConsentSlipButtons({ record }: { record: CaseRecord }) {
  const { t } = useTranslation()
  const { run, error } = useAction()
  const [lang, setLang] = useState<Locale>(petitionerLanguages(record.fields.language, record.fields.languageOther).speakable ?? 'zh-CN')
  const out = (action: 'print' | 'save') => run(async () => deliverPdf(await call('cases.consentSlip', { caseId: record.id, lang, action }), action))
  return (
    <div className="button-row">
      <label htmlFor="slip-lang">{t('cases:consentSlip.printLang')}</label>
      <select id="slip-lang" value={lang} onChange={(e) => setLang(e.target.value as Locale)}>
        <option value="zh-CN">{t('common:language.zh-CN')}</option>
        <option value="yue-HK">{t('common:language.yue-HK')}</option>
      </select>
      <button type="button" onClick={() => out('print')}>
        {t('cases:consentSlip.print')}
      </button>
      <button type="button" onClick={() => out('save')}>
        {t('common:actions.saveAs')}
      </button>
      <ErrorText error={error} />
    </div>
  )
}

/** Follow-ups: short term 3–7 days, mid term 1–3 months (practice-guide targets, not statute). */
export function FollowUpsPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useAction()
  const today = localIsoDate(new Date())
  const [kind, setKind] = useState<FollowUpKind>('short')
  const [due, setDue] = useState(defaultShortFollowUp(today))
  const [note, setNote] = useState('')
  useEffect(() => setDue(kind === 'short' ? defaultShortFollowUp(today) : midFollowUpRange(today).min), [kind, today])
  const refresh = async () => onChange(await call('cases.get', { id: record.id }))
  return (
    <section className="card">
      <h2>{t('cases:sections.followUps')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('cases:followUps.due')}</th>
            <th>{t('cases:followUps.kind')}</th>
            <th>{t('cases:followUps.note')}</th>
            <th>{t('cases:followUps.state')}</th>
          </tr>
        </thead>
        <tbody>
          {record.followUps.map((f) => (
            <tr key={f.id} className={!f.doneAt && f.dueDate < today ? 'overdue' : undefined}>
              <td className="nowrap">{f.dueDate}</td>
              <td>{t(`cases:options.followUpKind.${f.kind}`)}</td>
              <td>{f.note}</td>
              <td>
                {f.doneAt ? (
                  t('cases:followUps.done')
                ) : (
                  <button type="button" onClick={() => run(async () => (await call('cases.completeFollowUp', { followUpId: f.id }), await refresh()))}>
                    {t('cases:followUps.markDone')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field-row">
        <OptionRadios name="fu-kind" legend={t('cases:followUps.kind')} list={FOLLOW_UP_KINDS} labels="cases:options.followUpKind" value={kind} onChange={(v) => setKind(v ?? 'short')} />
        <div className="field narrow">
          <label htmlFor="fu-due">{t('cases:followUps.due')}</label>
          <input id="fu-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="fu-note">{t('cases:followUps.note')}</label>
          <input id="fu-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      <button
        type="button"
        onClick={() =>
          run(async () => {
            await call('cases.scheduleFollowUp', { caseId: record.id, dueDate: due, kind, note })
            setNote('')
            await refresh()
          })
        }
      >
        {t('cases:followUps.add')}
      </button>
      <ErrorText error={error} />
    </section>
  )
}

const emptyClosing = (r: CaseRecord): ClosingData => ({
  category: 'end',
  openedDate: r.fields.contactDate,
  closedDate: localIsoDate(new Date()),
  transferReason: null,
  transferReasonOther: '',
  closingType: null,
  closingTypeOther: '',
  linkedResources: '',
  contactedDepartments: '',
  goals: [{ seq: 1, goal: '', achievement: '', note: '' }],
  reflection: '',
  workerSignedDate: '',
  transferTo: ''
})

/** Form C (结案表): closing or transfer, goal rows, reflection. */
export function ClosingPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useAction()
  // Form C as typed is a draft (encrypted, this worker only) until it is saved with the case.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const saved = useMemo(() => JSON.stringify(record.closing ?? emptyClosing(record)), [record.closing])
  const draft = useDraft(`case:${record.id}:closing`, saved)
  const c = useMemo<ClosingData>(() => {
    try {
      return { ...(JSON.parse(saved) as ClosingData), ...(JSON.parse(draft.text) as ClosingData) }
    } catch {
      return JSON.parse(saved) as ClosingData
    }
  }, [draft.text, saved])
  const set = <K extends keyof ClosingData>(k: K, v: ClosingData[K]) => draft.set(JSON.stringify({ ...c, [k]: v }))
  const setGoal = (i: number, patch: Partial<GoalRow>) => set('goals', c.goals.map((g, j) => (j === i ? { ...g, ...patch } : g)))
  const save = (finalize: boolean) =>
    run(async () => {
      const sent = draft.text
      onChange(await call('cases.close', { id: record.id, closing: c, finalize }))
      draft.committed(sent)
    })
  const closed = record.status === 'closed' || record.status === 'transferred'
  // A date out of order is named beside its field, as typed (the main process refuses it too; nothing
  // typed here is cleared by a refusal).
  const local = closingDateProblems(c, { today: localIsoDate(new Date()), contactDate: record.fields.contactDate, draft: true })
  const refusedField = error?.field?.replace(/^closing\./, '')
  const dateError = (field: 'openedDate' | 'closedDate' | 'workerSignedDate') => {
    const p = local.find((x) => x.field === field)
    const msg = p ? t(p.messageKey, p.params) : refusedField === field && error ? t(error.messageKey, error.params as Record<string, string>) : null
    return msg ? (
      <div className="field-error" role="alert" data-testid={`closing-error-${field}`}>
        {msg}
      </div>
    ) : null
  }
  return (
    <section className="card closing">
      <h2>{t('cases:sections.closing')}</h2>
      {closed ? <p className="notice">{t('cases:closing.isClosed', { status: t(`cases:options.status.${record.status}`) })}</p> : null}
      <OptionRadios name="c-category" legend={t('cases:closing.category')} list={CLOSING_CATEGORIES} labels="cases:options.category" value={c.category} onChange={(v) => set('category', v ?? 'end')} />
      <div className="field-row">
        <div className="field narrow">
          <label htmlFor="c-opened">{t('cases:closing.openedDate')}</label>
          <input id="c-opened" type="date" value={c.openedDate} onChange={(e) => set('openedDate', e.target.value)} />
          {dateError('openedDate')}
        </div>
        <div className="field narrow">
          <label htmlFor="c-closed">{t('cases:closing.closedDate')}</label>
          <input id="c-closed" type="date" value={c.closedDate} onChange={(e) => set('closedDate', e.target.value)} />
          {dateError('closedDate')}
        </div>
        {c.category === 'transfer' ? (
          <div className="field">
            <label htmlFor="c-to">{t('cases:closing.transferTo')}</label>
            <input id="c-to" value={c.transferTo} onChange={(e) => set('transferTo', e.target.value)} />
          </div>
        ) : null}
      </div>
      {c.category === 'transfer' ? (
        <OptionRadios
          name="c-reason"
          legend={t('cases:closing.transferReason')}
          list={TRANSFER_REASONS}
          labels="cases:options.transferReason"
          value={c.transferReason}
          onChange={(v) => set('transferReason', v)}
          otherText={c.transferReasonOther}
          onOtherText={(s) => set('transferReasonOther', s)}
        />
      ) : null}
      <OptionRadios
        name="c-type"
        legend={t('cases:closing.closingType')}
        list={CLOSING_TYPES}
        labels="cases:options.closingType"
        value={c.closingType}
        onChange={(v) => set('closingType', v)}
        otherText={c.closingTypeOther}
        onOtherText={(s) => set('closingTypeOther', s)}
      />
      <h3>{t('cases:closing.resources')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor="c-linked">{t('cases:closing.linkedResources')}</label>
          <textarea id="c-linked" rows={2} value={c.linkedResources} onChange={(e) => set('linkedResources', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="c-depts">{t('cases:closing.contactedDepartments')}</label>
          <textarea id="c-depts" rows={2} value={c.contactedDepartments} onChange={(e) => set('contactedDepartments', e.target.value)} />
        </div>
      </div>
      <h3>{t('cases:closing.goals')}</h3>
      <table className="table goals">
        <thead>
          <tr>
            <th>{t('cases:closing.seq')}</th>
            <th>{t('cases:closing.goal')}</th>
            <th>{t('cases:closing.achievement')}</th>
            <th>{t('cases:closing.remark')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {c.goals.map((g, i) => (
            <tr key={i}>
              <td>{g.seq}</td>
              <td>
                <input aria-label={`${t('cases:closing.goal')} ${g.seq}`} value={g.goal} onChange={(e) => setGoal(i, { goal: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('cases:closing.achievement')} ${g.seq}`} value={g.achievement} onChange={(e) => setGoal(i, { achievement: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('cases:closing.remark')} ${g.seq}`} value={g.note} onChange={(e) => setGoal(i, { note: e.target.value })} />
              </td>
              <td>
                <button type="button" className="link" onClick={() => set('goals', c.goals.filter((_, j) => j !== i).map((x, j) => ({ ...x, seq: j + 1 })))}>
                  {t('cases:actions.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => set('goals', [...c.goals, { seq: c.goals.length + 1, goal: '', achievement: '', note: '' }])}>
        {t('cases:closing.addGoal')}
      </button>
      <div className="field">
        <label htmlFor="c-reflection">{t('cases:closing.reflection')}</label>
        <textarea id="c-reflection" rows={4} value={c.reflection} onChange={(e) => set('reflection', e.target.value)} />
        <DraftNote draft={draft} />
      </div>
      <div className="field narrow">
        <label htmlFor="c-signed">{t('cases:closing.workerSignedDate')}</label>
        <input id="c-signed" type="date" value={c.workerSignedDate} onChange={(e) => set('workerSignedDate', e.target.value)} />
        {dateError('workerSignedDate')}
      </div>
      <p className="hint">{t('cases:closing.supervisorPart')}</p>
      {refusedField && ['openedDate', 'closedDate', 'workerSignedDate'].includes(refusedField) ? (
        <p className="hint" role="status">{t('errors:dates.kept')}</p>
      ) : (
        <ErrorText error={error} />
      )}
      <div className="button-row">
        <button type="button" onClick={() => save(false)} disabled={closed}>
          {t('cases:closing.saveDraft')}
        </button>
        <button type="button" className="primary" onClick={() => save(true)} disabled={closed}>
          {c.category === 'transfer' ? t('cases:closing.finalizeTransfer') : t('cases:closing.finalizeClose')}
        </button>
      </div>
    </section>
  )
}

/** What the record said before each change (a supervisor's view of the history). */
export function HistoryPanel({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation()
  const [versions, setVersions] = useState<CaseVersion[] | null>(null)
  useEffect(() => {
    void call('cases.history', { id: record.id }).then(setVersions, reported())
  }, [record.id, record.version])
  return (
    <section className="card">
      <h2>{t('cases:sections.history')}</h2>
      <p className="hint">{t('cases:history.created', { when: formatDateTime(record.createdAt, i18n.language), who: record.createdBy?.displayName ?? '—' })}</p>
      {versions && versions.length === 0 ? <p className="muted">{t('cases:history.none')}</p> : null}
      {versions?.map((v) => (
        <div key={v.version} className="version">
          <h3>
            {t('cases:history.version', { version: v.version, when: formatDateTime(v.at, i18n.language), who: v.by?.displayName ?? '—' })}
            {v.source ? ` ${t('cases:history.fromProposal', { n: v.source.workCount })}` : ''}
          </h3>
          <table className="table">
            <tbody>
              {v.changedFields.map((f) => (
                <tr key={f}>
                  <th>{t(`cases:fields.${f}`)}</th>
                  <td className="before">{formatBefore(f, (v.before as Record<string, unknown>)[f], t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <CaseReferralHistory caseId={record.id} />
      <h3>{t('cases:history.risk')}</h3>
      <ul>
        {record.riskHistory.map((r, i) => (
          <li key={i}>
            {formatDateTime(r.at, i18n.language)} · {t(`cases:options.risk.${r.level}`)} · {r.by?.displayName ?? '—'} · {reasonText(t, r.reason)}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Which option list a coded field's values are labelled from. */
const CODED: Record<string, string> = {
  partyKind: 'partyKind',
  source: 'source',
  gender: 'gender',
  language: 'language',
  marital: 'marital',
  education: 'education',
  living: 'living',
  needs: 'needs'
}

function formatBefore(field: string, v: unknown, t: (k: string) => string): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return t('cases:history.empty')
  if (typeof v === 'boolean') return v ? '✓' : '✗'
  const label = (x: unknown) => (CODED[field] ? t(`cases:options.${CODED[field]}.${String(x)}`) : String(x))
  if (Array.isArray(v)) return v.map(label).join('、')
  return label(v)
}
