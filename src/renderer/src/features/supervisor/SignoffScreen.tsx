import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGNOFF_KINDS, signoffValueKey, type Signoff, type SignoffKind, type SignoffQueueItem, type SignoffRecordView } from '@shared/domain/supervisor/signoff'
import type { DeskError } from '@shared/ipc/result'
import { desk } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDate, formatDateTime } from '../../ui/format'
import './supervisor.css'
import { useDraft } from '../../app/useDraft'
import { reportFailure } from '../../app/calls'
import { DraftNote } from '../../ui/DraftNote'
import { tk, tx } from '../../app/i18n'

type Key = { kind: SignoffKind; subjectId: number }

/** Supervisors: forms waiting for 立案签批 / 督导意见 / 服务机构的评估; open one, read it, write the opinion, sign. */
export function SignoffScreen() {
  const { t, i18n } = useTranslation()
  const [queue, setQueue] = useState<SignoffQueueItem[]>([])
  const [counts, setCounts] = useState<Record<SignoffKind, number>>({ A: 0, B: 0, C: 0 })
  const [kinds, setKinds] = useState<SignoffKind[] | null>(null)
  const [open, setOpen] = useState<Key | null>(null)
  const [view, setView] = useState<{ record: SignoffRecordView; signoff: Signoff | null } | null>(null)
  const [error, setError] = useState<DeskError | null>(null)
  const [justSigned, setJustSigned] = useState<Signoff | null>(null)
  // 督导意见 is kept as a draft (encrypted, this supervisor only) until it is signed.
  const draft = useDraft(open && view ? `signoff:${open.kind}:${open.subjectId}:opinion` : null, view?.signoff?.opinion ?? '')
  const opinion = draft.text

  const load = useCallback(async () => {
    const r = await desk.invoke('signoff.queue', kinds ? { kinds } : {})
    if (r.ok) {
      setQueue(r.value.items)
      setCounts(r.value.counts)
    } else reportFailure(r, 'errors:what.load')
  }, [kinds])
  useEffect(() => void load(), [load])

  const select = async (k: Key) => {
    setOpen(k)
    setView(null)
    setError(null)
    setJustSigned(null)
    const r = await desk.invoke('signoff.open', k)
    if (!r.ok) return setError(r)
    setView(r.value)
  }

  const sign = async (e: FormEvent) => {
    e.preventDefault()
    if (!open) return
    const sent = opinion
    const r = await desk.invoke('signoff.sign', { ...open, opinion: sent })
    if (!r.ok) return setError(r)
    setError(null)
    draft.committed(sent)
    setJustSigned(r.value)
    setView((v) => (v ? { ...v, signoff: r.value } : v))
    void load()
  }

  const label = (q: SignoffQueueItem) =>
    q.kind === 'B' ? t('supervisor:signoff.itemB', { caseNo: q.caseNo, n: q.workCount ?? '' }) : t('supervisor:signoff.item', { caseNo: q.caseNo })

  return (
    <div className="page">
      <h1>{t('supervisor:signoff.title')}</h1>
      <p className="sv-small">{t('supervisor:signoff.intro')}</p>
      <div className="button-row" role="group" aria-label={t('supervisor:signoff.filter')}>
        <span>{t('supervisor:signoff.filter')}</span>
        <button type="button" aria-pressed={kinds === null} onClick={() => setKinds(null)}>
          {t('supervisor:signoff.all')} ({counts.A + counts.B + counts.C})
        </button>
        {SIGNOFF_KINDS.map((k) => (
          <button key={k} type="button" aria-pressed={kinds?.[0] === k} onClick={() => setKinds([k])}>
            {t(`supervisor:signoff.short.${k}`)} ({counts[k]})
          </button>
        ))}
      </div>
      <div className="sv-split">
        <div className="sv-list" role="list" aria-label={t('supervisor:signoff.title')}>
          {queue.length === 0 ? <p>{t('supervisor:signoff.empty')}</p> : null}
          {queue.length > 0 && queue.length < counts.A + counts.B + counts.C && kinds === null ? (
            <p className="sv-small">{t('supervisor:signoff.showing', { shown: queue.length, total: counts.A + counts.B + counts.C })}</p>
          ) : null}
          {queue.map((q) => {
            const current = open?.kind === q.kind && open.subjectId === q.subjectId
            return (
              <button key={`${q.kind}-${q.subjectId}`} type="button" role="listitem" className="sv-item" aria-current={current} onClick={() => void select(q)}>
                <strong>{t(`supervisor:signoff.short.${q.kind}`)}</strong> · {label(q)}
                <div className="sv-small">
                  {q.workerName ?? ''} · {t('supervisor:signoff.waiting', { date: formatDate(q.waitingSince, i18n.language) })}
                  {q.riskLevel !== 'none' ? <span className="tag">{t(`cases:options.risk.${q.riskLevel}`, { defaultValue: q.riskLevel })}</span> : null}
                </div>
              </button>
            )
          })}
        </div>
        <section className="card" aria-live="polite">
          {!open ? <p>{t('supervisor:signoff.choose')}</p> : null}
          <ErrorText error={error} />
          {open && view ? (
            <>
              <h2>
                {t(`supervisor:signoff.kinds.${open.kind}`)} · {view.record.caseNo}
              </h2>
              <dl className="sv-record">
                {view.record.fields
                  .filter((f) => f.value.trim() !== '')
                  .map((f) => {
                    const coded = signoffValueKey(f)
                    return (
                      <div key={f.label}>
                        <dt>{tx(t, `supervisor:${f.label}`)}</dt>
                        <dd>{coded ? tk(t, coded) : f.value}</dd>
                      </div>
                    )
                  })}
              </dl>
              {view.signoff ? (
                <p className="notice" role="status">
                  {t('supervisor:signoff.signed', { name: view.signoff.signerName, at: formatDateTime(view.signoff.signedAt, i18n.language) })}
                </p>
              ) : null}
              <form onSubmit={sign}>
                <div className="field">
                  <label htmlFor="signoff-opinion">{t('supervisor:signoff.opinion')}</label>
                  <textarea id="signoff-opinion" rows={4} value={opinion} onChange={(e) => draft.set(e.target.value)} />
                  <DraftNote draft={draft} />
                  <div className="hint">{t('supervisor:signoff.opinionHint')}</div>
                </div>
                <button type="submit" className="primary" disabled={!opinion.trim()}>
                  {view.signoff ? t('supervisor:signoff.resign') : t('supervisor:signoff.sign')}
                </button>
                {justSigned ? <span className="sv-small"> ✓</span> : null}
              </form>
            </>
          ) : null}
        </section>
      </div>
    </div>
  )
}
