import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import i18next from 'i18next'
import {
  defaultShortFollowUp,
  formatChineseDate,
  isoDateAtOffset,
  midFollowUpRange,
  nextWorkingDayOnOrAfter
} from '@shared/domain/dates'
import { buildHandout, draftSummary, petitionerDeadlines, type RoutePromises } from '@shared/domain/interview'
import type { InterviewState, OutputLang, RiskLevel } from '@shared/domain/interview/types'
import { followUpWindow } from '@shared/domain/interview/crisis'
import { call, CallError } from '../../app/desk-client'
import { AutoText } from './AutoText'
import { findOverPromises } from '@shared/domain/interview/promise-guard'
import type { AutosaveStore } from '@shared/domain/interview/autosave'
import type { Contacts } from './desk-state'
import { printHandoutHtml } from './handout-print'
import { deliverPdf } from '../../ui/pdf-output'
import { send, useLoad } from '../../app/calls'
import { handoutDestinations } from '@shared/domain/referrals/handout'
import { failureOf } from '@shared/ipc/failure'
import { callVia } from '@shared/domain/case/people-extras'
import { messageText, tk, tx, textT } from '../../app/i18n'
import { builtinKey } from '@shared/domain/referrals/builtin-words'

/** 结束与约定: the drafted summary, the follow-up, the organisation's phone, the handout, finish. */
export function ClosingPanel({
  interview,
  store,
  lang,
  contacts,
  acceptedNeeds,
  followUpDate,
  onScheduled,
  onFinished,
  ended,
  promises,
  riskLevel = 'none',
  inCrisis = false
}: {
  interview: InterviewState
  store: AutosaveStore
  lang: OutputLang
  contacts: Contacts
  acceptedNeeds: string[]
  followUpDate: string | null
  onScheduled(date: string): void
  onFinished(s: InterviewState): void
  ended: string | null
  /** What the recorded route and events allow us to promise (route-promises.ts). */
  promises: RoutePromises
  /** A high or critical case proposes (and may book) a next contact within 24 hours. */
  riskLevel?: RiskLevel
  inCrisis?: boolean
}) {
  const { t } = useTranslation()
  const tScript = useMemo(() => i18next.getFixedT(lang, 'script'), [lang])
  const day = isoDateAtOffset(new Date(interview.startedAt))
  // Where to go next: the case's referrals (named, with address and phone) as far as the route allows.
  // Follow-up calls go to the case's alternative contact when one is recorded (issue 12 §4).
  const people = useLoad(() => call('cases.people', { caseId: interview.caseId }), [interview.caseId])
  const via = callVia(people.value?.altContacts ?? [])
  const referrals = useLoad(
    async () => ({ ...(await call('referrals.forCase', { caseId: interview.caseId })), directory: await call('directory.list', { includeInactive: true }) }),
    [interview.caseId]
  )
  const shortRange = followUpWindow(day, riskLevel)
  const midRange = midFollowUpRange(day)
  // +3 days, moved to Monday when it falls on a weekend (still within 3–7 days).
  const [shortDate, setShortDate] = useState(followUpDate ?? (shortRange.within24h ? shortRange.proposed : nextWorkingDayOnOrAfter(defaultShortFollowUp(day))))
  const [midDate, setMidDate] = useState(interview.followUpMidDate ?? '')
  const [paper, setPaper] = useState<'A5' | 'A4'>('A5')
  const scheduled = followUpDate
  const [msg, setMsg] = useState<string | null>(null)
  const fmt = (d: string) => formatChineseDate(d)

  const draft = () => {
    const text = draftSummary(
      {
        surfaceDemand: store.get('surfaceDemand'),
        acceptedNeeds,
        followUpPlan: store.get('followUpPlan'),
        followUpDate: scheduled ?? shortDate,
        orgPhone: contacts.orgPhone,
        promises,
        callVia: via
      },
      textT(tScript, 'script'),
      fmt
    )
    // A summary the worker typed is never replaced by a click: the draft is offered beside it.
    if (store.get('summary').trim() && store.get('summary') !== text) setPendingDraft(text)
    else store.replace('summary', text)
  }
  const [pendingDraft, setPendingDraft] = useState<string | null>(null)
  const schedule = async () => {
    try {
      const r = await call('interview.followUp', { interviewId: interview.id, shortDate, midDate: midDate || null })
      onScheduled(r.followUpDate)
      setMsg(null)
    } catch (e) {
      setMsg(e instanceof CallError ? e.error.messageKey : 'errors:internal')
    }
  }
  // What goes on the handout passes the guard once more: the first click names what is still flagged
  // in the summary; a second click with the same text prints it (the worker decides).
  const [guardWarned, setGuardWarned] = useState<string | null>(null)
  const flaggedInHandout = () => {
    const summary = store.get('summary')
    const found = findOverPromises(summary)
    if (!found.length) {
      if (guardWarned !== null) setGuardWarned(null)
      return false
    }
    if (guardWarned === summary) return false
    setGuardWarned(summary)
    setMsg(null)
    return true
  }
  const guardNote = guardWarned !== null && guardWarned === store.get('summary') ? findOverPromises(guardWarned) : []
  const handout = () => {
    if (flaggedInHandout()) return
    const doc = buildHandout(
      {
        caseNo: interview.caseNo,
        interviewDate: day,
        summary: store.get('summary'),
        followUpDate: scheduled,
        orgName: contacts.orgName,
        orgPhone: contacts.orgPhone,
        orgAddress: contacts.orgAddress,
        promises,
        callVia: via,
        destinations: referrals.value
          ? handoutDestinations(
              referrals.value.referrals,
              promises.route,
              (r) => {
                const key = builtinKey(r.toBuiltin, 'name')
                return r.toName || (key ? tk(tScript, `referrals:${key}`) : '')
              },
              (id) => referrals.value?.directory.find((e) => e.id === id)?.hours ?? ''
            )
          : []
      },
      textT(tScript, 'script'),
      fmt
    )
    // The desktop shell opens no popups: there the same handout goes to the OS print dialog as a PDF.
    if (!printHandoutHtml(doc, lang)) return void handoutPdf('print', true)
    void send('interview.event', { interviewId: interview.id, kind: 'handout', detail: 'html' }, 'errors:what.event')
  }
  // Electron: native print/save dialogs in the main process; browser mode: the bytes, printed or downloaded here.
  const handoutPdf = async (action: 'print' | 'save', checked = false) => {
    if (!checked && flaggedInHandout()) return
    try {
      await store.flush()
      const r = await call('interview.handout', { interviewId: interview.id, paper, action })
      await deliverPdf(r, action)
      setMsg(null)
    } catch (e) {
      setMsg(e instanceof CallError ? e.error.messageKey : 'interview:errors.handoutUnavailable')
    }
  }
  const finish = async () => {
    await store.flush()
    // Text that could not be saved (the message under the save badge says why) is not left behind.
    if (store.problem) return setMsg('interview:save.notYet')
    try {
      onFinished(await call('interview.finish', { interviewId: interview.id }))
    } catch (e) {
      setMsg(failureOf(e).messageKey)
    }
  }

  return (
    <div className="iv-closing">
      {inCrisis ? (
        <div className="crisis-banner" data-testid="crisis-closing">
          <strong>{t('interview:crisis.closingTitle')}</strong>
          <ul>
            <li>{t('interview:crisis.closingWhoStays')}</li>
            <li>{t('interview:crisis.closingNext', { date: shortRange.proposed })}</li>
          </ul>
        </div>
      ) : null}
      <div className="iv-closing-row">
        <button type="button" onClick={draft} data-testid="draft-summary">{t('interview:closing.draft')}</button>
      </div>
      {pendingDraft !== null ? (
        <div className="proposal" data-testid="draft-proposal">
          <p className="hint">{t('interview:closing.draftOffered')}</p>
          <p className="iv-draft">{pendingDraft}</p>
          <button type="button" onClick={() => (store.replace('summary', pendingDraft), setPendingDraft(null))}>
            {t('interview:closing.useDraft')}
          </button>
          <button type="button" onClick={() => setPendingDraft(null)}>
            {t('interview:closing.keepMine')}
          </button>
        </div>
      ) : null}
      <AutoText store={store} field="summary" label={t('interview:fields.summary')} multiline rows={4} guard lang={lang} />
      <div className="iv-grid2">
        <AutoText store={store} field="followUpPlan" label={t('interview:fields.followUpPlan')} multiline rows={2} guard lang={lang} />
        <AutoText store={store} field="assessment" label={t('interview:fields.assessment')} multiline rows={2} lang={lang} />
      </div>
      <div className="iv-closing-row">
        <label>
          {t('interview:closing.followUp')}{' '}
          <input type="date" value={shortDate} min={shortRange.min} max={shortRange.max} onChange={(e) => setShortDate(e.target.value)} data-testid="follow-up-date" />
        </label>
        <label>
          {t('interview:closing.midFollowUp')}{' '}
          <input type="date" value={midDate} min={midRange.min} max={midRange.max} onChange={(e) => setMidDate(e.target.value)} />
        </label>
        <button type="button" onClick={() => void schedule()} data-testid="schedule">{t('interview:closing.schedule')}</button>
        {scheduled ? <span className="iv-ok">{t('interview:closing.scheduled', { date: scheduled })}</span> : null}
        {msg ? <span className="error-text" role="alert">{messageText(t, { messageKey: msg })}</span> : null}
      </div>
      {petitionerDeadlines(promises).length ? (
        <div className="iv-closing-row" data-testid="petitioner-deadlines">
          <strong>{t('interview:closing.theirDeadlines')}</strong>
          <ul>
            {petitionerDeadlines(promises).map((d) => (
              <li key={d.id}>
                {t(`interview:deadlines.${d.id}.label`)}：<strong>{d.due}</strong>{' '}
                {d.due > shortDate ? null : <span className="warning">{t('interview:closing.callBeforeDeadline')}</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="iv-closing-row">
        <span>
          {t('interview:closing.orgPhone')}：{contacts.orgPhone ? <strong>{contacts.orgPhone}</strong> : <span className="warning">{t('interview:closing.noOrgPhone')}</span>}
        </span>
      </div>
      <div className="iv-closing-row">
        <label>
          {t('interview:closing.paper')}{' '}
          <select value={paper} onChange={(e) => setPaper(e.target.value as 'A5' | 'A4')}>
            <option value="A5">A5</option>
            <option value="A4">A4</option>
          </select>
        </label>
        <button type="button" onClick={() => void handoutPdf('print')} data-testid="handout-pdf">{t('interview:closing.handoutPdf')}</button>
        <button type="button" onClick={() => void handoutPdf('save')} data-testid="handout-save">{t('interview:closing.handoutSave')}</button>
        <button type="button" onClick={handout} data-testid="handout">{t('interview:closing.handoutHtml')}</button>
        <button type="button" className="primary" onClick={() => void finish()} disabled={!!ended} data-testid="finish">
          {t('interview:closing.finish')}
        </button>
        {ended ? <span className="iv-ok" role="status">{t('interview:closing.finished')}</span> : null}
      </div>
      {guardNote.length ? (
        <div className="iv-closing-row warning" role="alert" data-testid="handout-guard">
          {t('interview:guard.inHandout', { items: guardNote.map((f) => `「${f.text}」（${tx(t, `interview:guard.name.${f.id}`)}）`).join('、') })}
        </div>
      ) : null}
    </div>
  )
}
