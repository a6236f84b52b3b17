import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CASE_SOURCES, COLLECTIVE_MIN_PEOPLE, LANGUAGES, MAX_REPRESENTATIVES, PARTY_KINDS, type PartyKind } from '@shared/domain/case/options'
import type { RepeatCandidate } from '@shared/domain/case/types'
import { checkPhone } from '@shared/domain/case/phone'
import { localIsoDate } from '@shared/domain/dates/calendar'
import { call } from '../../app/desk-client'
import { useNav } from '../../app/nav'
import { useSession } from '../../app/session-context'
import { useDraft } from '../../app/useDraft'
import { ErrorText } from '../../ui/ErrorText'
import { useHotkey } from '../../ui/hotkeys'
import { OptionChecks, OptionRadios } from './OptionInputs'
import { RiskBadge, StatusTag } from './CaseBadges'
import { useDebounced } from './useDebounced'
import './cases.css'
import { reported, useCall } from '../../app/calls'
import { tk } from '../../app/i18n'

interface Draft {
  partyKind: PartyKind
  name: string
  contactPerson: string
  phone: string
  address: string
  locality: string
  summary: string
  headcount: string
  contactDate: string
  source: (typeof CASE_SOURCES)[number] | null
  sourceText: string
  /** 语言 (可多选), in the order ticked. */
  language: (typeof LANGUAGES)[number][]
  languageOther: string
  representatives: { name: string; phone: string }[]
  repeat: 'repeat' | 'notRepeat' | null
  repeatOf: number[]
  /** This draft's registration token: a second 保存 after a lost reply gets the same case back. */
  requestId: string
}

const blank = (): Draft => ({
  partyKind: 'person',
  name: '',
  contactPerson: '',
  phone: '',
  address: '',
  locality: '',
  summary: '',
  headcount: '',
  contactDate: localIsoDate(new Date()),
  source: 'self',
  sourceText: '',
  language: [],
  languageOther: '',
  representatives: [],
  repeat: null,
  repeatOf: [],
  requestId: crypto.randomUUID()
})

/**
 * Kept in memory while the app runs, so leaving the screen or locking never loses what was typed, and
 * as a draft in the encrypted database (useDraft), so a killed app or a power cut does not either —
 * only ever shown again to the same user.
 */
const kept = new Map<number, Draft>()
const DRAFT_SCOPE = 'register:new'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A stored registration draft, or null when it is not one (an older shape, damaged text). */
function parseDraft(text: string): Draft | null {
  try {
    const v = JSON.parse(text) as Partial<Draft>
    if (!v || typeof v !== 'object' || typeof v.name !== 'string') return null
    // A draft kept before 语言 took several ticks holds one code (or null): it becomes that one tick.
    const lang: unknown = v.language
    const language = Array.isArray(lang) ? (lang as Draft['language']) : typeof lang === 'string' ? ([lang] as Draft['language']) : []
    return { ...blank(), ...v, language, representatives: Array.isArray(v.representatives) ? v.representatives : [], repeatOf: Array.isArray(v.repeatOf) ? v.repeatOf : [], requestId: typeof v.requestId === 'string' && UUID.test(v.requestId) ? v.requestId : crypto.randomUUID() }
  } catch {
    return null
  }
}
const isBlank = (d: Draft) => JSON.stringify({ ...d, requestId: '' }) === JSON.stringify({ ...blank(), requestId: '' })

/** 7.1.1 接触登记: a person, an organisation or a collective visit; earlier cases shown alongside. */
export function NewCaseScreen() {
  const { t } = useTranslation()
  const { go } = useNav()
  const { session } = useSession()
  const [d, setD] = useState<Draft>(() => kept.get(session.userId) ?? blank())
  const [repNotice, setRepNotice] = useState(false)
  const { run, error, busy } = useCall()
  const stored = useDraft(DRAFT_SCOPE, '')
  const { set: storeDraft } = stored
  // A draft left by an earlier run comes back once, and never over what has been typed since.
  const broughtBack = useRef(false)
  useEffect(() => {
    if (!stored.restored || broughtBack.current) return
    broughtBack.current = true
    const earlier = parseDraft(stored.text)
    if (earlier) setD((now) => (isBlank(now) ? earlier : now))
  }, [stored.restored, stored.text])
  useEffect(() => {
    kept.set(session.userId, d)
    if (!isBlank(d)) storeDraft(JSON.stringify(d))
  }, [d, session.userId, storeDraft])
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }))

  const phoneProblem = d.phone.trim() ? checkPhone(d.phone) : null
  const headcount = d.headcount.trim() ? Number(d.headcount) : null

  const probe = useDebounced(
    useMemo(
      () => ({ name: d.name, contactPerson: d.contactPerson, phone: d.phone, address: d.address, partyKind: d.partyKind, representatives: d.representatives.filter((r) => r.name.trim()) }),
      [d.name, d.contactPerson, d.phone, d.address, d.partyKind, d.representatives]
    ),
    300
  )
  const [candidates, setCandidates] = useState<RepeatCandidate[]>([])
  useEffect(() => {
    let live = true
    if (!probe.name.trim() && !probe.phone.trim() && !probe.address.trim()) {
      setCandidates([])
      return
    }
    call('cases.findRepeats', probe).then(
      (r) => live && setCandidates(r),
      (e) => live && (setCandidates([]), reported('errors:what.repeats')(e))
    )
    return () => {
      live = false
    }
  }, [probe])

  const addRep = () => {
    if (d.representatives.length >= MAX_REPRESENTATIVES) {
      setRepNotice(true)
      return
    }
    setRepNotice(false)
    set('representatives', [...d.representatives, { name: '', phone: '' }])
  }

  const save = async () => {
    const created = await run(async () => {
      const c = await call('cases.create', {
        partyKind: d.partyKind,
        name: d.name,
        contactPerson: d.contactPerson,
        phone: d.phone,
        address: d.address,
        locality: d.locality,
        summary: d.summary,
        headcount: d.partyKind === 'collective' ? (headcount ?? null) : null,
        contactDate: d.contactDate,
        source: d.source,
        sourceText: d.sourceText,
        language: d.language,
        languageOther: d.languageOther,
        representatives: d.partyKind === 'collective' ? d.representatives.filter((r) => r.name.trim()) : [],
        // One call: the case, its representatives and the repeat decision are saved together or not at all.
        ...(d.repeat ? { repeat: { mark: d.repeat, ofCaseIds: d.repeat === 'repeat' ? d.repeatOf : [] } } : {}),
        requestId: d.requestId
      })
      return c
    })
    if (created) {
      kept.delete(session.userId)
      stored.committed(JSON.stringify(d))
      go({ name: 'case', params: { caseId: created.id } })
    }
  }
  useHotkey('Ctrl+Enter', () => void save())

  const nameLabel = d.partyKind === 'organisation' ? t('cases:fields.orgName') : d.partyKind === 'collective' ? t('cases:fields.groupName') : t('cases:fields.name')

  return (
    <div className="page new-case">
      <h1>{t('cases:new.title')}</h1>
      <div className="split">
        <form
          className="card register"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <OptionRadios
            name="partyKind"
            legend={t('cases:fields.partyKind')}
            list={PARTY_KINDS}
            labels="cases:options.partyKind"
            value={d.partyKind}
            onChange={(v) => set('partyKind', v ?? 'person')}
          />
          <div className="field-row">
            <div className="field">
              <label htmlFor="nc-name">{nameLabel} *</label>
              <input id="nc-name" autoFocus value={d.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
            </div>
            {d.partyKind !== 'person' ? (
              <div className="field">
                <label htmlFor="nc-contact">{t('cases:fields.contactPerson')}</label>
                <input id="nc-contact" value={d.contactPerson} onChange={(e) => set('contactPerson', e.target.value)} autoComplete="off" />
              </div>
            ) : null}
            <div className="field">
              <label htmlFor="nc-phone">{t('cases:fields.phone')}</label>
              <input id="nc-phone" inputMode="tel" value={d.phone} onChange={(e) => set('phone', e.target.value)} autoComplete="off" />
              {phoneProblem && !phoneProblem.ok ? <div className="field-error">{tk(t, phoneProblem.messageKey)}</div> : null}
              {phoneProblem && phoneProblem.ok ? <div className="hint">{t(`cases:phoneKind.${phoneProblem.kind}`)}</div> : null}
            </div>
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="nc-address">{t('cases:fields.address')}</label>
              <input id="nc-address" value={d.address} onChange={(e) => set('address', e.target.value)} autoComplete="off" />
            </div>
            <div className="field">
              <label htmlFor="nc-locality">{t('cases:fields.locality')}</label>
              <input id="nc-locality" value={d.locality} onChange={(e) => set('locality', e.target.value)} autoComplete="off" />
              <div className="hint">{t('cases:fields.localityHint')}</div>
            </div>
          </div>
          <div className="field">
            <label htmlFor="nc-summary">{t('cases:fields.summary')}</label>
            <textarea id="nc-summary" rows={3} value={d.summary} onChange={(e) => set('summary', e.target.value)} />
            <div className="hint">{t('cases:fields.summaryHint')}</div>
          </div>

          {d.partyKind === 'collective' ? (
            <fieldset className="card inset collective">
              <legend>{t('cases:new.collective')}</legend>
              <div className="field narrow">
                <label htmlFor="nc-headcount">{t('cases:fields.headcount')}</label>
                <input id="nc-headcount" inputMode="numeric" value={d.headcount} onChange={(e) => set('headcount', e.target.value.replace(/[^\d０-９]/g, '').normalize('NFKC'))} />
                {headcount != null && headcount >= COLLECTIVE_MIN_PEOPLE ? (
                  <div className="hint notice">{t('cases:new.isCollective', { count: headcount })}</div>
                ) : headcount != null ? (
                  <div className="hint">{t('cases:new.notCollectiveYet', { min: COLLECTIVE_MIN_PEOPLE })}</div>
                ) : null}
              </div>
              <h3>{t('cases:new.representatives', { max: MAX_REPRESENTATIVES })}</h3>
              <p className="hint">{t('cases:new.representativesHint', { max: MAX_REPRESENTATIVES })}</p>
              {d.representatives.map((r, i) => (
                <div className="field-row rep-row" key={i}>
                  <div className="field">
                    <label htmlFor={`nc-rep-${i}`}>{t('cases:new.repName', { n: i + 1 })}</label>
                    <input
                      id={`nc-rep-${i}`}
                      value={r.name}
                      onChange={(e) => set('representatives', d.representatives.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))}
                    />
                  </div>
                  <div className="field">
                    <label htmlFor={`nc-rep-phone-${i}`}>{t('cases:fields.phone')}</label>
                    <input
                      id={`nc-rep-phone-${i}`}
                      value={r.phone}
                      onChange={(e) => set('representatives', d.representatives.map((x, j) => (j === i ? { ...x, phone: e.target.value } : x)))}
                    />
                  </div>
                  <button type="button" className="link" onClick={() => set('representatives', d.representatives.filter((_, j) => j !== i))}>
                    {t('cases:actions.remove')}
                  </button>
                </div>
              ))}
              <button type="button" onClick={addRep}>
                {t('cases:new.addRepresentative')}
              </button>
              {repNotice ? (
                <p role="alert" className="error-text">
                  {t('cases:errors.tooManyRepresentatives', { max: MAX_REPRESENTATIVES })}
                </p>
              ) : null}
            </fieldset>
          ) : null}

          <div className="field-row">
            <div className="field narrow">
              <label htmlFor="nc-date">{t('cases:fields.contactDate')}</label>
              <input id="nc-date" type="date" value={d.contactDate} onChange={(e) => set('contactDate', e.target.value)} />
            </div>
          </div>
          <OptionRadios
            name="source"
            legend={t('cases:fields.source')}
            list={CASE_SOURCES}
            labels="cases:options.source"
            value={d.source}
            onChange={(v) => set('source', v)}
            otherCodes={['outreach', 'referral']}
            otherText={d.sourceText}
            onOtherText={(s) => set('sourceText', s)}
          />
          <OptionChecks
            legend={t('cases:fields.language')}
            list={LANGUAGES}
            labels="cases:options.language"
            value={d.language}
            onChange={(v) => set('language', v)}
            otherText={d.languageOther}
            onOtherText={(s) => set('languageOther', s)}
          />
          <ErrorText error={error} />
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy}>
              {t('cases:new.save')} <kbd>Ctrl+Enter</kbd>
            </button>
            <button
              type="button"
              onClick={() => {
                kept.delete(session.userId)
                stored.committed(JSON.stringify(d))
                setD(blank())
              }}
            >
              {t('cases:new.clear')}
            </button>
          </div>
        </form>
        <RepeatPanel draft={d} candidates={candidates} onDecide={(repeat, repeatOf) => setD((x) => ({ ...x, repeat, repeatOf }))} />
      </div>
    </div>
  )
}

/** Earlier cases beside the new registration; the worker decides 重复上访 or not — nothing is set silently. */
function RepeatPanel({
  draft,
  candidates,
  onDecide
}: {
  draft: Draft
  candidates: RepeatCandidate[]
  onDecide(mark: Draft['repeat'], of: number[]): void
}) {
  const { t } = useTranslation()
  const { go } = useNav()
  // One click opens the earlier case (the registration typed so far is kept as a draft).
  const openCase = (caseId: number) => go({ name: 'case', params: { caseId } })
  return (
    <aside className="card repeat-panel" aria-label={t('cases:repeat.title')}>
      <h2>{t('cases:repeat.title')}</h2>
      {candidates.length === 0 ? <p className="muted">{t('cases:repeat.none')}</p> : null}
      <>
        {candidates.length > 0 ? <p className="hint">{t('cases:repeat.hint')}</p> : null}
          <ul className="candidates">
            {candidates.map((c) => (
              <li key={c.id} className="candidate" data-testid="repeat-candidate">
                <div className="cand-head">
                  <span className="mono">{c.caseNo}</span> <StatusTag status={c.status} /> <RiskBadge level={c.riskLevel} />{' '}
                  <button type="button" className="link" onClick={() => openCase(c.id)}>
                    {t('people:repeat.open')}
                  </button>
                </div>
                {c.masked ? (
                  <p className="tag confidential">{t('people:repeat.maskedCandidate', { caseNo: c.caseNo })}</p>
                ) : (
                <table className="compare">
                  <tbody>
                    <tr>
                      <th>{t('cases:fields.name')}</th>
                      <td className={c.matched.includes('name') || c.matched.includes('organisation') ? 'match' : ''}>{c.name}</td>
                      <td>{draft.name}</td>
                    </tr>
                    <tr>
                      <th>{t('cases:fields.phone')}</th>
                      <td className={c.matched.includes('phone') ? 'match' : ''}>{c.phone || '—'}</td>
                      <td>{draft.phone || '—'}</td>
                    </tr>
                    <tr>
                      <th>{t('cases:fields.address')}</th>
                      <td className={c.matched.includes('address') ? 'match' : ''}>{c.address || '—'}</td>
                      <td>{draft.address || '—'}</td>
                    </tr>
                    <tr>
                      <th>{t('cases:fields.summary')}</th>
                      <td>{c.summary || '—'}</td>
                      <td>{draft.summary.split('\n')[0] || '—'}</td>
                    </tr>
                    <tr>
                      <th>{t('cases:fields.contactDate')}</th>
                      <td>{c.contactDate}</td>
                      <td>{draft.contactDate}</td>
                    </tr>
                  </tbody>
                </table>
                )}
                <label className="option">
                  <input
                    type="checkbox"
                    checked={draft.repeat === 'repeat' && draft.repeatOf.includes(c.id)}
                    onChange={(e) => {
                      const of = e.target.checked ? [...draft.repeatOf, c.id] : draft.repeatOf.filter((x) => x !== c.id)
                      onDecide(of.length ? 'repeat' : draft.repeat === 'repeat' ? null : draft.repeat, of)
                    }}
                  />
                  {t('cases:repeat.sameMatter')}
                </label>
              </li>
            ))}
          </ul>
          <fieldset className="options">
            <legend>{t('cases:repeat.decision')}</legend>
            <label className="option">
              {/* The worker's call: 重复上访 may be set without a matching case on this desk (earlier visits elsewhere). */}
              <input type="radio" name="repeat" checked={draft.repeat === 'repeat'} onChange={() => onDecide('repeat', draft.repeatOf)} />
              {t('cases:options.repeat.repeat')}
            </label>
            <label className="option">
              <input type="radio" name="repeat" checked={draft.repeat === 'notRepeat'} onChange={() => onDecide('notRepeat', [])} />
              {t('cases:options.repeat.notRepeat')}
            </label>
            <label className="option">
              <input type="radio" name="repeat" checked={draft.repeat === null} onChange={() => onDecide(null, [])} />
              {t('cases:repeat.later')}
            </label>
          </fieldset>
          <p className="hint">{t('cases:repeat.definition')}</p>
      </>
    </aside>
  )
}
