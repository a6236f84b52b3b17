import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OpinionItem } from '@shared/domain/aftercare/opinions'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { useNav } from '../../app/nav'
import { ErrorText } from '../../ui/ErrorText'
import { TextInput } from '../../ui/Field'
import { formatDateTime } from '../../ui/format'

/**
 * On the worker's day: what supervisors said about their cases (sign-off opinions, supervision and
 * case-conference records), until the worker acknowledges each one (a short reply is optional).
 */
export function OpinionsCard() {
  const { t, i18n } = useTranslation()
  const { go } = useNav()
  const list = useLoad(() => call('opinions.mine', {}), [])
  const items: OpinionItem[] = list.value ?? []
  if (!list.error && items.length === 0) return null
  return (
    <section className="card wide" aria-label={t('aftercare:opinions.title')}>
      <h2>
        {t('aftercare:opinions.title')} ({items.length})
      </h2>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      <ul className="today-list">
        {items.map((o) => (
          <li key={`${o.kind}-${o.refId}-${o.caseId}`} className="opinion">
            <button type="button" className="link" onClick={() => go({ name: 'case', params: { caseId: o.caseId, tab: 'aftercare' } })}>
              {o.caseNo}
            </button>{' '}
            <span className="muted">
              {t(`aftercare:opinions.forms.${o.form}`)} · {o.byName} · {formatDateTime(o.at, i18n.language)}
            </span>
            <blockquote className="opinion-text">{o.opinion}</blockquote>
            {o.decisions ? (
              <p className="opinion-text">
                <strong>{t('aftercare:supervision.fields.decisions')}：</strong>
                {o.decisions}
              </p>
            ) : null}
            <Acknowledge item={o} onDone={list.reload} />
          </li>
        ))}
      </ul>
    </section>
  )
}

function Acknowledge({ item, onDone }: { item: OpinionItem; onDone: () => void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const c = useCall()
  const submit = async () => {
    const ok = await c.run(() => call('opinions.acknowledge', { kind: item.kind, refId: item.refId, caseId: item.caseId, note }))
    if (ok !== null) onDone()
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <TextInput label={t('aftercare:opinions.reply')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      <button type="submit" disabled={c.busy}>
        {t('aftercare:opinions.acknowledge')}
      </button>
      <ErrorText error={c.error} />
    </form>
  )
}
