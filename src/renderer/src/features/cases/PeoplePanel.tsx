import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CasePeople } from '@shared/domain/case/people-extras'
import { MAX_ALT_CONTACTS, callVia } from '@shared/domain/case/people-extras'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { TextInput } from '../../ui/Field'
import { formatDateTime } from '../../ui/format'

/** The case's confidentiality, alternative contacts and earlier visits (cases.people), loaded once per case page. */
export function useCasePeople(caseId: number) {
  const [local, setLocal] = useState<CasePeople | null>(null)
  const load = useLoad(() => call('cases.people', { caseId }), [caseId])
  return { value: local ?? load.value, error: load.error, set: setLocal }
}

type People = ReturnType<typeof useCasePeople>

/**
 * Issue 12 §4 on the case page: whether it is a confidential report and who may open it; someone to
 * call for a petitioner with no phone or who cannot hear well (follow-up lines then name them);
 * earlier visits to other agencies (where, when, how often) — the worker's own account of 重复上访.
 */
export function PeoplePanel({ caseId, people }: { caseId: number; people: People }) {
  const { t, i18n } = useTranslation()
  const p = people.value
  if (people.error && !p) return <ErrorText error={people.error} kind="read" />
  if (!p) return <p className="muted">{t('common:loading')}</p>
  const via = callVia(p.altContacts)
  return (
    <div className="people-panel">
      {p.confidential ? (
        <section className="card confidential-note" data-testid="confidential-note">
          <h2>{t('people:confidential.panelTitle')}</h2>
          <p>{t('people:confidential.panelText')}</p>
          {p.confidentialSince ? <p className="muted">{t('people:confidential.panelSince', { date: formatDateTime(p.confidentialSince, i18n.language) })}</p> : null}
          {p.openings ? (
            <div data-testid="confidential-openings">
              <h3>{t('people:confidential.openingsTitle')}</h3>
              {p.openings.length === 0 ? (
                <p className="muted">{t('people:confidential.openingsNone')}</p>
              ) : (
                <ul>
                  {p.openings.map((o, i) => (
                    <li key={i}>{t('people:confidential.openingLine', { at: formatDateTime(o.at, i18n.language), by: o.by, reason: o.reason })}</li>
                  ))}
                </ul>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
      <section className="card" data-testid="alt-contacts">
        <h2>{t('people:alt.title')}</h2>
        <p className="hint">{t('people:alt.hint')}</p>
        {p.altContacts.length === 0 ? <p className="muted">{t('people:alt.empty')}</p> : null}
        <ul>
          {p.altContacts.map((a) => (
            <li key={a.id}>
              {t('people:alt.line', { relation: a.relation, name: a.name, phone: a.phone || '—' })} {a.note ? <span className="muted">{a.note}</span> : null}{' '}
              <RemoveButton label={t('people:alt.remove')} onRemove={() => call('cases.altContact.remove', { caseId, altContactId: a.id }).then(people.set)} />
            </li>
          ))}
        </ul>
        {via ? <p data-testid="calls-via">{t('people:alt.usedForCalls', { relation: via.relation, name: via.name, phone: via.phone })}</p> : null}
        {p.altContacts.length < MAX_ALT_CONTACTS ? <AltContactForm caseId={caseId} onSaved={people.set} /> : null}
      </section>
      <section className="card" data-testid="other-visits">
        <h2>{t('people:visits.title')}</h2>
        <p className="hint">{t('people:visits.hint')}</p>
        {p.otherVisits.length === 0 ? (
          <p className="muted">{t('people:visits.empty')}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('people:visits.agency')}</th>
                <th>{t('people:visits.firstDate')}</th>
                <th>{t('people:visits.lastDate')}</th>
                <th>{t('people:visits.times')}</th>
                <th>{t('people:visits.note')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {p.otherVisits.map((v) => (
                <tr key={v.id}>
                  <td>{v.agency}</td>
                  <td className="nowrap">{v.firstDate || t('people:visits.unknown')}</td>
                  <td className="nowrap">{v.lastDate || t('people:visits.unknown')}</td>
                  <td>{v.times != null ? t('people:visits.timesValue', { n: v.times }) : t('people:visits.unknown')}</td>
                  <td>{v.note}</td>
                  <td>
                    <RemoveButton label={t('people:visits.remove')} onRemove={() => call('cases.otherVisit.remove', { caseId, otherVisitId: v.id }).then(people.set)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <OtherVisitForm caseId={caseId} onSaved={people.set} />
      </section>
    </div>
  )
}

function RemoveButton({ label, onRemove }: { label: string; onRemove(): Promise<unknown> }) {
  const { run, error, busy } = useCall()
  return (
    <>
      <button type="button" className="link" disabled={busy} onClick={() => void run(onRemove)}>
        {label}
      </button>
      <ErrorText error={error} />
    </>
  )
}

function AltContactForm({ caseId, onSaved }: { caseId: number; onSaved(p: CasePeople): void }) {
  const { t } = useTranslation()
  const empty = { name: '', relation: '', phone: '', note: '' }
  const [d, setD] = useState(empty)
  const { run, error, busy } = useCall()
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }))
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run(async () => {
          onSaved(await call('cases.altContact.add', { caseId, name: d.name, relation: d.relation || undefined, phone: d.phone || undefined, note: d.note || undefined }))
          setD(empty)
        })
      }}
    >
      <TextInput label={t('people:alt.relation')} placeholder={t('people:alt.relationPlaceholder')} value={d.relation} maxLength={40} onChange={set('relation')} />
      <TextInput label={t('people:alt.name')} value={d.name} required maxLength={100} onChange={set('name')} />
      <TextInput label={t('people:alt.phone')} value={d.phone} inputMode="tel" maxLength={60} onChange={set('phone')} error={error?.field === 'phone' ? <ErrorText error={error} /> : undefined} />
      <TextInput label={t('people:alt.note')} value={d.note} maxLength={500} onChange={set('note')} />
      {error && error.field !== 'phone' ? <ErrorText error={error} /> : null}
      <button type="submit" disabled={busy || !d.name.trim()}>
        {t('people:alt.add')}
      </button>
    </form>
  )
}

function OtherVisitForm({ caseId, onSaved }: { caseId: number; onSaved(p: CasePeople): void }) {
  const { t } = useTranslation()
  const empty = { agency: '', firstDate: '', lastDate: '', times: '', note: '' }
  const [d, setD] = useState(empty)
  const { run, error, busy } = useCall()
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setD((x) => ({ ...x, [k]: e.target.value }))
  const fieldError = (f: string) => (error?.field === f ? <ErrorText error={error} /> : undefined)
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run(async () => {
          onSaved(
            await call('cases.otherVisit.add', {
              caseId,
              agency: d.agency,
              firstDate: d.firstDate || undefined,
              lastDate: d.lastDate || undefined,
              times: d.times ? Number(d.times) : undefined,
              note: d.note || undefined
            })
          )
          setD(empty)
        })
      }}
    >
      <TextInput label={t('people:visits.agency')} value={d.agency} required maxLength={200} onChange={set('agency')} error={fieldError('agency')} />
      <TextInput label={t('people:visits.firstDate')} type="date" value={d.firstDate} onChange={set('firstDate')} error={fieldError('firstDate')} />
      <TextInput label={t('people:visits.lastDate')} type="date" value={d.lastDate} onChange={set('lastDate')} error={fieldError('lastDate')} />
      <TextInput label={t('people:visits.times')} type="number" min={1} max={999} value={d.times} onChange={set('times')} error={fieldError('times')} />
      <TextInput label={t('people:visits.note')} value={d.note} maxLength={500} onChange={set('note')} />
      {error && !['agency', 'firstDate', 'lastDate', 'times'].includes(error.field ?? '') ? <ErrorText error={error} /> : null}
      <button type="submit" disabled={busy || !d.agency.trim()}>
        {t('people:visits.add')}
      </button>
    </form>
  )
}
