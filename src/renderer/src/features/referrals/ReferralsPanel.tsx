import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { daysBetween, isoDateAtOffset, replyDue, suggestedAgreedDate, type ReferralMethod } from '@shared/domain/dates'
import { ROUTE_OF_DIVERSION } from '@shared/domain/interview/route-promises'
import { CATEGORIES_BY_ROUTE, isReplyOverdue, methodsFor } from '@shared/domain/referrals/rules'
import { RELAY_HOWS, type DirectoryEntry, type Referral, type ReferralEvent, type RelayHow } from '@shared/domain/referrals/types'
import { call, desk } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { useSession } from '../../app/session-context'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { NO_AUTOFILL } from '../../ui/no-autofill'
import { DirectoryPicker } from './DirectoryPicker'
import { directoryName } from './directory-words'
import { isI18nKey } from '@shared/i18n/keys'
import { tk, tx } from '../../app/i18n'
import './referrals.css'

const todayIso = () => isoDateAtOffset(new Date())

/**
 * The case's referrals (转送 / 交办 / 转介 / 告知): each with its chain — to whom, how, when, what was
 * sent, the reply expected by, the reply, and when and how the petitioner was told — its 督办 notes
 * and what happened when. The main process decides what is allowed; the form offers only that.
 */
export function ReferralsPanel({ caseId, open }: { caseId: number; open: boolean }) {
  const { t } = useTranslation()
  const load = useLoad(async () => ({ ...(await call('referrals.forCase', { caseId })), directory: await call('directory.list', {}) }), [caseId])
  const { reload } = load
  // A 督办 note or an overdue reply on this case, pushed while the tab is open, shows without leaving it
  // (the loaded value stays on screen while it reloads, so a form being filled in keeps its text).
  useEffect(
    () =>
      desk.on('notice', (e) => {
        if (e.caseId === caseId && (e.kind === 'referral.note' || e.kind === 'referral.overdue')) reload()
      }),
    [caseId, reload]
  )
  const add = useCall()
  const data = load.value
  return (
    <section className="referrals" data-testid="referrals-panel">
      <h2>{t('referrals:panel.title')}</h2>
      <ErrorText error={load.error} kind="read" onRetry={load.reload} />
      {data && data.referrals.length === 0 ? <p className="muted">{t('referrals:panel.none')}</p> : null}
      {data?.referrals.map((r) => (
        <ReferralCard key={r.id} r={r} directory={data.directory} events={data.events.filter((e) => e.referralId === r.id)} open={open} onChanged={load.reload} />
      ))}
      {open ? (
        <p>
          <button type="button" disabled={add.busy} onClick={() => void add.run(() => call('referrals.create', { caseId })).then((v) => v && load.reload())}>
            {t('referrals:panel.add')}
          </button>
        </p>
      ) : null}
      <ErrorText error={add.error} />
    </section>
  )
}

function ReferralCard({ r, directory, events, open, onChanged }: { r: Referral; directory: DirectoryEntry[]; events: ReferralEvent[]; open: boolean; onChanged(): void }) {
  const { t, i18n } = useTranslation()
  const { session } = useSession()
  const [form, setForm] = useState<null | 'send' | 'reply' | 'relay' | 'withdraw'>(null)
  const ack = useCall()
  const today = todayIso()
  const overdue = isReplyOverdue(r, today)
  const dest = directoryName(t, { name: r.toName, builtin: r.toBuiltin })
  const done = () => {
    setForm(null)
    onChanged()
  }
  return (
    <article className={`referral-card stage-${r.stage}`} data-testid="referral" data-stage={r.stage}>
      <header>
        <strong>{r.method ? t(`referrals:methods.${r.method}`) : t('referrals:panel.noMethod')}</strong> · <span className="badge">{t(`referrals:stages.${r.stage}`)}</span>
        {overdue ? (
          <span className="badge overdue" data-testid="referral-overdue">
            {' '}
            {t('referrals:panel.overdue', { days: daysBetween(r.replyDue, today) })}
          </span>
        ) : null}
      </header>
      <dl className="referral-chain">
        <dt>{t('referrals:panel.to')}</dt>
        <dd>
          {dest || <span className="muted">{t('referrals:panel.notChosen')}</span>}
          <ContactLine address={r.toAddress} phone={r.toPhone} />
        </dd>
        {r.sentDate ? (
          <>
            <dt>{t('referrals:fields.sentDate')}</dt>
            <dd>
              {r.sentDate}
              {r.sentWhat ? <div className="pre">{r.sentWhat}</div> : null}
            </dd>
            <dt>{t('referrals:fields.replyDue')}</dt>
            <dd>
              {r.replyDue} <span className="hint">{r.dueBasis === 'statute' ? t('referrals:panel.dueStatute') : t('referrals:panel.dueAgreed')}</span>
            </dd>
          </>
        ) : null}
        {r.replyDate ? (
          <>
            <dt>{t('referrals:fields.replyDate')}</dt>
            <dd>
              {r.replyDate}
              {r.replySummary ? <div className="pre">{r.replySummary}</div> : null}
            </dd>
          </>
        ) : null}
        {r.relayedDate ? (
          <>
            <dt>{t('referrals:fields.relayedDate')}</dt>
            <dd>
              {r.relayedDate} · {r.relayedHow ? t(`referrals:relayHow.${r.relayedHow}`) : ''}
              {r.relayedNote ? <div className="pre">{r.relayedNote}</div> : null}
            </dd>
          </>
        ) : null}
        {r.withdrawnAt && r.withdrawnReason ? (
          <>
            <dt>{t('referrals:fields.reason')}</dt>
            <dd>{r.withdrawnReason}</dd>
          </>
        ) : null}
      </dl>
      {r.notes.length ? (
        <div className="referral-notes" data-testid="supervision-notes">
          <h4>{t('referrals:panel.notes')}</h4>
          {r.notes.map((n) => (
            <div key={n.id} className={n.acknowledgedAt ? 'note acked' : 'note open'}>
              <div className="pre">{n.note}</div>
              <div className="muted">{t('referrals:panel.noteBy', { name: n.writtenByName ?? '', at: formatDateTime(n.writtenAt, i18n.language) })}</div>
              {n.acknowledgedAt ? (
                <div className="muted">{t('referrals:panel.acknowledged', { name: n.acknowledgedByName ?? '', at: formatDateTime(n.acknowledgedAt, i18n.language) })}</div>
              ) : n.workerId === session.userId ? (
                <button type="button" disabled={ack.busy} onClick={() => void ack.run(() => call('referrals.acknowledgeNote', { noteId: n.id })).then((v) => v && onChanged())}>
                  {t('referrals:panel.acknowledge')}
                </button>
              ) : null}
            </div>
          ))}
          <ErrorText error={ack.error} />
        </div>
      ) : null}
      {session.role === 'supervisor' && r.stage !== 'withdrawn' && r.stage !== 'relayed' ? <NoteForm referralId={r.id} onSaved={onChanged} /> : null}
      {open && r.stage !== 'withdrawn' && r.stage !== 'relayed' && !form ? (
        <div className="actions">
          {r.stage === 'planned' || r.stage === 'sent' ? (
            <button type="button" onClick={() => setForm('send')}>
              {r.stage === 'planned' ? t('referrals:panel.send') : t('referrals:panel.editSend')}
            </button>
          ) : null}
          {r.stage === 'sent' || r.stage === 'replied' ? (
            <button type="button" onClick={() => setForm('reply')}>
              {t('referrals:panel.reply')}
            </button>
          ) : null}
          {r.stage === 'replied' ? (
            <button type="button" onClick={() => setForm('relay')}>
              {t('referrals:panel.relay')}
            </button>
          ) : null}
          <button type="button" className="link" onClick={() => setForm('withdraw')}>
            {t('referrals:panel.withdraw')}
          </button>
        </div>
      ) : null}
      {form === 'send' ? <SendForm r={r} directory={directory} onDone={done} onCancel={() => setForm(null)} /> : null}
      {form === 'reply' ? <ReplyForm r={r} onDone={done} onCancel={() => setForm(null)} /> : null}
      {form === 'relay' ? <RelayForm r={r} onDone={done} onCancel={() => setForm(null)} /> : null}
      {form === 'withdraw' ? <WithdrawForm r={r} onDone={done} onCancel={() => setForm(null)} /> : null}
      {events.length ? (
        <details className="referral-events">
          <summary>{t('referrals:panel.history')}</summary>
          <ReferralEvents events={events} />
        </details>
      ) : null}
    </article>
  )
}

export function ReferralEvents({ events }: { events: ReferralEvent[] }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="referral-event-list">
      {events.map((e) => (
        <li key={e.id}>
          <span className="mono">{formatDateTime(e.at, i18n.language)}</span> · {t(`referrals:events.${e.kind}`)}
          {e.byName ? ` · ${e.byName}` : ''}
          {e.kind === 'edited' && e.changedFields.length ? (
            <span className="muted">
              {' '}
              （
              {e.changedFields
                .filter((f) => isI18nKey(`referrals:fields.${f}`))
                .map((f) => t('referrals:panel.was', { field: tx(t, `referrals:fields.${f}`), value: beforeText(t, f, e.before[f]) }))
                .join('、')}
              ）
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function beforeText(t: (...args: never[]) => unknown, field: string, v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—'
  if (field === 'method') return tx(t, `referrals:methods.${v}`)
  if (field === 'relayedHow') return tx(t, `referrals:relayHow.${v}`)
  return String(v)
}

/** The case history's part for referrals: every step of every referral, with what an edit replaced. */
export function CaseReferralHistory({ caseId }: { caseId: number }) {
  const { t } = useTranslation()
  const load = useLoad(() => call('referrals.forCase', { caseId }), [caseId])
  if (!load.value?.events.length && !load.error) return null
  return (
    <>
      <h3>{t('referrals:panel.title')}</h3>
      <ErrorText error={load.error} kind="read" onRetry={load.reload} />
      {load.value ? <ReferralEvents events={load.value.events} /> : null}
    </>
  )
}

/** Address and phone, each only where the directory has one (never an empty slot). */
function ContactLine({ address, phone }: { address: string; phone: string }) {
  const { t } = useTranslation()
  const parts = [address ? t('referrals:panel.address', { address }) : '', phone ? t('referrals:panel.phone', { phone }) : ''].filter(Boolean)
  return parts.length ? <div className="muted">{parts.join('　')}</div> : null
}

function FormButtons({ busy, onCancel }: { busy: boolean; onCancel(): void }) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {t('referrals:panel.save')}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        {t('referrals:panel.cancel')}
      </button>
    </div>
  )
}

function fieldError(t: unknown, err: { field?: string } | null, field: string, text: string | null) {
  return err?.field === field ? text : null
}

function SendForm({ r, directory, onDone, onCancel }: { r: Referral; directory: DirectoryEntry[]; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const methods = methodsFor(r.route)
  const [method, setMethod] = useState<ReferralMethod>(r.method && methods.includes(r.method) ? r.method : methods[0])
  const [to, setTo] = useState<number | null>(r.directoryId)
  const [sentDate, setSentDate] = useState(r.sentDate || todayIso())
  const [sentWhat, setSentWhat] = useState(r.sentWhat)
  const [agreed, setAgreed] = useState(r.dueBasis === 'agreed' ? r.replyDue : '')
  const c = useCall()
  const due = sentDate ? replyDue(ROUTE_OF_DIVERSION[r.route], method, sentDate) : null
  const chosen = directory.find((e) => e.id === to)
  const err = c.error
  const msg = err && isI18nKey(err.messageKey) ? tk(t, err.messageKey, err.params) : null
  return (
    <form
      className="referral-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        if (!to) return
        void c
          .run(() =>
            call('referrals.send', {
              referralId: r.id,
              method,
              directoryId: to,
              sentDate,
              sentWhat,
              ...(due?.basis === 'agreed' && agreed ? { agreedDue: agreed } : {})
            })
          )
          .then((v) => v && onDone())
      }}
    >
      <div className="field">
        <label htmlFor={`m-${r.id}`}>{t('referrals:fields.method')}</label>
        <select id={`m-${r.id}`} value={method} onChange={(e) => setMethod(e.target.value as ReferralMethod)}>
          {methods.map((m) => (
            <option key={m} value={m}>
              {t(`referrals:methods.${m}`)}
            </option>
          ))}
        </select>
        <div className="hint">
          {t(`referrals:methodHints.${method}`)} · {t('referrals:panel.routeOnly', { methods: methods.map((m) => t(`referrals:methods.${m}`)).join('、') })}
        </div>
        {fieldError(t, err, 'method', msg) ? <div className="field-error">{msg}</div> : null}
      </div>
      <div className="field">
        <label htmlFor={`to-${r.id}`}>{t('referrals:fields.directoryId')}</label>
        <DirectoryPicker id={`to-${r.id}`} entries={directory} value={to} onChange={(e) => setTo(e?.id ?? null)} suggested={CATEGORIES_BY_ROUTE[r.route]} />
        {chosen ? (
          <div className="hint">
            {directoryName(t, chosen)} <ContactLine address={chosen.address} phone={chosen.phone} />
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`sd-${r.id}`}>{t('referrals:fields.sentDate')}</label>
        <input id={`sd-${r.id}`} type="date" value={sentDate} max={todayIso()} onChange={(e) => setSentDate(e.target.value)} {...NO_AUTOFILL} />
        {fieldError(t, err, 'sentDate', msg) ? <div className="field-error">{msg}</div> : null}
      </div>
      <div className="field">
        <label htmlFor={`sw-${r.id}`}>{t('referrals:fields.sentWhat')}</label>
        <textarea id={`sw-${r.id}`} rows={2} value={sentWhat} onChange={(e) => setSentWhat(e.target.value)} {...NO_AUTOFILL} />
      </div>
      {due?.basis === 'statute' ? (
        <p className="hint" data-testid="statute-due">
          {t('referrals:panel.due', { date: due.due })} · {t('referrals:panel.dueStatute')}
          {due.computed.fallsOnWeekend ? ` · ${t('referrals:panel.weekend', { date: due.computed.nextWorkingDay })}` : ''}
        </p>
      ) : (
        <div className="field">
          <label htmlFor={`ad-${r.id}`}>{t('referrals:fields.agreedDue')}</label>
          <input
            id={`ad-${r.id}`}
            type="date"
            value={agreed}
            min={sentDate}
            placeholder={sentDate ? suggestedAgreedDate(sentDate) : ''}
            onChange={(e) => setAgreed(e.target.value)}
            {...NO_AUTOFILL}
          />
          <div className="hint">{t('referrals:panel.dueAgreed')}</div>
          {fieldError(t, err, 'agreedDue', msg) || fieldError(t, err, 'replyDue', msg) ? <div className="field-error">{msg}</div> : null}
        </div>
      )}
      {err && !['method', 'sentDate', 'agreedDue', 'replyDue'].includes(err.field ?? '') ? <ErrorText error={err} /> : null}
      <FormButtons busy={c.busy || !to} onCancel={onCancel} />
    </form>
  )
}

function ReplyForm({ r, onDone, onCancel }: { r: Referral; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [date, setDate] = useState(r.replyDate || todayIso())
  const [summary, setSummary] = useState(r.replySummary)
  const c = useCall()
  return (
    <form
      className="referral-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void c.run(() => call('referrals.recordReply', { referralId: r.id, replyDate: date, replySummary: summary })).then((v) => v && onDone())
      }}
    >
      <div className="field">
        <label htmlFor={`rd-${r.id}`}>{t('referrals:fields.replyDate')}</label>
        <input id={`rd-${r.id}`} type="date" value={date} min={r.sentDate || undefined} max={todayIso()} onChange={(e) => setDate(e.target.value)} {...NO_AUTOFILL} />
      </div>
      <div className="field">
        <label htmlFor={`rs-${r.id}`}>{t('referrals:fields.replySummary')}</label>
        <textarea id={`rs-${r.id}`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} {...NO_AUTOFILL} />
      </div>
      <ErrorText error={c.error} />
      <FormButtons busy={c.busy} onCancel={onCancel} />
    </form>
  )
}

function RelayForm({ r, onDone, onCancel }: { r: Referral; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [date, setDate] = useState(r.relayedDate || todayIso())
  const [how, setHow] = useState<RelayHow>(r.relayedHow ?? 'phone')
  const [note, setNote] = useState(r.relayedNote)
  const c = useCall()
  return (
    <form
      className="referral-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void c.run(() => call('referrals.recordRelay', { referralId: r.id, relayedDate: date, relayedHow: how, relayedNote: note })).then((v) => v && onDone())
      }}
    >
      <div className="field">
        <label htmlFor={`ld-${r.id}`}>{t('referrals:fields.relayedDate')}</label>
        <input id={`ld-${r.id}`} type="date" value={date} min={r.replyDate || undefined} max={todayIso()} onChange={(e) => setDate(e.target.value)} {...NO_AUTOFILL} />
      </div>
      <div className="field">
        <label htmlFor={`lh-${r.id}`}>{t('referrals:fields.relayedHow')}</label>
        <select id={`lh-${r.id}`} value={how} onChange={(e) => setHow(e.target.value as RelayHow)}>
          {RELAY_HOWS.map((h) => (
            <option key={h} value={h}>
              {t(`referrals:relayHow.${h}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`ln-${r.id}`}>{t('referrals:fields.relayedNote')}</label>
        <textarea id={`ln-${r.id}`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} {...NO_AUTOFILL} />
      </div>
      <ErrorText error={c.error} />
      <FormButtons busy={c.busy} onCancel={onCancel} />
    </form>
  )
}

function WithdrawForm({ r, onDone, onCancel }: { r: Referral; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const c = useCall()
  return (
    <form
      className="referral-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void c.run(() => call('referrals.withdraw', { referralId: r.id, reason })).then((v) => v && onDone())
      }}
    >
      <div className="field">
        <label htmlFor={`wr-${r.id}`}>{t('referrals:fields.reason')}</label>
        <input id={`wr-${r.id}`} value={reason} onChange={(e) => setReason(e.target.value)} {...NO_AUTOFILL} />
      </div>
      <ErrorText error={c.error} />
      <FormButtons busy={c.busy || !reason.trim()} onCancel={onCancel} />
    </form>
  )
}

export function NoteForm({ referralId, onSaved }: { referralId: number; onSaved(): void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [saved, setSaved] = useState(false)
  const c = useCall()
  return (
    <form
      className="referral-note-form"
      onSubmit={(ev) => {
        ev.preventDefault()
        void c.run(() => call('referrals.addNote', { referralId, note })).then((v) => {
          if (!v) return
          setNote('')
          setSaved(true)
          onSaved()
        })
      }}
    >
      <label htmlFor={`nf-${referralId}`}>{t('referrals:fields.note')}</label>
      <textarea id={`nf-${referralId}`} rows={2} value={note} onChange={(e) => (setNote(e.target.value), setSaved(false))} {...NO_AUTOFILL} />
      <button type="submit" disabled={c.busy || !note.trim()}>
        {t('referrals:panel.addNote')}
      </button>
      {saved ? <span role="status" className="muted"> {t('referrals:supervision.noteSaved')}</span> : null}
      <ErrorText error={c.error} />
    </form>
  )
}
