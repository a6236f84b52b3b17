import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseRecord } from '@shared/domain/case/types'
import {
  ASSESSMENT_ITEMS,
  DIVERSION_ROUTES,
  SCREENING_ITEMS,
  recommend,
  type Clause,
  type DiversionRoute,
  type ScreeningAnswer,
  type ScreeningItem,
  type ScreeningState
} from '@shared/domain/screening/rules'
import { call } from '../../app/desk-client'
import { ErrorText } from '../../ui/ErrorText'
import { formatDateTime } from '../../ui/format'
import { useCall } from '../../app/calls'
import { useDraft } from '../../app/useDraft'
import { ReferralsPanel } from '../referrals'
import { OPEN_STATUSES } from '@shared/domain/case/options'
import { DraftNote } from '../../ui/DraftNote'
import { tk, tx } from '../../app/i18n'

export function screeningStateOf(c: CaseRecord): ScreeningState {
  const answers: ScreeningState['answers'] = {}
  for (const s of c.screening) answers[s.item] = { answer: s.answer, detail: s.detail }
  return { answers, partyKind: c.fields.partyKind, representativeCount: c.representatives.length, largeScaleJudged: c.largeScaleJudged }
}

/** 预估甄别 7.1.2 a–l, each with its answer and note, ending in a diversion the worker confirms or overrides. */
export function ScreeningPanel({ record, onChange }: { record: CaseRecord; onChange(r: CaseRecord): void }) {
  const { t } = useTranslation()
  const { run, error } = useCall()
  const rec = useMemo(() => recommend(screeningStateOf(record), record.fields.headcount), [record])
  const entry = (i: ScreeningItem) => record.screening.find((s) => s.item === i)
  const save = (item: ScreeningItem, answer: ScreeningAnswer, note: string, detail?: 'notAccepted' | 'noLongerAccepted' | null) =>
    run(async () => {
      const r = await call('cases.screening.save', { id: record.id, item, answer, note, detail: detail ?? null })
      onChange(r)
      return r
    })

  return (
    <div className="screening">
      <section className="card">
        <h2>{t('cases:sections.screening')}</h2>
        <p className="hint">{t('cases:screening.intro')}</p>
        <ol className="screening-items">
          {SCREENING_ITEMS.map((i) => (
            // Keyed by item only: a save coming back must not remount the row and drop text typed meanwhile.
            <ScreeningRow key={i} caseId={record.id} item={i} entry={entry(i)} save={save} />
          ))}
        </ol>
        {record.fields.partyKind === 'collective' ? (
          <label className="check">
            <input
              type="checkbox"
              checked={record.largeScaleJudged}
              onChange={(e) => run(async () => onChange(await call('cases.setLargeScale', { id: record.id, judged: e.target.checked })))}
            />
            {t('cases:screening.largeScale')}
          </label>
        ) : null}
        {record.fields.partyKind === 'collective' ? <p className="hint">{t('cases:screening.largeScaleHint')}</p> : null}
        <ErrorText error={error} />
      </section>
      <Recommendation record={record} rec={rec} onChange={onChange} />
    </div>
  )
}

function ScreeningRow({
  caseId,
  item,
  entry,
  save: saveRow
}: {
  caseId: number
  item: ScreeningItem
  entry: CaseRecord['screening'][number] | undefined
  save(item: ScreeningItem, a: ScreeningAnswer, note: string, detail?: 'notAccepted' | 'noLongerAccepted' | null): Promise<CaseRecord | null>
}) {
  const { t } = useTranslation()
  // The note is a draft until saved; what is typed while a save is on its way stays (and stays a draft).
  const draft = useDraft(`case:${caseId}:screening:${item}:note`, entry?.note ?? '')
  const note = draft.text
  const save = (i: ScreeningItem, a: ScreeningAnswer, sent: string, d?: 'notAccepted' | 'noLongerAccepted' | null) =>
    void saveRow(i, a, sent, d).then((r) => r && draft.committed(sent))
  // Shown at once (the save follows), so a click never looks ignored.
  const [answer, setAnswer] = useState<ScreeningAnswer>(entry?.answer ?? null)
  const [detail, setDetail] = useState(entry?.detail ?? null)
  const assess = ASSESSMENT_ITEMS.includes(item)
  const answers: ScreeningAnswer[] = assess ? ['done'] : ['yes', 'no', 'unsure']
  return (
    <li className={`screening-row answered-${answer ?? 'none'}`} data-item={item}>
      <div className="screening-q">
        <span className="item-letter">{item}</span> {t(`cases:screening.items.${item}`)}
      </div>
      <div className="screening-a" role="radiogroup" aria-label={t(`cases:screening.items.${item}`)}>
        {answers.map((a) => (
          <label key={a} className="option">
            <input
              type={assess ? 'checkbox' : 'radio'}
              name={`scr-${item}`}
              checked={answer === a}
              onChange={() => {
                const next = answer === a ? null : a
                setAnswer(next)
                save(item, next, note, detail)
              }}
            />
            {tx(t, `cases:screening.answers.${a}`)}
          </label>
        ))}
      </div>
      {item === 'l' && answer === 'yes' ? (
        <div className="screening-a" role="radiogroup" aria-label={t('cases:screening.lWhich')}>
          {(['notAccepted', 'noLongerAccepted'] as const).map((d) => (
            <label key={d} className="option">
              <input
                type="radio"
                name="scr-l-detail"
                checked={detail === d}
                onChange={() => {
                  setDetail(d)
                  save('l', 'yes', note, d)
                }}
              />
              {t(`cases:screening.l.${d}`)}
            </label>
          ))}
        </div>
      ) : null}
      <input
        className="screening-note"
        aria-label={t('cases:screening.note', { item })}
        placeholder={t('cases:screening.notePlaceholder')}
        value={note}
        onChange={(e) => draft.set(e.target.value)}
        onBlur={() => note !== (entry?.note ?? '') && save(item, answer, note, detail)}
      />
      <DraftNote draft={draft} />
    </li>
  )
}

function Recommendation({ record, rec, onChange }: { record: CaseRecord; rec: ReturnType<typeof recommend>; onChange(r: CaseRecord): void }) {
  const { t, i18n } = useTranslation()
  const { run, error } = useCall()
  const [chosen, setChosen] = useState<DiversionRoute | null>(record.diversion?.chosen ?? null)
  const [reason, setReason] = useState(record.diversion?.overrideReason ?? '')
  const noteDraft = useDraft(`case:${record.id}:diversion:note`, record.diversion?.note ?? '')
  const note = noteDraft.text
  const setNote = noteDraft.set
  const pick = chosen ?? rec.primary
  const overriding = pick !== null && pick !== rec.primary
  const d = record.diversion
  return (
    <section className="card recommendation" aria-labelledby="rec-title">
      <h2 id="rec-title">{t('cases:diversion.title')}</h2>
      {rec.primary ? (
        <div className="rec-primary" data-route={rec.primary}>
          <strong>{t(`cases:routes.${rec.primary}.label`)}</strong>
          <p>{t(`cases:routes.${rec.primary}.advice`)}</p>
          <Clauses ids={rec.routes[0].clauses} />
        </div>
      ) : (
        <p className="muted">{t('cases:diversion.notYet')}</p>
      )}
      {rec.routes.length > 1 ? (
        <div className="rec-others">
          <h3>{t('cases:diversion.alsoApplies')}</h3>
          <ul>
            {rec.routes.slice(1).map((r) => (
              <li key={r.ruleId}>
                {t(`cases:routes.${r.route}.label`)} — <Clauses ids={r.clauses} inline />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="rec-notes">
        {rec.notes.map((n) => (
          <li key={n.id} className={`note-${n.id}`}>
            {t(`cases:notes.${n.id}`)} <Clauses ids={n.clauses} inline />
          </li>
        ))}
      </ul>
      {rec.open.length ? <p className="hint">{t('cases:diversion.open', { items: rec.open.join('、') })}</p> : null}

      <fieldset className="options">
        <legend>{t('cases:diversion.choose')}</legend>
        {DIVERSION_ROUTES.map((r) => (
          <label key={r} className="option">
            <input type="radio" name="diversion" checked={pick === r} onChange={() => setChosen(r)} />
            {t(`cases:routes.${r}.label`)}
            {r === rec.primary ? <span className="tag">{t('cases:diversion.recommended')}</span> : null}
          </label>
        ))}
      </fieldset>
      {overriding ? (
        <div className="field">
          <label htmlFor="div-reason">{t('cases:diversion.reason')} *</label>
          <input id="div-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="div-note">{t('cases:diversion.note')}</label>
        <input id="div-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorText error={error} />
      <button
        type="button"
        className="primary"
        disabled={!pick}
        onClick={() =>
          pick &&
          run(async () => {
            const sent = note
            onChange(await call('cases.decideDiversion', { id: record.id, chosen: pick, reason, note: sent }))
            noteDraft.committed(sent)
          })
        }
      >
        {overriding ? t('cases:diversion.override') : t('cases:diversion.confirm')}
      </button>
      {d ? (
        <p className="decided" data-testid="diversion-decided">
          {t('cases:diversion.decided', {
            route: t(`cases:routes.${d.chosen}.label`),
            who: d.decidedBy?.displayName ?? '—',
            when: formatDateTime(d.decidedAt, i18n.language)
          })}
          {d.overridden ? ` ${t('cases:diversion.overriddenBecause', { reason: d.overrideReason })}` : ''}
          {d.reporterConfidential ? <strong className="confidential"> {t('cases:diversion.reporterConfidential')}</strong> : null}
        </p>
      ) : null}
      {/* Where it goes: the referral the confirmed diversion created, picked from the directory here. */}
      {d ? <ReferralsPanel key={d.decidedAt} caseId={record.id} open={OPEN_STATUSES.includes(record.status)} /> : null}
    </section>
  )
}

export function Clauses({ ids, inline }: { ids: readonly Clause[]; inline?: boolean }) {
  const { t } = useTranslation()
  const text = ids.map((c) => tk(t, `cases:clauses.${c}`)).join('；')
  return inline ? <span className="clauses">（{text}）</span> : <p className="clauses">{t('cases:diversion.basis')}{text}</p>
}
