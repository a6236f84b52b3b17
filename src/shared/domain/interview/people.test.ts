import { describe, expect, it } from 'vitest'
import { resources } from '../../i18n/resources'
import {
  arrivalLineKeys,
  cannotReadForms,
  deescalationKeys,
  empathyKey,
  hardshipOffer,
  hardshipStanding,
  isCollectiveVisit,
  languagePlan,
  ownWords,
  partyKindForHeadcount,
  peoplePrompts,
  PROMPT_LINES,
  PEOPLE_PROMPTS,
  sayable,
  SPOKEN_LANGS,
  spokenFromFormA,
  stageCheckIds,
  stageLineIds,
  type PersonFacts
} from './people'
import { buildStageView, draftSummary } from './summary'
import { CRISIS_LINES, crisisStageLines } from './crisis'
import { CRISIS_DEFAULT_RISK, CRISIS_FLOW, CRISIS_NUMBERS, CRISIS_STEPS, ALL_CHECKS, STAGE_LINES } from './catalogue'
import { CUE_CRISIS } from './risk-cues'
import { EMOTIONS, STAGES, type Emotion } from './types'
import { NO_EVENTS, routePromises } from './route-promises'
import { storedReasonKey } from '../case/stored-reason'

type Tree = Record<string, unknown>
const LANGS = ['zh-CN', 'yue-HK'] as const
const get = (lang: (typeof LANGS)[number], key: string): string => {
  const [ns, path] = key.split(':')
  const v = path.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], (resources[lang] as unknown as Tree)[ns])
  return typeof v === 'string' ? v : `MISSING ${key}`
}
const tr = (lang: (typeof LANGS)[number]) => (key: string, p?: Record<string, string | number>) =>
  get(lang, key.includes(':') ? key : `script:${key}`).replace(/\{\{(\w+)\}\}/g, (_, n) => String(p?.[n] ?? ''))
const YUE = /[係喺嘅咗唔冇哋畀睇嚟啲咩噉㗎佢呢嘢喇囉喎吖咁乜晒緊]|而家|坐低|點樣|邊個|一齊/
const MANDARIN_ONLY = /[們这這您]|什麼|沒有|没有|我们|你们/
const ctx = { worker: '李社工', name: '陈大文', matter: '', date: '2026-11-26', phone: '020-1', demand: '', next: '下一步' }

describe('a collective visit follows the headcount (3.7: 5 or more)', () => {
  it('5 is collective, 4 is not; an uncounted group keeps what was registered', () => {
    expect(isCollectiveVisit('collective', 5)).toBe(true)
    expect(isCollectiveVisit('person', 5)).toBe(true)
    expect(isCollectiveVisit('collective', 4)).toBe(false)
    expect(isCollectiveVisit('organisation', 4)).toBe(false)
    expect(isCollectiveVisit('organisation', 6)).toBe(true)
    expect(isCollectiveVisit('collective', null)).toBe(true)
    expect(isCollectiveVisit('person', null)).toBe(false)
  })
  it('a corrected headcount moves the party kind both ways (an organisation stays one)', () => {
    expect(partyKindForHeadcount('person', 5)).toBe('collective')
    expect(partyKindForHeadcount('collective', 4)).toBe('person')
    expect(partyKindForHeadcount('collective', 5)).toBe('collective')
    expect(partyKindForHeadcount('person', 4)).toBe('person')
    expect(partyKindForHeadcount('organisation', 9)).toBe('organisation')
    expect(partyKindForHeadcount('collective', null)).toBe('collective')
  })
  it("the group's first lines come at arrival: calm, at most 5 representatives, where to wait, how they hear — both languages", () => {
    expect(arrivalLineKeys(false)).toEqual([])
    const keys = arrivalLineKeys(true)
    expect(keys.map((k) => k.split('.').pop())).toEqual(['calm', 'representatives', 'wait', 'hear'])
    for (const lang of LANGS) {
      const said = keys.map((k) => get(lang, k))
      expect(said[1]).toMatch(/5/)
      expect(said[0]).not.toMatch(/代表/) // calm first
    }
    for (const k of keys) {
      expect(get('yue-HK', k)).toMatch(YUE)
      expect(get('yue-HK', k)).not.toMatch(MANDARIN_ONLY)
    }
  })
})

describe('phone or in person', () => {
  it('a phone contact is never asked to sit down and have water; the in-person line still is', () => {
    for (const lang of LANGS) {
      const phone = buildStageView('rapport', tr(lang), tr(lang), ctx, { workForm: 'phone' }).lines.map((l) => l.text).join('')
      const face = buildStageView('rapport', tr(lang), tr(lang), ctx, { workForm: 'faceToFace' }).lines.map((l) => l.text).join('')
      expect(phone).not.toMatch(/坐|喝|飲|水/)
      expect(face).toMatch(/水/)
      expect(phone).toMatch(/方便/)
    }
    expect(stageLineIds('rapport', 'phone')).not.toContain('water')
    expect(stageCheckIds('rapport', 'phone')).not.toContain('offeredWater')
    expect(stageCheckIds('rapport', 'phone')).toContain('phoneTimeOk')
    expect(ALL_CHECKS).toContain('phoneTimeOk')
    expect(stageLineIds('closing', 'phone')).toContain('readBackPhone')
    expect(stageLineIds('closing', 'faceToFace')).toEqual([...STAGE_LINES.closing])
  })
})

describe('the empathy line follows the emotion the worker picked', () => {
  it('each emotion has its own line in both languages; none recorded names no feeling', () => {
    const seen = new Set<string>()
    for (const e of EMOTIONS) {
      for (const lang of LANGS) expect(get(lang, empathyKey(e)), `${lang} ${e}`).not.toMatch(/^MISSING/)
      seen.add(get('zh-CN', empathyKey(e)))
      expect(get('yue-HK', empathyKey(e))).toMatch(YUE)
      expect(get('yue-HK', empathyKey(e))).not.toMatch(MANDARIN_ONLY)
    }
    expect(seen.size).toBe(EMOTIONS.length)
    expect(empathyKey(null)).toBe('script:stages.emotion.feel')
  })
  it('a quiet, grieving person (crying or calm) is not told they are anxious or angry; an anxious one is', () => {
    const feel = (e: Emotion | null, lang: (typeof LANGS)[number]) =>
      buildStageView('emotion', tr(lang), tr(lang), ctx, { emotion: e }).lines.find((l) => l.id === 'feel')!.text
    for (const e of ['crying', 'calm', null] as const) {
      expect(feel(e, 'zh-CN')).not.toMatch(/急|生气|委屈/)
      expect(feel(e, 'yue-HK')).not.toMatch(/心急|嬲|委屈/)
    }
    expect(feel('crying', 'zh-CN')).toMatch(/难过/)
    expect(feel('anxious', 'zh-CN')).toMatch(/着急/)
    expect(feel('agitated', 'yue-HK')).toMatch(/嬲/)
    expect(deescalationKeys('crying')[0]).toBe(empathyKey('crying'))
    expect(deescalationKeys('accusing')[0]).toBe(empathyKey('accusing'))
  })
})

describe("the matter slot: the petitioner's own words, never a category, never a cut note", () => {
  it('says short words back whole; a long or multi-line note is never cut into a line', () => {
    expect(sayable('工钱拖了半年。')).toBe('工钱拖了半年')
    expect(sayable('  ')).toBeNull()
    expect(sayable('第一行\n第二行')).toBeNull()
    expect(sayable('一'.repeat(31))).toBeNull()
    expect(sayable('𠮶'.repeat(30))).toBe('𠮶'.repeat(30))
    expect(ownWords({ ownWords: '', surfaceDemand: '要求补发工资' })).toBe('要求补发工资')
    expect(ownWords({ ownWords: '老板跑了', surfaceDemand: '要求补发工资' })).toBe('老板跑了')
    expect(ownWords({ ownWords: '', surfaceDemand: '2019年起在某工地做工，包工头拖欠工资共计三万元，多次讨要未果，现要求补发' })).toBeNull()
  })
  it('with words the confirm line quotes them; without, it asks — never 涉法涉诉 or 其他', () => {
    for (const lang of LANGS) {
      const withWords = buildStageView('rapport', tr(lang), tr(lang), { ...ctx, matter: '老板跑了' }).lines.find((l) => l.id === 'confirm')!.text
      expect(withWords).toContain('「老板跑了」')
      const none = buildStageView('rapport', tr(lang), tr(lang), ctx).lines.find((l) => l.id === 'confirm')!.text
      expect(none).not.toMatch(/涉法涉诉|涉法涉訴|其他|……|「」/)
      expect(none).toContain('陈大文')
    }
  })
  it("the closing summary never splices the worker's plan, and says a long demand without cutting it", () => {
    const promises = routePromises({ route: 'unknown', events: NO_EVENTS, walkIn: true, visitDate: '2026-11-23' })
    const plan = '内部备注：此人情绪不稳，需督导介入，联系劳动监察大队王科长'
    const long = '2019年起在某工地做工，包工头拖欠工资共计三万元，多次讨要未果，现要求补发全部工资并赔偿损失'
    for (const lang of LANGS) {
      const s = draftSummary({ surfaceDemand: long, acceptedNeeds: [], followUpPlan: plan, followUpDate: null, orgPhone: '', promises }, tr(lang), (d) => d)
      expect(s).not.toContain('内部备注')
      expect(s).not.toContain('王科长')
      expect(s).not.toContain('2019')
      expect(s).not.toContain('…')
      expect(s).toContain(get(lang, promises.nextKey))
      const own = draftSummary({ surfaceDemand: long, ownWords: '工钱拖了三年', acceptedNeeds: [], followUpDate: null, orgPhone: '', promises }, tr(lang), (d) => d)
      expect(own).toContain('工钱拖了三年')
      // The closing stage line: no words → the sibling without the slot.
      const line = buildStageView('closing', tr(lang), tr(lang), ctx).lines.find((l) => l.id === 'summary')!.text
      expect(line).not.toMatch(/……|「」/)
    }
  })
})

describe('language (Stage 1): interpreter and output language said plainly', () => {
  it('普通话 and 广东话 have lines of their own; Hakka, Chaozhou, foreign and other are relayed from 普通话', () => {
    expect(languagePlan('putonghua')).toEqual({ output: 'zh-CN', interpreter: false, relayed: false })
    expect(languagePlan('cantonese')).toEqual({ output: 'yue-HK', interpreter: false, relayed: false })
    for (const l of ['hakka', 'chaozhou', 'foreign', 'other'] as const) expect(languagePlan(l)).toEqual({ output: 'zh-CN', interpreter: true, relayed: true })
  })
  it('Form A 语言 (ticked in order: the first is spoken best) gives the starting point; 潮汕 in 其他 is Chaozhou', () => {
    expect(spokenFromFormA(['hakka'])).toBe('hakka')
    expect(spokenFromFormA(['hakka', 'cantonese'])).toBe('hakka')
    expect(spokenFromFormA(['cantonese', 'hakka'])).toBe('cantonese')
    expect(spokenFromFormA(['other'], '粵語')).toBe('cantonese')
    expect(spokenFromFormA([])).toBeNull()
    expect(spokenFromFormA('other', '潮汕话')).toBe('chaozhou')
    expect(spokenFromFormA('other', '越南语')).toBe('other')
    expect(spokenFromFormA(null)).toBeNull()
  })
  it('every spoken language and prompt has words in both registers', () => {
    for (const lang of LANGS) {
      for (const l of SPOKEN_LANGS) expect(get(lang, `interview:people.spoken.${l}`)).not.toMatch(/^MISSING/)
      for (const p of PEOPLE_PROMPTS) expect(get(lang, `interview:people.prompts.${p}`)).not.toMatch(/^MISSING/)
    }
    for (const k of Object.values(PROMPT_LINES)) {
      expect(get('yue-HK', k!)).toMatch(YUE)
      expect(get('yue-HK', k!)).not.toMatch(MANDARIN_ONLY)
      expect(get('zh-CN', k!)).toMatch(/您/)
    }
    expect(get('zh-CN', 'interview:people.plan.relayed')).toContain('{{out}}')
  })
})

describe('prompts for the person: language, foreign national, age, reading, hearing', () => {
  const base: PersonFacts = { age: 40, education: 'seniorHigh', hardOfHearing: false, foreignNational: false, spoken: 'putonghua', interpreterRecorded: false }
  it('nothing for a 40-year-old reader who speaks 普通话', () => expect(peoplePrompts(base)).toEqual([]))
  it('language unknown: ask it first', () => expect(peoplePrompts({ ...base, spoken: null })).toEqual(['checkLanguage']))
  it('Hakka: an interpreter until one is recorded', () => {
    expect(peoplePrompts({ ...base, spoken: 'hakka' })).toEqual(['interpreter'])
    expect(peoplePrompts({ ...base, spoken: 'hakka', interpreterRecorded: true })).toEqual([])
  })
  it('a foreign national: interpreter and consulate note', () => {
    expect(peoplePrompts({ ...base, spoken: 'foreign', foreignNational: true })).toEqual(['interpreter', 'consular'])
  })
  it('60 and over: speak slowly; 59 not; hard of hearing: slowly and face them', () => {
    expect(peoplePrompts({ ...base, age: 60 })).toEqual(['speakSlowly'])
    expect(peoplePrompts({ ...base, age: 59 })).toEqual([])
    expect(peoplePrompts({ ...base, hardOfHearing: true })).toEqual(['speakSlowly', 'faceThem'])
  })
  it('文盲 or 略懂文字: read every form aloud, sign on behalf or thumbprint; 小学 not', () => {
    expect(peoplePrompts({ ...base, education: 'illiterate' })).toEqual(['readAloud', 'signOnBehalf'])
    expect(peoplePrompts({ ...base, education: 'semiLiterate' })).toEqual(['readAloud', 'signOnBehalf'])
    expect(peoplePrompts({ ...base, education: 'primary' })).toEqual([])
    expect(cannotReadForms(null)).toBe(false)
  })
  it('a 101-year-old Hakka speaker who cannot read or hear well gets all of it, in order', () => {
    expect(peoplePrompts({ age: 101, education: 'illiterate', hardOfHearing: true, foreignNational: false, spoken: 'hakka', interpreterRecorded: false })).toEqual([
      'interpreter',
      'speakSlowly',
      'faceThem',
      'readAloud',
      'signOnBehalf'
    ])
  })
})

describe('hardship: offered with an honest caveat per 户籍', () => {
  it('the standing follows 户籍; a foreign national is foreign whatever the 户籍 field says', () => {
    expect(hardshipStanding('local', false)).toBe('local')
    expect(hardshipStanding('nonLocal', false)).toBe('nonLocal')
    expect(hardshipStanding(null, false)).toBe('unknown')
    expect(hardshipStanding('local', true)).toBe('foreign')
  })
  it('every standing says where to ask and promises nothing', () => {
    for (const st of ['local', 'nonLocal', 'foreign', 'unknown'] as const) {
      const o = hardshipOffer(st)
      expect(o.lineKeys.at(-1)).toBe('script:hardship.noPromise')
      for (const lang of LANGS) for (const k of o.lineKeys) expect(get(lang, k), `${lang} ${k}`).not.toMatch(/^MISSING/)
      for (const k of o.lineKeys) {
        expect(get('yue-HK', k)).toMatch(YUE)
        expect(get('yue-HK', k)).not.toMatch(MANDARIN_ONLY)
      }
    }
    expect(get('zh-CN', 'script:hardship.noPromise')).toMatch(/不能给您打包票/)
    expect(get('yue-HK', 'script:hardship.noPromise')).toMatch(/打包單/)
  })
  it('local: 低保 first, at the 户籍 street office; non-local: 临时救助 here, 低保 back home (ask); foreign: no 低保, consulate', () => {
    expect(hardshipOffer('local').resources[0]).toBe('dibao')
    expect(get('zh-CN', 'script:hardship.local.where')).toMatch(/户籍所在/)
    expect(hardshipOffer('nonLocal').resources[0]).toBe('temporaryAssistance')
    expect(get('zh-CN', 'script:hardship.nonLocal.where')).toMatch(/户籍所在地.*问清楚/)
    expect(hardshipOffer('foreign').resources).not.toContain('dibao')
    expect(get('zh-CN', 'script:hardship.foreign.where')).toMatch(/使馆|领事馆/)
    expect(get('zh-CN', 'script:hardship.unknown.where')).toMatch(/户口/)
  })
})

describe('harm to others: its own crisis kind', () => {
  it('distinct from threats to staff and self-harm, with its own steps, lines, numbers and risk', () => {
    expect(CRISIS_STEPS.harmOthers).not.toEqual(CRISIS_STEPS.violence)
    expect(CRISIS_LINES.harmOthers).not.toEqual(CRISIS_LINES.violence)
    expect(CRISIS_NUMBERS.harmOthers).toEqual(['110', '120'])
    expect(CRISIS_DEFAULT_RISK.harmOthers).toBe('high')
    expect(CRISIS_FLOW.harmOthers.flow).toBe('crisis')
    for (const s of CRISIS_STEPS.harmOthers) expect(CRISIS_FLOW.harmOthers.step[s]).toBeTruthy()
    expect(CUE_CRISIS.threatOthers).toBe('harmOthers')
    expect(CUE_CRISIS.threatStaff).toBe('violence')
    expect(storedReasonKey('crisis.harmOthers')?.nested?.kind).toBe('interview:crisis.kinds.harmOthers')
  })
  it('calm and dissuasion (第四十七条) come before any police line; third parties before confidentiality; both languages', () => {
    const lines = crisisStageLines('harmOthers', 'rapport')
    const police = lines.findIndex((k) => k.endsWith('.police'))
    expect(lines[0]).toMatch(/\.calm$/)
    expect(lines.findIndex((k) => k.endsWith('.dissuade'))).toBeLessThan(police)
    expect(police).toBe(lines.length - 1)
    for (const lang of LANGS) {
      for (const k of lines) expect(get(lang, k), `${lang} ${k}`).not.toMatch(/^MISSING/)
      // Calm, dissuasion and the questions come before the police are named at all.
      for (const k of lines.slice(0, lines.findIndex((x) => x.endsWith('.safetyFirst')))) expect(get(lang, k)).not.toMatch(/公安|警|110/)
      expect(get(lang, 'script:crisis.harmOthers.police')).toMatch(/120/)
      for (const s of CRISIS_STEPS.harmOthers) expect(get(lang, `interview:crisis.steps.harmOthers.${s}`)).not.toMatch(/^MISSING/)
      expect(get(lang, 'interview:crisis.kinds.harmOthers')).not.toEqual(get(lang, 'interview:crisis.kinds.violence'))
    }
    expect(get('zh-CN', 'script:crisis.harmOthers.safetyFirst')).toMatch(/保密.*安全/)
    for (const k of lines) {
      expect(get('yue-HK', k)).toMatch(YUE)
      expect(get('yue-HK', k)).not.toMatch(MANDARIN_ONLY)
    }
  })
})

it('every line a contact can show has words in both languages', () => {
  const keys = [
    ...new Set(STAGES.flatMap((s) => (['faceToFace', 'phone'] as const).flatMap((wf) => stageLineIds(s, wf).map((id) => `script:stages.${s}.${id}`)))),
    'script:stages.rapport.confirmAsk',
    'script:stages.closing.summaryNoWords'
  ]
  for (const lang of LANGS) for (const k of keys) expect(get(lang, k), `${lang} ${k}`).not.toMatch(/^MISSING/)
  for (const k of keys) expect(get('yue-HK', k), k).not.toMatch(MANDARIN_ONLY)
})
