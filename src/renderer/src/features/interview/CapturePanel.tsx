import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DEEPER_NEEDS, FIVE_W, MATTER_TYPES, defaultRoute, type MatterType } from '@shared/domain/interview/catalogue'
import { LOCATIONS, WORK_FORMS, type InterviewLocation, type InterviewState, type OutputLang, type RiskLevel, type WorkForm } from '@shared/domain/interview/types'
import { MATTER_ROUTES, type MatterRoute } from '@shared/domain/dates'
import { call } from '../../app/desk-client'
import { AutoText } from './AutoText'
import type { AutosaveStore } from '@shared/domain/interview/autosave'
import { TABS, type Contacts, type Tab } from './desk-state'
import { RulesPanel } from './RulesPanel'
import { ClosingPanel } from './ClosingPanel'
import { promisesForInterview } from '@shared/domain/interview/route-promises'
import { send } from '../../app/calls'
import { PeoplePanel } from './PeoplePanel'
import type { InterviewPeople } from '@shared/domain/interview/people'
import { tk, tx } from '../../app/i18n'
import type { I18nKey } from '@shared/i18n/keys'

const TAB_LABEL: Record<Tab, I18nKey> = {
  notes: 'interview:panel.capture',
  people: 'interview:panel.people',
  fiveW: 'interview:panel.fiveW',
  needs: 'interview:panel.needs',
  rules: 'interview:panel.rules',
  closing: 'interview:panel.closing'
}

/** The right-hand side: what the worker writes down, in tabs (F3 cycles, F4 jumps to the notes). */
export function CapturePanel({
  interview,
  store,
  lang,
  tab,
  setTab,
  notesRef,
  contacts,
  onFinished,
  ended,
  accepted,
  setAccepted,
  matter,
  setMatter,
  followUpDate,
  setFollowUpDate,
  route,
  setRoute,
  riskLevel,
  inCrisis,
  workForm,
  setWorkForm,
  people,
  setPeople,
  onOutputLang,
  tScript
}: {
  interview: InterviewState
  store: AutosaveStore
  lang: OutputLang
  tab: Tab
  setTab(t: Tab): void
  notesRef(el: HTMLTextAreaElement | HTMLInputElement | null): void
  contacts: Contacts
  onFinished(s: InterviewState): void
  ended: string | null
  accepted: string[]
  setAccepted(a: string[]): void
  matter: string
  setMatter(m: string): void
  followUpDate: string | null
  setFollowUpDate(d: string): void
  /** The route recorded in this interview: it decides what may be promised (route-promises.ts). */
  route: MatterRoute
  setRoute(r: MatterRoute): void
  riskLevel: RiskLevel
  inCrisis: boolean
  /** 面谈 / 电话 …: the lines follow it (a phone contact gets the phone lines). */
  workForm: WorkForm
  setWorkForm(w: WorkForm): void
  people: InterviewPeople
  setPeople(p: InterviewPeople): void
  /** The language recorded at Stage 1 switched the lines (the main process already stored it). */
  onOutputLang(l: OutputLang): void
  tScript: (key: string, params?: Record<string, string>) => string
}) {
  const { t } = useTranslation()
  const id = interview.id
  const [location, setLocation] = useState<InterviewLocation>(interview.location)
  const [ignored, setIgnored] = useState<Set<string>>(new Set())
  const [ruleDates, setRuleDates] = useState<Record<string, string>>(interview.ruleDates)
  const meta = (patch: Parameters<typeof call<'interview.setMeta'>>[1]['patch']) =>
    void send('interview.setMeta', { interviewId: id, patch }, 'errors:what.meta')

  return (
    <section className="iv-right" aria-label={t('interview:panel.capture')}>
      <div className="iv-tabs" role="tablist">
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} className={tab === x ? 'active' : ''} onClick={() => setTab(x)} data-tab={x}>
            {tk(t, TAB_LABEL[x])}
          </button>
        ))}
        <span className="hint"><kbd>F3</kbd> <kbd>F4</kbd></span>
      </div>
      <div className="iv-tabpanel" role="tabpanel">
        {tab === 'notes' ? (
          <div className="iv-notes">
            <AutoText store={store} field="notes" label={t('interview:panel.notes')} multiline rows={9} guard lang={lang} inputRef={notesRef} className="iv-notes-main" />
            <div className="iv-grid2">
              <AutoText store={store} field="purpose" label={t('interview:fields.purpose')} lang={lang} />
              <AutoText store={store} field="subject" label={t('interview:fields.subject')} lang={lang} />
              <AutoText store={store} field="contact" label={t('interview:fields.contact')} lang={lang} />
              <AutoText store={store} field="relation" label={t('interview:fields.relation')} lang={lang} />
            </div>
            <div className="iv-meta">
              <label>
                {t('interview:meta.workForm')}{' '}
                <select value={workForm} onChange={(e) => { const v = e.target.value as WorkForm; setWorkForm(v); meta({ workForm: v }) }}>
                  {WORK_FORMS.map((w) => <option key={w} value={w}>{t(`interview:meta.workForms.${w}`)}</option>)}
                </select>
              </label>
              {workForm === 'other' ? (
                <AutoText store={store} field="workFormText" label={t('interview:fields.workFormText')} lang={lang} className="iv-inline" />
              ) : null}
              <label>
                {t('interview:meta.location')}{' '}
                <select value={location} onChange={(e) => { const v = e.target.value as InterviewLocation; setLocation(v); meta({ location: v }) }}>
                  {LOCATIONS.map((w) => <option key={w} value={w}>{t(`interview:meta.locations.${w}`)}</option>)}
                </select>
              </label>
              <AutoText store={store} field="locationText" label={t('interview:fields.locationText')} lang={lang} className="iv-inline" />
            </div>
          </div>
        ) : null}
        {tab === 'people' ? (
          <PeoplePanel interviewId={id} people={people} setPeople={setPeople} onOutputLang={onOutputLang} tScript={tScript} ended={!!ended} />
        ) : null}
        {tab === 'fiveW' ? (
          <div className="iv-fivew">
            <div className="iv-grid3">
              {FIVE_W.map((f) => <AutoText key={f} store={store} field={f} label={t(`interview:fields.${f}`)} multiline rows={2} lang={lang} />)}
            </div>
            <div className="iv-grid2">
              <AutoText store={store} field="surfaceDemand" label={t('interview:fields.surfaceDemand')} multiline rows={2} lang={lang} />
              <AutoText store={store} field="ownWords" label={t('interview:fields.ownWords')} lang={lang} />
            </div>
            <div className="iv-grid2">
              <AutoText store={store} field="experience" label={t('interview:fields.experience')} multiline rows={2} lang={lang} />
              <AutoText store={store} field="personality" label={t('interview:fields.personality')} multiline rows={2} lang={lang} />
            </div>
          </div>
        ) : null}
        {tab === 'needs' ? (
          <div className="iv-needs">
            <div className="iv-meta">
              <label>
                {t('interview:needs.matterType')}{' '}
                <select
                  value={matter}
                  data-testid="matter-type"
                  onChange={(e) => {
                    const v = e.target.value
                    setMatter(v)
                    const r = route === 'unknown' ? defaultRoute(v) : route
                    setRoute(r)
                    meta({ matterType: v as MatterType, route: r })
                  }}
                >
                  <option value="">{t('interview:needs.chooseMatter')}</option>
                  {MATTER_TYPES.map((m) => <option key={m} value={m}>{t(`interview:matterTypes.${m}`)}</option>)}
                </select>
              </label>
              <label>
                {t('interview:routes.label')}{' '}
                <select value={route} data-testid="route" onChange={(e) => { const v = e.target.value as MatterRoute; setRoute(v); meta({ route: v }) }}>
                  {MATTER_ROUTES.map((r) => (
                    <option key={r} value={r}>{t(`interview:routes.${r}`)}</option>
                  ))}
                </select>
              </label>
            </div>
            {matter ? (
              <div className="iv-suggestions">
                <h3>{t('interview:needs.suggestions')}</h3>
                <ul>
                  {DEEPER_NEEDS[matter as MatterType].filter((n) => !ignored.has(n)).map((n) => (
                    <li key={n}>
                      <span>{tx(t, `interview:deeperNeeds.${n}`)}</span>
                      {accepted.includes(n) ? (
                        <button type="button" className="link" onClick={() => { const next = accepted.filter((x) => x !== n); setAccepted(next); meta({ acceptedNeeds: next }) }}>
                          ✓ {t('interview:needs.accepted')}
                        </button>
                      ) : (
                        <>
                          <button type="button" data-need={n} onClick={() => { const next = [...accepted, n]; setAccepted(next); meta({ acceptedNeeds: next }) }}>
                            {t('interview:needs.accept')}
                          </button>
                          <button type="button" className="link" onClick={() => setIgnored(new Set(ignored).add(n))}>
                            {t('interview:needs.ignore')}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <AutoText store={store} field="deeperNeeds" label={t('interview:fields.deeperNeeds')} multiline rows={3} lang={lang} />
          </div>
        ) : null}
        {tab === 'rules' ? <RulesPanel interview={interview} lang={lang} route={route} ruleDates={ruleDates} setRuleDates={setRuleDates} /> : null}
        {tab === 'closing' ? (
          <ClosingPanel interview={interview} store={store} lang={lang} contacts={contacts} acceptedNeeds={accepted} followUpDate={followUpDate} onScheduled={setFollowUpDate} onFinished={onFinished} ended={ended} promises={promisesForInterview({ ...interview, ruleDates }, route)} riskLevel={riskLevel} inCrisis={inCrisis} />
        ) : null}
      </div>
    </section>
  )
}
