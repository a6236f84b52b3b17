/**
 * The people the standard names (issue 12 §4) in the interview guide, as pure rules: a group at the
 * door, a phone contact, the emotion the worker picked, the petitioner's own words, the language
 * they are comfortable in (and who interpreted), age, reading and hearing, hardship by 户籍.
 */
import { type EducationCode, type LanguageCode, type PartyKind, type ResourceKind } from '../case/options'
import { firstLine, graphemeLength } from '../../text/characters'
import { STAGE_CHECKS, STAGE_LINES } from './catalogue'
import type { Emotion, OutputLang, StageId, WorkForm } from './types'
import type { I18nKey } from '../../i18n/keys'

// ───────────────────────────── a group at the door (3.7; 条例 第二十条第三款) ─────────────────────────────

export { isCollectiveVisit, partyKindForHeadcount } from '../case/people'

/**
 * What is said to a group as it arrives, before Stage 1: calm first, then choose at most 5
 * representatives, where the others wait, how they will hear (script:arrival.group.<id>).
 */
export const ARRIVAL_GROUP_LINES = ['calm', 'representatives', 'wait', 'hear'] as const
export function arrivalLineKeys(collective: boolean): string[] {
  return collective ? ARRIVAL_GROUP_LINES.map((id) => `script:arrival.group.${id}`) : []
}

// ───────────────────────────── phone or in person ─────────────────────────────

/**
 * On the phone nobody is offered a seat or water: the greeting says who is calling and asks whether
 * now is a good time, and the record is read out rather than shown.
 */
const PHONE_LINES: Partial<Record<StageId, Record<string, string>>> = {
  rapport: { greet: 'greetPhone', water: 'timeOk' },
  closing: { readBack: 'readBackPhone' }
}
const PHONE_CHECKS: Partial<Record<StageId, Record<string, string>>> = {
  rapport: { offeredWater: 'phoneTimeOk' }
}
/** Checks only a phone contact has (stored like the others). */
export const PHONE_ONLY_CHECKS = ['phoneTimeOk'] as const

export const isPhone = (workForm: WorkForm | string) => workForm === 'phone'

/** The stage's line ids for this kind of contact (script:stages.<stage>.<id>). */
export function stageLineIds(stage: StageId, workForm: WorkForm | string): string[] {
  const swap = isPhone(workForm) ? (PHONE_LINES[stage] ?? {}) : {}
  return STAGE_LINES[stage].map((id) => swap[id] ?? id)
}
export function stageCheckIds(stage: StageId, workForm: WorkForm | string): string[] {
  const swap = isPhone(workForm) ? (PHONE_CHECKS[stage] ?? {}) : {}
  return STAGE_CHECKS[stage].map((id) => swap[id] ?? id)
}

// ───────────────────────────── the emotion the worker picked ─────────────────────────────

/**
 * The empathy line follows the emotion the worker recorded last: a quiet, grieving person is not
 * told they look anxious, an angry one is not told they look sad (script:empathyFor.<emotion>).
 * Nothing recorded: the stage's own open line, which names no feeling (script:stages.emotion.feel).
 */
export function empathyKey(emotion: Emotion | null): I18nKey {
  return emotion ? `script:empathyFor.${emotion}` : 'script:stages.emotion.feel'
}

/**
 * The lines the de-escalation panel offers for a strong emotion: its own empathy line first, then
 * lines that name no particular feeling (how long it has weighed on them, a pause). The old fixed
 * "受了这么多委屈" is no longer offered to everyone: it presumed a grievance.
 */
export function deescalationKeys(emotion: Emotion): I18nKey[] {
  return [empathyKey(emotion), 'script:empathy.heavy', 'script:empathy.pause']
}

// ───────────────────────────── the petitioner's own words ─────────────────────────────

/** The longest phrase said back whole inside a spoken line (grapheme clusters). */
export const SAYABLE_MAX = 30

/**
 * Text that can be said back whole inside a sentence: one line, not empty, at most SAYABLE_MAX
 * characters. Anything longer is a note, and a note is never cut to fit a spoken line.
 */
export function sayable(text: string, max = SAYABLE_MAX): string | null {
  const s = text.trim()
  if (!s || firstLine(s) !== s) return null
  const bare = s.replace(/[。．.！!？?；;，,、\s]+$/u, '')
  if (!bare || graphemeLength(bare) > max) return null
  return bare
}

/**
 * The matter slot in spoken lines: the petitioner's own words as the worker wrote them down
 * (用对方的话), else the surface demand if it is short enough to say whole; never a form category
 * (涉法涉诉, 其他) and never a cut note. Null: no words, so the line that needs none is said
 * (script:stages.rapport.confirmAsk, script:stages.closing.summaryNoWords, script:summary.demandUnclear).
 */
export function ownWords(texts: { ownWords: string; surfaceDemand: string }): string | null {
  return sayable(texts.ownWords) ?? sayable(texts.surfaceDemand)
}

/** A line whose slot has no words gives way to its sibling that needs none. */
export const NO_WORDS_LINE: Record<string, string> = { confirm: 'confirmAsk', summary: 'summaryNoWords' }

// ───────────────────────────── language (Stage 1) ─────────────────────────────

/** What the person is comfortable speaking, asked at Stage 1 (broader than Form A's four boxes). */
export const SPOKEN_LANGS = ['putonghua', 'cantonese', 'hakka', 'chaozhou', 'foreign', 'other'] as const
export type SpokenLang = (typeof SPOKEN_LANGS)[number]
/** Who interpreted: a colleague, a family member, a professional interpreter. */
export const INTERPRETER_RELATIONS = ['colleague', 'family', 'professional'] as const
export type InterpreterRelation = (typeof INTERPRETER_RELATIONS)[number]

export interface LanguageRecord {
  spoken: SpokenLang
  /** Which language, for a foreign or other language (越南语, 潮汕话 …). */
  spokenText: string
  interpreterName: string
  interpreterLanguage: string
  interpreterRelation: InterpreterRelation | null
}

export interface LanguagePlan {
  /** The language the lines on screen are in. */
  output: OutputLang
  /** The desk has no lines in the person's language: someone must interpret. */
  interpreter: boolean
  /** The lines are shown in `output` and relayed by the interpreter (Hakka, Chaozhou, foreign …). */
  relayed: boolean
}

/**
 * Which output language serves the person, said plainly: 普通话 and 粵語 have lines of their own;
 * Hakka, Chaozhou, a foreign or another language have none, so the lines are shown in 普通话 and an
 * interpreter relays them (never a silent fall-back).
 */
export function languagePlan(spoken: SpokenLang): LanguagePlan {
  if (spoken === 'putonghua') return { output: 'zh-CN', interpreter: false, relayed: false }
  if (spoken === 'cantonese') return { output: 'yue-HK', interpreter: false, relayed: false }
  return { output: 'zh-CN', interpreter: true, relayed: true }
}

/**
 * Form A 语言 (可多选, in the order ticked: the first is what the person speaks best) → where Stage 1
 * starts, or null when Form A says nothing. An 其他 the worker wrote as 粤语 / 普通话 counts as that
 * language; 潮汕 / 潮州 is Chaozhou.
 */
export function spokenFromFormA(codes: readonly LanguageCode[] | LanguageCode | null, otherText = ''): SpokenLang | null {
  const first = codes == null ? undefined : typeof codes === 'string' ? codes : codes[0]
  if (!first) return null
  if (first !== 'other') return first
  if (/粤语|粵語|广东话|廣東話|广府话|廣府話|白话|白話|cantonese/i.test(otherText)) return 'cantonese'
  if (/普通话|普通話|国语|國語|mandarin|putonghua/i.test(otherText)) return 'putonghua'
  return /潮汕|潮州|潮語|潮语/.test(otherText) ? 'chaozhou' : 'other'
}

// ───────────────────────────── age, reading, hearing, nationality ─────────────────────────────

/** 《老年人权益保障法》第二条: 老年人 is 60 周岁 or older. */
export const ELDERLY_AGE = 60

export interface PersonFacts {
  age: number | null
  education: EducationCode | null
  hardOfHearing: boolean
  foreignNational: boolean
  spoken: SpokenLang | null
  interpreterRecorded: boolean
}

export const PEOPLE_PROMPTS = ['checkLanguage', 'interpreter', 'consular', 'speakSlowly', 'faceThem', 'readAloud', 'signOnBehalf'] as const
export type PeoplePrompt = (typeof PEOPLE_PROMPTS)[number]

/** Cannot read the forms themselves: 文盲, or 略懂文字 (reads a little). */
export const cannotReadForms = (education: EducationCode | null) => education === 'illiterate' || education === 'semiLiterate'

/**
 * What the worker is reminded of at Stage 1 for this person, in order: the language first (ask it
 * when unknown; an interpreter until one is recorded; the consulate for a foreign national), then
 * how to speak (slowly for an older or hard-of-hearing person, facing them), then reading every form
 * and the consent slip aloud, and a signature on their behalf or a thumbprint for someone who cannot
 * read.
 */
export function peoplePrompts(f: PersonFacts): PeoplePrompt[] {
  const out: PeoplePrompt[] = []
  if (f.spoken == null) out.push('checkLanguage')
  if ((f.spoken != null && languagePlan(f.spoken).interpreter) || f.foreignNational) {
    if (!f.interpreterRecorded) out.push('interpreter')
  }
  if (f.foreignNational) out.push('consular')
  if ((f.age != null && f.age >= ELDERLY_AGE) || f.hardOfHearing) out.push('speakSlowly')
  if (f.hardOfHearing) out.push('faceThem')
  if (cannotReadForms(f.education)) out.push('readAloud', 'signOnBehalf')
  return out
}

/** The spoken line (script:people.<id>) a prompt gives the worker to say, where it has one. */
export const PROMPT_LINES: Partial<Record<PeoplePrompt, string>> = {
  checkLanguage: 'script:people.checkLanguage',
  interpreter: 'script:people.interpreter',
  consular: 'script:people.consular',
  readAloud: 'script:people.readAloud',
  signOnBehalf: 'script:people.signOnBehalf'
}

// ───────────────────────────── hardship (7.2.3; 条例 第三十七条第二款) ─────────────────────────────

/** 户籍: registered here (this city) or elsewhere; null = not asked yet. */
export const HUKOU = ['local', 'nonLocal'] as const
export type Hukou = (typeof HUKOU)[number]

export type HardshipStanding = 'local' | 'nonLocal' | 'foreign' | 'unknown'

export function hardshipStanding(hukou: Hukou | null, foreignNational: boolean): HardshipStanding {
  if (foreignNational) return 'foreign'
  return hukou ?? 'unknown'
}

export interface HardshipOffer {
  standing: HardshipStanding
  /** Resources worth asking about (Form A/flows resource codes), most likely first. */
  resources: ResourceKind[]
  /** Spoken lines in order: what may help, where to ask, and the honest caveat (no promise). */
  lineKeys: string[]
}

/**
 * What hardship help to mention, and how honestly: 低保 is applied for where the 户籍 is (some
 * places also take applications where a person lives: ask there); 临时救助 for an emergency can be
 * asked where it happens; a foreign national is generally outside 低保, so: the civil-affairs office
 * or the 街道 for any local help, the consulate, charities. Always: where to ask, and no promise —
 * the department decides after its own check. Unknown 户籍: ask it first.
 */
export function hardshipOffer(standing: HardshipStanding): HardshipOffer {
  const resources: Record<HardshipStanding, ResourceKind[]> = {
    local: ['dibao', 'temporaryAssistance', 'medicalAssistance', 'judicialAssistance'],
    nonLocal: ['temporaryAssistance', 'dibao', 'medicalAssistance', 'judicialAssistance'],
    foreign: ['charity', 'temporaryAssistance', 'other'],
    unknown: ['dibao', 'temporaryAssistance', 'medicalAssistance']
  }
  return {
    standing,
    resources: resources[standing],
    lineKeys: [`script:hardship.${standing}.offer`, `script:hardship.${standing}.where`, 'script:hardship.noPromise']
  }
}

// ───────────────────────────── what the interview knows about the person ─────────────────────────────

/** What Form A has no box for (case_people), as recorded on the case. */
export interface CasePersonFacts {
  caseId: number
  hardOfHearing: boolean
  foreignNational: boolean
  nationality: string
  hukou: Hukou | null
  updatedAt: string | null
}

/** Everything the guide adapts to, for one contact: the case's facts and this contact's language. */
export interface InterviewPeople extends Omit<CasePersonFacts, 'updatedAt'> {
  partyKind: PartyKind
  headcount: number | null
  /** 5 or more counted (or an uncounted group registered as collective). */
  collective: boolean
  age: number | null
  education: EducationCode | null
  /** Stage 1's starting point from Form A 语言, or null when Form A says nothing. */
  formASpoken: SpokenLang | null
  /** This contact's recorded language and interpreter, or null (not asked yet). */
  language: LanguageRecord | null
}

export function personFacts(p: InterviewPeople): PersonFacts {
  return {
    age: p.age,
    education: p.education,
    hardOfHearing: p.hardOfHearing,
    foreignNational: p.foreignNational,
    spoken: p.language?.spoken ?? p.formASpoken,
    interpreterRecorded: !!p.language?.interpreterName.trim()
  }
}
