import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SupervisionRecord, SupervisionRecordInput } from '@shared/domain/aftercare/opinions'
import type { Locale } from '@shared/domain/session/types'
import { call } from '../../app/desk-client'
import { useCall, useLoad } from '../../app/calls'
import { ErrorText } from '../../ui/ErrorText'
import { Field, TextArea, TextInput } from '../../ui/Field'
import { NO_AUTOFILL } from '../../ui/no-autofill'
import { deliverPdf } from '../../ui/pdf-output'
import './aftercare.css'

function hallToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
}

type Draft = SupervisionRecordInput & { id?: number; caseNos: Record<number, string> }
const blank = (): Draft => ({ kind: 'conference', heldOn: hallToday(), participants: '', topic: '', opinions: '', decisions: '', cases: [], caseNos: {} })
const fromRecord = (r: SupervisionRecord): Draft => ({
  id: r.id,
  kind: r.kind,
  heldOn: r.heldOn,
  participants: r.participants,
  topic: r.topic,
  opinions: r.opinions,
  decisions: r.decisions,
  cases: r.cases.map((c) => ({ caseId: c.caseId, opinion: c.opinion })),
  caseNos: Object.fromEntries(r.cases.map((c) => [c.caseId, c.caseNo]))
})

/**
 * Supervisors: supervision sessions and case conferences (8.3 c, 8.5 b) — when, who, which cases
 * with an opinion on each (their workers see it and acknowledge it), what was decided; printable.
 */
export function SupervisionRecordsScreen() {
  const { t, i18n } = useTranslation()
  const list = useLoad(() => call('supervision.list', {}), [])
  const [draft, setDraft] = useState<Draft | null>(null)
  const [saved, setSaved] = useState<SupervisionRecord | null>(null)
  const [caseNo, setCaseNo] = useState('')
  const [pdfLocale, setPdfLocale] = useState<Locale>((i18n.language as Locale) ?? 'zh-CN')
  const [note, setNote] = useState<string | null>(null)
  const c = useCall()

  const open = async (id: number) => {
    const r = await c.run(() => call('supervision.get', { id }))
    if (r) {
      setSaved(r)
      setDraft(fromRecord(r))
    }
  }
  const addCase = async () => {
    if (!draft) return
    const no = caseNo.trim()
    const found = await c.run(() => call('cases.search', { query: no, limit: 20 }))
    if (!found) return
    const hit = found.find((x) => x.caseNo === no)
    if (!hit) return c.setError({ ok: false, code: 'NOT_FOUND', messageKey: 'aftercare:errors.caseNoUnknown' })
    if (draft.cases.some((x) => x.caseId === hit.id)) return setCaseNo('')
    setDraft({ ...draft, cases: [...draft.cases, { caseId: hit.id, opinion: '' }], caseNos: { ...draft.caseNos, [hit.id]: hit.caseNo } })
    setCaseNo('')
  }
  const save = async () => {
    if (!draft) return
    const { caseNos, ...input } = draft
    void caseNos
    const r = await c.run(() => call('supervision.save', input))
    if (r) {
      setSaved(r)
      setDraft(fromRecord(r))
      setNote(t('aftercare:supervision.saved'))
      list.reload()
    }
  }
  const print = async (action: 'save' | 'print') => {
    if (!saved) return
    const r = await c.run(() => call('supervision.pdf', { id: saved.id, locale: pdfLocale, action }))
    if (r) await deliverPdf(r, action)
  }

  return (
    <div className="page aftercare">
      <h1>{t('aftercare:supervision.title')}</h1>
      <p className="sv-small">{t('aftercare:supervision.intro')}</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          onClick={() => {
            setDraft(blank())
            setSaved(null)
            setNote(null)
          }}
        >
          {t('aftercare:supervision.new')}
        </button>
      </div>
      <ErrorText error={list.error} kind="read" onRetry={list.reload} />
      <table className="sv-table">
        <thead>
          <tr>
            <th>{t('aftercare:supervision.fields.heldOn')}</th>
            <th>{t('aftercare:supervision.fields.kind')}</th>
            <th>{t('aftercare:supervision.fields.topic')}</th>
            <th>{t('aftercare:supervision.fields.cases')}</th>
          </tr>
        </thead>
        <tbody>
          {(list.value ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                <button type="button" className="link" onClick={() => void open(r.id)}>
                  {r.heldOn}
                </button>
              </td>
              <td>{t(`aftercare:supervision.kinds.${r.kind}`)}</td>
              <td>{r.topic}</td>
              <td>{r.caseCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.value && list.value.length === 0 ? <p className="muted">{t('aftercare:supervision.none')}</p> : null}
      {draft ? (
        <form
          className="card wide sv-record"
          aria-label={t('aftercare:supervision.editor')}
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <h2>{draft.id ? t('aftercare:supervision.editing', { date: draft.heldOn }) : t('aftercare:supervision.new')}</h2>
          <Field label={t('aftercare:supervision.fields.kind')}>
            {(id) => (
              <select id={id} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as Draft['kind'] })}>
                <option value="conference">{t('aftercare:supervision.kinds.conference')}</option>
                <option value="supervision">{t('aftercare:supervision.kinds.supervision')}</option>
              </select>
            )}
          </Field>
          <Field label={t('aftercare:supervision.fields.heldOn')}>
            {(id) => <input id={id} type="date" value={draft.heldOn} max={hallToday()} onChange={(e) => setDraft({ ...draft, heldOn: e.target.value })} required />}
          </Field>
          <TextInput label={t('aftercare:supervision.fields.topic')} value={draft.topic} maxLength={200} onChange={(e) => setDraft({ ...draft, topic: e.target.value })} />
          <TextArea
            label={t('aftercare:supervision.fields.participants')}
            hint={t('aftercare:supervision.participantsHint')}
            rows={2}
            value={draft.participants}
            onChange={(e) => setDraft({ ...draft, participants: e.target.value })}
          />
          <fieldset>
            <legend>{t('aftercare:supervision.fields.cases')}</legend>
            {draft.cases.map((x, i) => (
              <div key={x.caseId} className="sv-case">
                <TextArea
                  label={t('aftercare:supervision.caseOpinionFor', { caseNo: draft.caseNos[x.caseId] ?? '' })}
                  rows={2}
                  value={x.opinion}
                  onChange={(e) => setDraft({ ...draft, cases: draft.cases.map((y, k) => (k === i ? { ...y, opinion: e.target.value } : y)) })}
                />
                <button type="button" className="link" onClick={() => setDraft({ ...draft, cases: draft.cases.filter((_, k) => k !== i) })}>
                  {t('aftercare:supervision.removeCase')}
                </button>
              </div>
            ))}
            <div className="inline-form">
              <Field label={t('aftercare:supervision.addCaseNo')}>
                {(id) => <input id={id} value={caseNo} onChange={(e) => setCaseNo(e.target.value)} placeholder="2026-000123" {...NO_AUTOFILL} />}
              </Field>
              <button type="button" disabled={!caseNo.trim()} onClick={() => void addCase()}>
                {t('aftercare:supervision.addCase')}
              </button>
            </div>
          </fieldset>
          <TextArea label={t('aftercare:supervision.fields.opinions')} rows={4} value={draft.opinions} onChange={(e) => setDraft({ ...draft, opinions: e.target.value })} />
          <TextArea label={t('aftercare:supervision.fields.decisions')} rows={3} value={draft.decisions} onChange={(e) => setDraft({ ...draft, decisions: e.target.value })} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={c.busy}>
              {t('aftercare:supervision.save')}
            </button>
            {saved ? (
              <>
                <select aria-label={t('aftercare:report.language')} value={pdfLocale} onChange={(e) => setPdfLocale(e.target.value as Locale)}>
                  <option value="zh-CN">{t('common:language.zh-CN')}</option>
                  <option value="yue-HK">{t('common:language.yue-HK')}</option>
                </select>
                <button type="button" onClick={() => void print('print')}>
                  {t('common:actions.print')}
                </button>
                <button type="button" onClick={() => void print('save')}>
                  {t('common:actions.saveAs')}
                </button>
              </>
            ) : null}
          </div>
          {note ? <p role="status">{note}</p> : null}
          {saved?.cases.length ? (
            <ul className="sv-acks">
              {saved.cases.map((x) => (
                <li key={x.caseId}>
                  {x.caseNo} · {x.workerName ?? '—'} · {x.acknowledged ? t('aftercare:supervision.acknowledged') : t('aftercare:supervision.notYetAcknowledged')}
                </li>
              ))}
            </ul>
          ) : null}
        </form>
      ) : null}
      <ErrorText error={c.error} />
    </div>
  )
}
