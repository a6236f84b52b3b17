import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  HUKOU,
  INTERPRETER_RELATIONS,
  SPOKEN_LANGS,
  PROMPT_LINES,
  arrivalLineKeys,
  hardshipOffer,
  hardshipStanding,
  languagePlan,
  peoplePrompts,
  personFacts,
  type Hukou,
  type InterpreterRelation,
  type InterviewPeople,
  type SpokenLang
} from '@shared/domain/interview/people'
import type { OutputLang, StageId } from '@shared/domain/interview/types'
import { send } from '../../app/calls'

type TScript = (key: string, params?: Record<string, string>) => string

/**
 * Beside the stage lines, for the person in front of the worker: a group's first lines at the
 * door (before Stage 1), and reminders that fit this person (language and interpreter, consulate,
 * speaking slowly and facing them, reading every form aloud, a thumbprint or a signature on their
 * behalf), each with what to say in the output language. Said plainly which language the lines are in.
 */
export function PeoplePrompts({ people, stage, tScript, lang }: { people: InterviewPeople; stage: StageId; tScript: TScript; lang: OutputLang }) {
  const { t } = useTranslation()
  const prompts = peoplePrompts(personFacts(people))
  const arrival = stage === 'rapport' ? arrivalLineKeys(people.collective) : []
  const spoken = people.language?.spoken ?? people.formASpoken
  const plan = spoken ? languagePlan(spoken) : null
  const full = stage === 'rapport' || stage === 'closing'
  if (!arrival.length && !prompts.length && !plan?.relayed) return null
  return (
    <div className="iv-people" data-testid="people-prompts">
      {arrival.length ? (
        <div className="iv-arrival" data-testid="arrival-lines">
          <strong>{t('interview:people.arrivalTitle')}</strong>{' '}
          <span className="hint">
            {people.headcount != null ? t('interview:people.arrivalHint', { count: people.headcount }) : t('interview:people.arrivalUncounted')}
          </span>
          <ol>
            {arrival.map((k) => (
              <li key={k} data-line={k.split('.').pop()}>{tScript(k)}</li>
            ))}
          </ol>
        </div>
      ) : null}
      {plan?.relayed && spoken ? (
        <p className="iv-people-plan" data-testid="output-plan">
          {t('interview:people.plan.relayed', { lang: people.language?.spokenText || t(`interview:people.spoken.${spoken}`), out: t(`interview:outputLang.${lang}`) })}
          {people.language?.interpreterName ? (
            <> {t('interview:people.interpretedBy', {
              name: people.language.interpreterName,
              relation: people.language.interpreterRelation ? t(`interview:people.relation.${people.language.interpreterRelation}`) : '',
              lang: people.language.interpreterLanguage || t(`interview:people.spoken.${spoken}`)
            })}</>
          ) : null}
        </p>
      ) : null}
      {prompts.length ? (
        <ul className="iv-people-list">
          {prompts.map((p) => (
            <li key={p} data-prompt={p}>
              <span className="iv-people-do">{t(`interview:people.prompts.${p}`)}</span>
              {full && PROMPT_LINES[p] ? <span className="iv-people-say">「{tScript(PROMPT_LINES[p]!)}」</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/**
 * The 来访人 tab: the language the person is comfortable in and who interpreted (Stage 1), hearing,
 * nationality and 户籍 on the case, the headcount (5 or more: a collective visit), and hardship help
 * said honestly for this person's 户籍.
 */
export function PeoplePanel({
  interviewId,
  people,
  setPeople,
  onOutputLang,
  tScript,
  ended
}: {
  interviewId: number
  people: InterviewPeople
  setPeople(p: InterviewPeople): void
  onOutputLang(l: OutputLang): void
  tScript: TScript
  ended: boolean
}) {
  const { t } = useTranslation()
  const lang0 = people.language
  const [spoken, setSpoken] = useState<SpokenLang | ''>(lang0?.spoken ?? people.formASpoken ?? '')
  const [spokenText, setSpokenText] = useState(lang0?.spokenText ?? '')
  const [name, setName] = useState(lang0?.interpreterName ?? '')
  const [ilang, setIlang] = useState(lang0?.interpreterLanguage ?? '')
  const [relation, setRelation] = useState<InterpreterRelation | ''>(lang0?.interpreterRelation ?? '')
  const [langSaved, setLangSaved] = useState(false)
  const [headcount, setHeadcount] = useState(people.headcount != null ? String(people.headcount) : '')
  const [countSaved, setCountSaved] = useState(false)
  const needsInterpreter = spoken !== '' && languagePlan(spoken).interpreter
  const standing = hardshipStanding(people.hukou, people.foreignNational)
  const offer = hardshipOffer(standing)

  const saveLanguage = async () => {
    if (!spoken) return
    const r = await send(
      'interview.language',
      {
        interviewId,
        spoken,
        spokenText,
        interpreterName: name,
        interpreterLanguage: ilang,
        interpreterRelation: relation || null
      },
      'errors:what.people'
    )
    if (!r) return
    setPeople({ ...people, language: r.language })
    onOutputLang(r.outputLang)
    setLangSaved(true)
  }
  // The box shows the worker's choice at once; the main process's answer then stands (a refusal
  // puts back what was recorded, and the failure is said in words).
  const setCase = async (patch: { hardOfHearing?: boolean; foreignNational?: boolean; nationality?: string; hukou?: Hukou | null }) => {
    const before = people
    setPeople({ ...people, ...patch })
    const r = await send('person.set', { caseId: people.caseId, patch }, 'errors:what.people')
    setPeople(r ? { ...before, hardOfHearing: r.hardOfHearing, foreignNational: r.foreignNational, nationality: r.nationality, hukou: r.hukou } : before)
  }
  const saveHeadcount = async () => {
    const n = Number(headcount)
    if (!Number.isInteger(n) || n < 1) return
    const r = await send('person.headcount', { caseId: people.caseId, headcount: n }, 'errors:what.people')
    if (!r) return
    setPeople({ ...people, headcount: r.headcount, partyKind: r.partyKind, collective: r.collective })
    setCountSaved(true)
  }
  const count = people.headcount

  return (
    <div className="iv-people-panel" data-testid="people-panel">
      <p className="hint">
        {[
          people.age != null ? t('interview:people.age', { age: people.age }) : '',
          people.education ? t('interview:people.education', { level: t(`cases:options.education.${people.education}`) }) : ''
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <fieldset className="iv-people-lang" disabled={ended}>
        <legend>{t('interview:people.language')}</legend>
        <div className="iv-chips" role="radiogroup" aria-label={t('interview:people.language')}>
          {SPOKEN_LANGS.map((l) => (
            <label key={l} className="check">
              <input type="radio" name="iv-spoken" checked={spoken === l} onChange={() => { setSpoken(l); setLangSaved(false) }} data-spoken={l} />
              {t(`interview:people.spoken.${l}`)}
            </label>
          ))}
        </div>
        {spoken === 'foreign' || spoken === 'other' ? (
          <label className="field-inline">
            {t('interview:people.spokenText')}{' '}
            <input value={spokenText} onChange={(e) => { setSpokenText(e.target.value); setLangSaved(false) }} data-testid="spoken-text" />
          </label>
        ) : null}
        {spoken ? (
          <p className="hint" data-testid="language-plan">
            {languagePlan(spoken).relayed
              ? t('interview:people.plan.relayed', { lang: spokenText.trim() || t(`interview:people.spoken.${spoken}`), out: t(`interview:outputLang.${languagePlan(spoken).output}`) })
              : t(spoken === 'cantonese' ? 'interview:people.plan.cantonese' : 'interview:people.plan.putonghua')}
          </p>
        ) : null}
        {needsInterpreter || name ? (
          <div className="iv-grid3" data-testid="interpreter">
            <label>
              {t('interview:people.interpreterName')}
              <input value={name} onChange={(e) => { setName(e.target.value); setLangSaved(false) }} data-testid="interpreter-name" />
            </label>
            <label>
              {t('interview:people.interpreterLanguage')}
              <input value={ilang} onChange={(e) => { setIlang(e.target.value); setLangSaved(false) }} data-testid="interpreter-language" />
            </label>
            <label>
              {t('interview:people.interpreterRelation')}
              <select value={relation} onChange={(e) => { setRelation(e.target.value as InterpreterRelation | ''); setLangSaved(false) }} data-testid="interpreter-relation">
                <option value="">…</option>
                {INTERPRETER_RELATIONS.map((r) => <option key={r} value={r}>{t(`interview:people.relation.${r}`)}</option>)}
              </select>
            </label>
          </div>
        ) : null}
        <button type="button" onClick={() => void saveLanguage()} disabled={!spoken || (!!name.trim() && !relation)} data-testid="save-language">
          {t('interview:people.saveLanguage')}
        </button>
        {langSaved ? <span className="hint" role="status"> {t('interview:people.languageSaved')}</span> : null}
      </fieldset>

      <fieldset className="iv-people-person">
        <legend>{t('interview:people.title')}</legend>
        <label className="check">
          <input type="checkbox" checked={people.hardOfHearing} onChange={(e) => void setCase({ hardOfHearing: e.target.checked })} data-testid="hard-of-hearing" />
          {t('interview:people.hardOfHearing')}
        </label>
        <label className="check">
          <input type="checkbox" checked={people.foreignNational} onChange={(e) => void setCase({ foreignNational: e.target.checked })} data-testid="foreign-national" />
          {t('interview:people.foreignNational')}
        </label>
        {people.foreignNational ? (
          <label className="field-inline">
            {t('interview:people.nationality')}{' '}
            <input defaultValue={people.nationality} onBlur={(e) => e.target.value !== people.nationality && void setCase({ nationality: e.target.value })} data-testid="nationality" />
          </label>
        ) : null}
        <label className="field-inline">
          {t('interview:people.hukou')}{' '}
          <select value={people.hukou ?? ''} onChange={(e) => void setCase({ hukou: (e.target.value || null) as Hukou | null })} data-testid="hukou">
            <option value="">{t('interview:people.hukouOpt.unknown')}</option>
            {HUKOU.map((h) => <option key={h} value={h}>{t(`interview:people.hukouOpt.${h}`)}</option>)}
          </select>
        </label>
      </fieldset>

      <fieldset className="iv-people-count">
        <legend>{t('interview:people.headcount')}</legend>
        <input inputMode="numeric" value={headcount} onChange={(e) => { setHeadcount(e.target.value.normalize('NFKC').replace(/\D/g, '')); setCountSaved(false) }} data-testid="headcount" aria-label={t('interview:people.headcount')} />{' '}
        <button type="button" onClick={() => void saveHeadcount()} disabled={!headcount || Number(headcount) === count} data-testid="save-headcount">
          {t('interview:people.headcountSave')}
        </button>{' '}
        {count != null ? (
          <span data-testid="collective-state" data-collective={people.collective}>
            {people.collective ? t('interview:people.collectiveYes', { count }) : t('interview:people.collectiveNo', { count })}
          </span>
        ) : null}
        {countSaved ? <span className="hint" role="status"> {t('interview:people.headcountSaved')}</span> : null}
      </fieldset>

      <section className="iv-hardship" data-testid="hardship" data-standing={standing}>
        <h3>{t('interview:people.hardshipTitle')}</h3>
        <p className="hint">{t('interview:people.hardshipHint')}</p>
        <ol>
          {offer.lineKeys.map((k) => <li key={k}>{tScript(k)}</li>)}
        </ol>
      </section>
    </div>
  )
}
