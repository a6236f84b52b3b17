import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FormAProposal, InterviewState, ProposalItem, TextField } from '@shared/domain/interview/types'
import type { DeskError } from '@shared/ipc/result'
import { call, CallError } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { formatDateTime } from '../../ui/format'
import { deliverPdf } from '../../ui/pdf-output'
import { TextArea } from '../../ui/Field'
import { messageText, tx } from '../../app/i18n'

/** The Form B fields shown (and correctable) on an ended contact, in the form's order. */
const SHOWN: TextField[] = ['subject', 'contact', 'relation', 'purpose', 'notes', 'assessment', 'followUpPlan', 'summary']

const failure = (e: unknown): DeskError => (e instanceof CallError ? e.error : { ok: false, code: 'INTERNAL', messageKey: 'errors:internal' })

/**
 * An ended contact: read-only. Correcting it is a separate, deliberate action with a reason; the
 * earlier text stays in its history. After the end, what the contact suggests for Form A is offered
 * as a proposal the worker accepts (edited or not) or declines.
 */
export function EndedContact({ initial }: { initial: InterviewState }) {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  const [s, setS] = useState(initial)
  const [editing, setEditing] = useState(false)
  const when = (iso: string) => formatDateTime(iso, i18n.language)
  const label = (f: TextField) => t(`interview:fields.${f}`)
  const handout = async () => {
    const r = await call('interview.handout', { interviewId: s.id, paper: 'A5', action: 'print' })
    await deliverPdf(r, 'print')
  }
  return (
    <div className="page iv-ended" data-testid="ended-view">
      <h1>{t('interview:ended.title', { caseNo: s.caseNo, n: s.workCount })}</h1>
      <p className="notice" role="status">{t('interview:ended.readOnly', { when: when(s.endedAt!) })}</p>
      <ProposalPanel interviewId={s.id} />
      {editing ? (
        <CorrectionForm s={s} onDone={(next) => (setS(next), setEditing(false))} onCancel={() => setEditing(false)} />
      ) : (
        <section className="card">
          <dl className="iv-ended-fields">
            {SHOWN.map((f) => (
              <div key={f}>
                <dt>{label(f)}</dt>
                <dd data-testid={`ended-${f}`}>{s.texts[f] || <span className="muted">{t('interview:ended.empty')}</span>}</dd>
              </div>
            ))}
          </dl>
          <div className="button-row">
            <button type="button" onClick={() => setEditing(true)} data-testid="correct">
              {t('interview:ended.correct')}
            </button>
            <button type="button" onClick={() => void handout().catch(() => {})}>
              {t('interview:ended.handout')}
            </button>
            <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: s.caseId } })}>
              {t('interview:ended.backToCase')}
            </button>
          </div>
        </section>
      )}
      <section className="card" data-testid="corrections">
        <h2>{t('interview:ended.history')}</h2>
        {s.corrections.length === 0 ? <p className="muted">{t('interview:ended.noHistory')}</p> : null}
        {[...s.corrections].reverse().map((k) => (
          <div key={k.id} className="version">
            <p>
              {t('interview:ended.correction', { when: when(k.at), who: k.byName || '—', fields: k.changedFields.map(label).join('、'), reason: k.reason })}
              {k.afterSignoff ? ` ${t('interview:ended.afterSignoff')}` : ''}
            </p>
            <details>
              <summary>{t('interview:ended.before')}</summary>
              <dl>
                {k.changedFields.map((f) => (
                  <div key={f}>
                    <dt>{label(f)}</dt>
                    <dd>{k.before[f] || t('interview:ended.empty')}</dd>
                  </div>
                ))}
              </dl>
            </details>
          </div>
        ))}
      </section>
    </div>
  )
}

function CorrectionForm({ s, onDone, onCancel }: { s: InterviewState; onDone(next: InterviewState): void; onCancel(): void }) {
  const { t } = useTranslation()
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(SHOWN.map((f) => [f, s.texts[f]])))
  const [reason, setReason] = useState('')
  const [error, setError] = useState<DeskError | null>(null)
  const [busy, setBusy] = useState(false)
  const save = async () => {
    const changes = SHOWN.filter((f) => texts[f] !== s.texts[f]).map((f) => ({ field: f, value: texts[f] }))
    if (!reason.trim()) return setError({ ok: false, code: 'BAD_ARGS', messageKey: 'interview:errors.correctionReason', field: 'reason' })
    if (!changes.length) return setError({ ok: false, code: 'BAD_ARGS', messageKey: 'interview:errors.correctionNothing', field: 'changes' })
    setBusy(true)
    try {
      onDone(await call('interview.correct', { interviewId: s.id, reason, changes }))
    } catch (e) {
      // What was typed stays in the form.
      setError(failure(e))
    } finally {
      setBusy(false)
    }
  }
  const msg = error ? messageText(t, error) : null
  return (
    <section className="card" data-testid="correction-form">
      <h2>{t('interview:ended.correctTitle')}</h2>
      {SHOWN.map((f) => (
        <TextArea
          key={f}
          label={t(`interview:fields.${f}`)}
          rows={f === 'notes' ? 6 : 2}
          value={texts[f]}
          onChange={(e) => setTexts((x) => ({ ...x, [f]: e.target.value }))}
          data-testid={`correct-${f}`}
        />
      ))}
      <TextArea
        label={t('interview:ended.reason')}
        hint={t('interview:ended.reasonHint')}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={msg && error?.field === 'reason' ? msg : undefined}
        data-testid="correct-reason"
      />
      {msg && error?.field !== 'reason' ? (
        <p className="error-text" role="alert">
          {msg}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()} data-testid="correct-save">
          {t('interview:ended.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('interview:ended.cancel')}
        </button>
      </div>
    </section>
  )
}

/** What the contact suggests for Form A: shown, editable, accepted or declined by the worker. */
function ProposalPanel({ interviewId }: { interviewId: number }) {
  const { t } = useTranslation()
  const [p, setP] = useState<FormAProposal | null>(null)
  const [items, setItems] = useState<(ProposalItem & { use: boolean })[]>([])
  const [error, setError] = useState<DeskError | null>(null)
  const [outcome, setOutcome] = useState<FormAProposal['decided']>(null)
  useEffect(() => {
    void call('interview.proposal', { interviewId }).then(
      (r) => {
        setP(r)
        setItems(r.items.map((i) => ({ ...i, use: true })))
      },
      () => setP(null)
    )
  }, [interviewId])
  if (!p) return null
  if (outcome) {
    return (
      <p className="notice" role="status" data-testid="proposal-outcome">
        {t(outcome === 'accepted' ? 'interview:proposal.accepted' : 'interview:proposal.declined', { n: p.workCount })}
      </p>
    )
  }
  if (p.decided || p.items.length === 0) return null
  const decide = async (decision: 'accept' | 'decline') => {
    try {
      const chosen = items.filter((i) => i.use).map(({ field, value }) => ({ field, value }))
      const r = await call('interview.decideProposal', { interviewId, decision, ...(decision === 'accept' ? { items: chosen } : {}) })
      setOutcome(r.decided)
      setError(null)
    } catch (e) {
      setError(failure(e))
    }
  }
  const show = (i: ProposalItem) =>
    i.field === 'language'
      ? tx(t, `cases:options.language.${i.value as string}`)
      : i.field === 'needs'
        ? (i.value as string[]).map((n) => tx(t, `cases:options.needs.${n}`)).join('、')
        : null
  return (
    <section className="card proposal" data-testid="proposal">
      <h2>{t('interview:proposal.title')}</h2>
      <p className="hint">{t('interview:proposal.hint', { n: p.workCount })}</p>
      {items.map((i, k) => {
        const fieldError = error?.field === i.field ? messageText(t, error) : null
        return (
          <div key={i.field} className="proposal-item">
            <label className="check">
              <input type="checkbox" checked={i.use} onChange={(e) => setItems((xs) => xs.map((x, j) => (j === k ? { ...x, use: e.target.checked } : x)))} />
              {t('interview:proposal.use')}：{t(`cases:fields.${i.field}`)}
            </label>
            {show(i) !== null ? (
              <p>{show(i)}</p>
            ) : (
              <TextArea
                label={t(`cases:fields.${i.field}`)}
                rows={2}
                value={i.value as string}
                onChange={(e) => setItems((xs) => xs.map((x, j) => (j === k ? { ...x, value: e.target.value } : x)))}
                data-testid={`proposal-${i.field}`}
              />
            )}
            {fieldError ? (
              <div className="field-error" role="alert">
                {fieldError}
              </div>
            ) : null}
          </div>
        )
      })}
      {error && !items.some((i) => i.field === error.field) ? (
        <p className="error-text" role="alert">
          {messageText(t, error)}
        </p>
      ) : null}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void decide('accept')} data-testid="proposal-accept">
          {t('interview:proposal.accept')}
        </button>
        <button type="button" onClick={() => void decide('decline')} data-testid="proposal-decline">
          {t('interview:proposal.decline')}
        </button>
      </div>
    </section>
  )
}
