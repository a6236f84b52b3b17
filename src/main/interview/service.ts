import { and, asc, desc, eq, isNull, like } from 'drizzle-orm'
import { isKeyIn } from '@shared/i18n/keys'
import { fail } from '@shared/ipc/result'
import { isoDateAtOffset, isValidIsoDate, midFollowUpRange, isWithin, pastDateProblems } from '@shared/domain/dates'
import {
  ALL_CHECKS,
  ALL_NEEDS,
  RULES,
  CRISIS_DEFAULT_RISK,
  CRISIS_FLOW,
  CRISIS_STEPS,
  FIELD_MAX,
  TEXT_FIELDS,
  type CrisisKind,
  type Emotion,
  type FormBData,
  type InterviewListItem,
  type InterviewState,
  type OutputLang,
  type RiskLevel,
  type StageId,
  type TextField,
  type WorkForm,
  type InterviewLocation,
  NO_EVENTS,
  CRISIS_KINDS,
  crisisActive,
  followUpWindow,
  isHighRisk,
  type CrisisState,
  type FormAProposal,
  type InterviewCorrection,
  type ProposalItem,
  type UnfinishedInterview
} from '@shared/domain/interview'
import { suggestedLevel, type CueKind } from '@shared/domain/interview/risk-cues'
import { translator } from '@shared/i18n/resources'
import { withinCodePoints } from '@shared/text/characters'
import type { Desk } from '../desk/desk'
import { getSetting } from '../settings/settings'
import { caseLink } from './case-link'
import { raiseNotice } from '../notices/service'
import { formALanguageFor, interviewPeople } from './people'
import { cannotReadForms, partyKindForHeadcount } from '@shared/domain/interview/people'
import { caseAccess } from '@shared/domain/case/confidential'
import { caseConfidential, cases, interviewChecks, interviewCorrections, interviewEmotions, interviewEvents, interviewStageTimes, interviews, notices, signoffs, users } from '../db/schema'
import { pick } from '../cases/columns'
import * as queries from './queries'

/** A row of `interviews` as drizzle's schema types it. */
type Row = typeof interviews.$inferSelect
type Revisions = Partial<Record<TextField, number>>

const nowIso = (desk: Desk) => desk.now().toISOString()
const orm = (desk: Desk) => desk.db().orm

// The JSON columns of `interviews` are text in the schema (migration 0003): read here, in one place.
const revisionsOf = (r: Pick<Row, 'revisions'>): Revisions => JSON.parse(r.revisions) as Revisions
const ruleDatesOf = (r: Pick<Row, 'ruleDates'>): Record<string, string> => JSON.parse(r.ruleDates) as Record<string, string>
const needsOf = (r: Pick<Row, 'acceptedNeeds'>): string[] => JSON.parse(r.acceptedNeeds) as string[]

function row(desk: Desk, id: number): Row {
  return orm(desk).select().from(interviews).where(eq(interviews.id, id)).get() ?? fail('NOT_FOUND', 'interview:errors.notFound')
}

/**
 * An ended contact is a finished record (Form B): every write to it is refused here, whatever the
 * screen shows. Correcting it is a separate, deliberate action (`correctInterview`).
 */
function requireOpen(r: { endedAt: string | null }): void {
  if (r.endedAt) fail('CONFLICT', 'interview:errors.ended')
}

/** 工作次数: this interview's place among its case's contacts, in start order. */
export function workCount(desk: Desk, interviewId: number): number {
  return queries.workCount(orm(desk), interviewId)
}

function workerName(desk: Desk, id: number | null): string {
  if (id == null) return ''
  return orm(desk).select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? ''
}

function event(desk: Desk, interviewId: number, kind: string, detail = ''): string {
  const at = nowIso(desk)
  orm(desk).insert(interviewEvents).values({ interviewId, kind, detail, at }).run()
  return at
}

/** The stage the contact is in ends now (a new stage, or the end of the contact). */
function closeStageClock(desk: Desk, interviewId: number, at: string): void {
  orm(desk)
    .update(interviewStageTimes)
    .set({ leftAt: at })
    .where(and(eq(interviewStageTimes.interviewId, interviewId), isNull(interviewStageTimes.leftAt)))
    .run()
}

function touch(desk: Desk, id: number): void {
  orm(desk).update(interviews).set({ updatedAt: nowIso(desk) }).where(eq(interviews.id, id)).run()
}

/** Start an interview for an existing case, or for a new walk-in (the case is created from it). */
export function startInterview(
  desk: Desk,
  input: { caseId?: number; outputLang?: OutputLang; petitionerName?: string; workForm?: WorkForm; headcount?: number }
): InterviewState {
  const session = desk.requireSession()
  const { sqlite, orm: db } = desk.db()
  const id = sqlite.transaction(() => {
    let caseId = input.caseId
    let lang = input.outputLang
    let ruleDates: Record<string, string> = {}
    let route = 'unknown'
    if (caseId == null) {
      const name = input.petitionerName?.trim() || translator(session.locale, 'interview')('start.unnamed')
      // A group counted at the door: 5 or more is a collective visit from the first minute.
      const headcount = input.headcount ?? null
      caseId = caseLink.createCase(desk, { name, headcount, partyKind: partyKindForHeadcount('person', headcount) }).id
    } else {
      const c = caseLink.caseSummary(desk, caseId)
      if (!c) fail('NOT_FOUND', 'interview:errors.caseNotFound')
      // The first language recorded on the case that the desk can speak (广东话 → 粵語 lines).
      if (!lang) lang = c!.languages.speakable ?? 'zh-CN'
      if (!input.petitionerName) input = { ...input, petitionerName: c!.name }
      ruleDates = c!.ruleDates
      route = c!.inPetitionProcedure ? 'petition' : 'unknown'
    }
    const at = nowIso(desk)
    const { id: iv } = db
      .insert(interviews)
      .values({
        caseId,
        workerId: session.userId,
        outputLang: lang ?? 'zh-CN',
        workForm: input.workForm ?? 'faceToFace',
        startedAt: at,
        petitionerName: input.petitionerName ?? '',
        subject: input.petitionerName ?? '',
        ruleDates: JSON.stringify(ruleDates),
        route,
        createdAt: at,
        updatedAt: at
      })
      .returning({ id: interviews.id })
      .get()
    db.insert(interviewStageTimes).values({ interviewId: iv, stage: 'rapport', enteredAt: at }).run()
    desk.audit({ action: 'interview.started', subjectType: 'case', subjectId: caseId, details: { interviewId: iv, newCase: input.caseId == null } })
    return iv
  })()
  return getInterview(desk, id)
}

export function getInterview(desk: Desk, id: number): InterviewState {
  const r = row(desk, id)
  const db = orm(desk)
  const c = caseLink.caseSummary(desk, r.caseId)
  const texts: Record<TextField, string> = pick(r, TEXT_FIELDS)
  const revs = revisionsOf(r)
  return {
    id: r.id,
    caseId: r.caseId,
    caseNo: c?.caseNo ?? '',
    workerId: r.workerId,
    workerName: workerName(desk, r.workerId),
    outputLang: r.outputLang,
    workForm: r.workForm,
    location: r.location,
    matterType: r.matterType,
    route: r.route,
    stage: r.stage,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    followUpDate: r.followUpDate,
    followUpMidDate: r.followUpMidDate,
    acceptedNeeds: needsOf(r),
    ruleDates: ruleDatesOf(r),
    workCount: workCount(desk, id),
    texts,
    revisions: Object.fromEntries(TEXT_FIELDS.map((f) => [f, revs[f] ?? 0])) as Record<TextField, number>,
    stages: db
      .select({ stage: interviewStageTimes.stage, enteredAt: interviewStageTimes.enteredAt, leftAt: interviewStageTimes.leftAt })
      .from(interviewStageTimes)
      .where(eq(interviewStageTimes.interviewId, id))
      .orderBy(asc(interviewStageTimes.id))
      .all()
      // The schema keeps a stage time's stage as plain text; only StageIds are ever written (setStage).
      .map((x) => ({ ...x, stage: x.stage as StageId })),
    emotions: db
      .select({ level: interviewEmotions.level, at: interviewEmotions.at })
      .from(interviewEmotions)
      .where(eq(interviewEmotions.interviewId, id))
      .orderBy(asc(interviewEmotions.id))
      .all(),
    checks: db
      .select({ checkId: interviewChecks.checkId, checked: interviewChecks.checked, at: interviewChecks.at })
      .from(interviewChecks)
      .where(eq(interviewChecks.interviewId, id))
      .all(),
    events: db
      .select({ kind: interviewEvents.kind, detail: interviewEvents.detail, at: interviewEvents.at })
      .from(interviewEvents)
      .where(eq(interviewEvents.interviewId, id))
      .orderBy(asc(interviewEvents.id))
      .all(),
    riskLevel: c?.riskLevel ?? 'none',
    crisis: caseCrisis(desk, r.caseId),
    caseRoute: c?.route ?? { diversion: null, inPetitionProcedure: false, contactDate: '', collective: false, events: NO_EVENTS },
    corrections: corrections(desk, id),
    people: interviewPeople(desk, id, r.caseId)
  }
}

function corrections(desk: Desk, interviewId: number): InterviewCorrection[] {
  return orm(desk)
    .select({
      id: interviewCorrections.id,
      changedFields: interviewCorrections.changedFields,
      before: interviewCorrections.before,
      reason: interviewCorrections.reason,
      afterSignoff: interviewCorrections.afterSignoff,
      at: interviewCorrections.at,
      byName: users.displayName
    })
    .from(interviewCorrections)
    .leftJoin(users, eq(users.id, interviewCorrections.by))
    .where(eq(interviewCorrections.interviewId, interviewId))
    .orderBy(asc(interviewCorrections.id))
    .all()
    .map((k) => ({
      ...k,
      // JSON text in the schema (migration 0007), written only by correctInterview.
      changedFields: JSON.parse(k.changedFields) as TextField[],
      before: JSON.parse(k.before) as Partial<Record<TextField, string>>,
      byName: k.byName ?? ''
    }))
}

// Audit an edit at most once per field and interview per 10 minutes: the chain records that the
// record changed and when, without one event per keystroke batch.
const lastEditAudit = new Map<string, number>()
const EDIT_AUDIT_MS = 10 * 60_000

export interface FieldChange {
  field: TextField
  value: string
  revision: number
}

/**
 * Autosave: each change carries the client's revision for that field; a change whose revision is
 * not newer than the stored one is ignored (a late, out-of-order save never overwrites newer text).
 */
export function saveFields(desk: Desk, input: { interviewId: number; changes: FieldChange[] }): { revisions: Partial<Record<TextField, number>>; savedAt: string } {
  const { sqlite, orm: db } = desk.db()
  const at = nowIso(desk)
  const result: Revisions = {}
  const applied: TextField[] = []
  let caseId = 0
  sqlite.transaction(() => {
    const r =
      db
        .select({ caseId: interviews.caseId, revisions: interviews.revisions, endedAt: interviews.endedAt })
        .from(interviews)
        .where(eq(interviews.id, input.interviewId))
        .get() ?? fail('NOT_FOUND', 'interview:errors.notFound')
    requireOpen(r)
    caseId = r.caseId
    const revs = revisionsOf(r)
    const texts: Partial<Record<TextField, string>> = {}
    for (const c of input.changes) {
      if (!withinCodePoints(c.value, FIELD_MAX[c.field])) fail('BAD_ARGS', 'errors:arg.tooLong', undefined, c.field)
      const cur = revs[c.field] ?? 0
      if (c.revision <= cur) {
        result[c.field] = cur
        continue
      }
      texts[c.field] = c.value
      revs[c.field] = c.revision
      result[c.field] = c.revision
      applied.push(c.field)
    }
    if (applied.length)
      db.update(interviews)
        .set({ ...texts, revisions: JSON.stringify(revs), updatedAt: at })
        .where(eq(interviews.id, input.interviewId))
        .run()
  })()
  const t = desk.now().getTime()
  const due = applied.filter((f) => t - (lastEditAudit.get(`${input.interviewId}:${f}`) ?? 0) > EDIT_AUDIT_MS)
  if (due.length) {
    due.forEach((f) => lastEditAudit.set(`${input.interviewId}:${f}`, t))
    desk.audit({ action: 'interview.edited', subjectType: 'case', subjectId: caseId, details: { interviewId: input.interviewId, fields: due } })
  }
  return { revisions: result, savedAt: at }
}

export function setStage(desk: Desk, input: { interviewId: number; stage: StageId }): { at: string } {
  const { sqlite, orm: db } = desk.db()
  const at = nowIso(desk)
  sqlite.transaction(() => {
    const r = row(desk, input.interviewId)
    requireOpen(r)
    if (r.stage === input.stage) return
    closeStageClock(desk, input.interviewId, at)
    db.insert(interviewStageTimes).values({ interviewId: input.interviewId, stage: input.stage, enteredAt: at }).run()
    db.update(interviews).set({ stage: input.stage, updatedAt: at }).where(eq(interviews.id, input.interviewId)).run()
  })()
  return { at }
}

export function recordEmotion(desk: Desk, input: { interviewId: number; level: Emotion }): { at: string } {
  requireOpen(row(desk, input.interviewId))
  const at = nowIso(desk)
  orm(desk).insert(interviewEmotions).values({ interviewId: input.interviewId, level: input.level, at }).run()
  touch(desk, input.interviewId)
  return { at }
}

export function setCheck(desk: Desk, input: { interviewId: number; checkId: string; checked: boolean }): { at: string } {
  if (!ALL_CHECKS.includes(input.checkId)) fail('BAD_ARGS', 'interview:errors.unknownCheck')
  requireOpen(row(desk, input.interviewId))
  const at = nowIso(desk)
  orm(desk)
    .insert(interviewChecks)
    .values({ interviewId: input.interviewId, checkId: input.checkId, checked: input.checked, at })
    .onConflictDoUpdate({ target: [interviewChecks.interviewId, interviewChecks.checkId], set: { checked: input.checked, at } })
    .run()
  touch(desk, input.interviewId)
  return { at }
}

export interface MetaPatch {
  outputLang?: OutputLang
  workForm?: WorkForm
  location?: InterviewLocation
  matterType?: string
  route?: string
  acceptedNeeds?: string[]
  ruleDates?: Record<string, string>
}

export function setMeta(desk: Desk, input: { interviewId: number; patch: MetaPatch }): { at: string } {
  const r = row(desk, input.interviewId)
  requireOpen(r)
  const p = input.patch
  const at = nowIso(desk)
  const set: Partial<typeof interviews.$inferInsert> = {}
  if (p.outputLang) set.outputLang = p.outputLang
  if (p.workForm) set.workForm = p.workForm
  if (p.location) set.location = p.location
  if (p.matterType !== undefined) set.matterType = p.matterType
  if (p.route !== undefined) set.route = p.route
  if (p.acceptedNeeds) {
    if (p.acceptedNeeds.some((n) => !ALL_NEEDS.includes(n))) fail('BAD_ARGS', 'errors:arg.invalid', undefined, 'acceptedNeeds')
    set.acceptedNeeds = JSON.stringify([...new Set(p.acceptedNeeds)])
  }
  if (p.ruleDates) {
    for (const [k, d] of Object.entries(p.ruleDates)) {
      if (!RULES.some((r) => r.id === k)) fail('BAD_ARGS', 'errors:arg.invalid', undefined, 'ruleDates')
      if (!isValidIsoDate(d)) fail('BAD_ARGS', 'errors:arg.badDate')
    }
    // 受理 / 答复 / 复查 dates record what has happened: none later than today.
    const future = pastDateProblems(p.ruleDates, isoDateAtOffset(desk.now()), 'ruleDates')[0]
    if (future) fail('BAD_ARGS', future.messageKey, undefined, future.field)
    set.ruleDates = JSON.stringify({ ...ruleDatesOf(r), ...p.ruleDates })
  }
  if (!Object.keys(set).length) return { at }
  desk.db().sqlite.transaction(() => {
    orm(desk).update(interviews).set({ ...set, updatedAt: at }).where(eq(interviews.id, input.interviewId)).run()
    // A recorded start date (written answer received, act known…) is the case's: Today shows it too.
    for (const [k, d] of Object.entries(p.ruleDates ?? {})) caseLink.recordRuleDate(desk, r.caseId, k, d)
  })()
  if (p.outputLang && p.outputLang !== r.outputLang) event(desk, input.interviewId, 'outputLang', p.outputLang)
  return { at }
}

/** A time-stamped happening (pause started, read-back opened, handout printed). */
export function logEvent(desk: Desk, input: { interviewId: number; kind: 'pause' | 'readBack' | 'handout' | 'readAloud'; detail?: string }): { at: string } {
  const r = row(desk, input.interviewId)
  // After the end only what is handed over or read back from the finished record happens.
  if (input.kind !== 'handout' && input.kind !== 'readBack') requireOpen(r)
  return { at: event(desk, input.interviewId, input.kind, input.detail ?? '') }
}

/**
 * The crisis protocol. Opening it (on screen) changes nothing: this is called only when the worker
 * acts. Without a step it CONFIRMS the risk: sets the case's risk level, puts the case in crisis mode
 * and tells the supervisors at once (an in-app notice, pushed live to an open session and kept until
 * acknowledged); each step taken is time-stamped into the case as a special-flow action. From the
 * case page or Today there is no interview: `caseId` instead of `interviewId`.
 */
export function crisis(
  desk: Desk,
  input: { interviewId?: number; caseId?: number; kind: CrisisKind; step?: string; riskLevel?: RiskLevel }
): { at: string; riskLevel: RiskLevel | null } {
  const r = input.interviewId != null ? row(desk, input.interviewId) : null
  const caseId = r?.caseId ?? input.caseId
  if (caseId == null) fail('BAD_ARGS', 'errors:arg.invalid', undefined, 'caseId')
  if (!r && !caseLink.caseSummary(desk, caseId!)) fail('NOT_FOUND', 'interview:errors.caseNotFound')
  // A crisis raised from an ended contact is raised on its case, not written into the finished record.
  if (r) requireOpen(r)
  const flow = CRISIS_FLOW[input.kind]
  let at = desk.now().toISOString()
  let level: RiskLevel | null = null
  desk.db().sqlite.transaction(() => {
    if (!input.step) {
      level = input.riskLevel ?? CRISIS_DEFAULT_RISK[input.kind]
      if (r) at = event(desk, r.id, 'crisis.open', `${input.kind}:${level}`)
      caseLink.setRiskLevel(desk, caseId!, level, `crisis.${input.kind}`)
      caseLink.recordFlowAction(desk, { caseId: caseId!, flow: flow.flow, step: flow.flow === 'crisis' ? 'gradedWarning' : 'calm' })
      desk.audit({ action: 'interview.crisis', subjectType: 'case', subjectId: caseId!, details: { interviewId: r?.id ?? null, kind: input.kind, level } })
    } else {
      if (!CRISIS_STEPS[input.kind].includes(input.step)) fail('BAD_ARGS', 'interview:errors.unknownStep')
      if (r) at = event(desk, r.id, 'crisis.step', `${input.kind}:${input.step}`)
      if (input.riskLevel) {
        level = input.riskLevel
        caseLink.setRiskLevel(desk, caseId!, level, `crisis.${input.kind}`)
      }
      caseLink.recordFlowAction(desk, { caseId: caseId!, flow: flow.flow, step: flow.step[input.step] })
    }
    // Kept in the database until a supervisor acknowledges it: the supervisor may log in later.
    if (!input.step || input.step === 'notifySupervisor') raiseNotice(desk, { kind: `crisis.${input.kind}`, caseId: caseId!, interviewId: r?.id ?? null })
  })()
  return { at, riskLevel: level }
}

const RISK_ORDER: readonly RiskLevel[] = ['none', 'low', 'medium', 'high', 'critical']

/**
 * The worker's answer to a risk cue (risk-cues.ts). The app never raises the level by itself: on
 * 'raise' the case goes to the level the cue suggests (never lowered by it); either way the
 * suggestion and the answer are in the audit trail, without the words that triggered it.
 */
export function answerRiskCue(desk: Desk, input: { interviewId: number; kind: CueKind; answer: 'raise' | 'dismiss' }): { riskLevel: RiskLevel } {
  const r = row(desk, input.interviewId)
  const suggested = suggestedLevel(input.kind)
  let level = caseLink.caseSummary(desk, r.caseId)?.riskLevel ?? 'none'
  desk.db().sqlite.transaction(() => {
    if (input.answer === 'raise' && RISK_ORDER.indexOf(level) < RISK_ORDER.indexOf(suggested)) {
      caseLink.setRiskLevel(desk, r.caseId, suggested, `riskCue.${input.kind}`)
      level = suggested
    }
    desk.audit({ action: 'interview.riskCue', subjectType: 'case', subjectId: r.caseId, details: { interviewId: r.id, cue: input.kind, suggested, answer: input.answer } })
  })()
  return { riskLevel: level }
}

/** The case's crisis mode: the last confirmed crisis while its risk level stays high or critical. */
export function caseCrisis(desk: Desk, caseId: number): CrisisState | null {
  const c = caseLink.caseSummary(desk, caseId)
  if (!c) return null
  const last = orm(desk)
    .select({ kind: notices.kind, at: notices.raisedAt })
    .from(notices)
    .where(and(eq(notices.caseId, caseId), like(notices.kind, 'crisis.%')))
    .orderBy(desc(notices.id))
    .limit(1)
    .get()
  const kind = last?.kind.slice('crisis.'.length) as CrisisKind | undefined
  return crisisActive(last && kind && (CRISIS_KINDS as readonly string[]).includes(kind) ? { kind, since: last.at } : null, c.riskLevel)
}

/** Follow-ups: short term 3–7 days after the interview (default 3), mid term 1–3 months. */
export function scheduleFollowUps(desk: Desk, input: { interviewId: number; shortDate: string; midDate?: string | null }): { followUpDate: string; followUpMidDate: string | null } {
  const r = row(desk, input.interviewId)
  requireOpen(r)
  const day = isoDateAtOffset(new Date(r.startedAt))
  // 3–7 days; for a high or critical case also today or tomorrow (a next contact within 24 hours).
  const risk = caseLink.caseSummary(desk, r.caseId)?.riskLevel ?? 'none'
  if (!isWithin(input.shortDate, followUpWindow(day, risk))) fail('BAD_ARGS', isHighRisk(risk) ? 'interview:errors.crisisFollowUpRange' : 'interview:errors.shortFollowUpRange', undefined, 'shortDate')
  if (input.midDate && !isWithin(input.midDate, midFollowUpRange(day))) fail('BAD_ARGS', 'interview:errors.midFollowUpRange', undefined, 'midDate')
  desk.db().sqlite.transaction(() => {
    orm(desk)
      .update(interviews)
      .set({ followUpDate: input.shortDate, followUpMidDate: input.midDate ?? null, updatedAt: nowIso(desk) })
      .where(eq(interviews.id, r.id))
      .run()
    if (input.shortDate !== r.followUpDate)
      caseLink.scheduleFollowUp(desk, { caseId: r.caseId, dueDate: input.shortDate, kind: 'short', interviewId: r.id })
    if (input.midDate && input.midDate !== r.followUpMidDate)
      caseLink.scheduleFollowUp(desk, { caseId: r.caseId, dueDate: input.midDate, kind: 'mid', interviewId: r.id })
    event(desk, r.id, 'followUp', `${input.shortDate}${input.midDate ? ` ${input.midDate}` : ''}`)
  })()
  return { followUpDate: input.shortDate, followUpMidDate: input.midDate ?? null }
}

/**
 * End the interview: close the stage clock. Nothing is written into Form A here: what the contact
 * suggests for it is a proposal (`formAProposal`) the worker accepts, edits or declines. Ending an
 * ended contact changes nothing.
 */
export function finishInterview(desk: Desk, input: { interviewId: number }): InterviewState {
  const r = row(desk, input.interviewId)
  if (r.endedAt) return getInterview(desk, r.id)
  const at = nowIso(desk)
  desk.db().sqlite.transaction(() => {
    closeStageClock(desk, r.id, at)
    orm(desk)
      .update(interviews)
      .set({ endedAt: at, updatedAt: at })
      .where(and(eq(interviews.id, r.id), isNull(interviews.endedAt)))
      .run()
    desk.audit({ action: 'interview.finished', subjectType: 'case', subjectId: r.caseId, details: { interviewId: r.id } })
  })()
  return getInterview(desk, r.id)
}

/** The worker's answer to a contact's Form A proposal, kept as an event of that contact. */
function proposalDecision(desk: Desk, interviewId: number): FormAProposal['decided'] {
  const e = orm(desk)
    .select({ detail: interviewEvents.detail })
    .from(interviewEvents)
    .where(and(eq(interviewEvents.interviewId, interviewId), eq(interviewEvents.kind, 'proposal')))
    .orderBy(desc(interviewEvents.id))
    .limit(1)
    .get()
  return e ? (e.detail.startsWith('accepted') ? 'accepted' : 'declined') : null
}

/**
 * What an ended contact suggests for Form A (信访诉求及要求, 诉求概况, 信访经历, 人格特征描述, 语言,
 * 问题/需要): only for fields the case has nothing in yet, and needs it does not have yet.
 */
export function formAProposal(desk: Desk, input: { interviewId: number }): FormAProposal {
  const r = row(desk, input.interviewId)
  const decided = proposalDecision(desk, r.id)
  const items =
    r.endedAt && !decided
      ? caseLink.proposeFormA(desk, r.caseId, {
          demands: r.surfaceDemand,
          experience: r.experience,
          personality: r.personality,
          // The language recorded at Stage 1 (客家话 stays 客家话); else the lines' language.
          language: formALanguageFor(desk, r.id) ?? (r.outputLang === 'yue-HK' ? 'cantonese' : 'putonghua'),
          needs: needsOf(r),
          crisis: !!orm(desk)
            .select({ id: interviewEvents.id })
            .from(interviewEvents)
            .where(and(eq(interviewEvents.interviewId, r.id), eq(interviewEvents.kind, 'crisis.open')))
            .limit(1)
            .get()
        })
      : []
  return { interviewId: r.id, workCount: workCount(desk, r.id), items, decided }
}

/**
 * The worker accepts the proposal (the items as they stand on screen, possibly edited, possibly
 * fewer) or declines it. Accepted items go into Form A through the cases service with their source
 * (history: "accepted from 第N次 contact"); a field someone filled meanwhile is never overwritten.
 */
export function decideFormAProposal(
  desk: Desk,
  input: { interviewId: number; decision: 'accept' | 'decline'; items?: ProposalItem[] }
): FormAProposal {
  const r = row(desk, input.interviewId)
  if (!r.endedAt) fail('CONFLICT', 'interview:errors.proposalNotEnded')
  if (proposalDecision(desk, r.id)) fail('CONFLICT', 'interview:errors.proposalDecided')
  desk.db().sqlite.transaction(() => {
    const items = input.decision === 'accept' ? (input.items ?? []) : []
    if (items.length) caseLink.acceptFormA(desk, r.caseId, items, r.id)
    event(desk, r.id, 'proposal', input.decision === 'accept' ? `accepted:${items.map((i) => i.field).join(',')}` : 'declined')
    desk.audit({
      action: input.decision === 'accept' ? 'interview.proposal.accepted' : 'interview.proposal.declined',
      subjectType: 'case',
      subjectId: r.caseId,
      details: { interviewId: r.id, fields: items.map((i) => i.field) }
    })
  })()
  return formAProposal(desk, { interviewId: r.id })
}

/**
 * Correct an ended contact: a deliberate action with a reason. The earlier text of each changed
 * field is kept (interview_corrections); the audit event names who (its actor), the fields and the
 * correction it belongs to (the reason itself stays in the record, never in the audit chain); a
 * Form B that was signed off prints that it was changed after sign-off.
 */
export function correctInterview(
  desk: Desk,
  input: { interviewId: number; reason: string; changes: { field: TextField; value: string }[] }
): InterviewState {
  const { sqlite, orm: db } = desk.db()
  const r = row(desk, input.interviewId)
  if (!r.endedAt) fail('CONFLICT', 'interview:errors.correctOpen')
  const reason = input.reason.trim()
  if (!reason) fail('BAD_ARGS', 'interview:errors.correctionReason', undefined, 'reason')
  const changed: TextField[] = []
  const before: Partial<Record<TextField, string>> = {}
  for (const c of input.changes) {
    if (!withinCodePoints(c.value, FIELD_MAX[c.field])) fail('BAD_ARGS', 'errors:arg.tooLong', undefined, c.field)
    const cur = r[c.field]
    if (cur === c.value || changed.includes(c.field)) continue
    changed.push(c.field)
    before[c.field] = cur
  }
  if (!changed.length) fail('BAD_ARGS', 'interview:errors.correctionNothing', undefined, 'changes')
  const at = nowIso(desk)
  sqlite.transaction(() => {
    const signed = !!db
      .select({ id: signoffs.id })
      .from(signoffs)
      .where(and(eq(signoffs.kind, 'B'), eq(signoffs.subjectId, r.id)))
      .get()
    const k = db
      .insert(interviewCorrections)
      .values({
        interviewId: r.id,
        changedFields: JSON.stringify(changed),
        before: JSON.stringify(before),
        reason,
        afterSignoff: signed,
        at,
        by: desk.session?.userId ?? null
      })
      .returning({ id: interviewCorrections.id })
      .get()
    // Each corrected field moves one revision on, so a late autosave from an old screen is ignored.
    const revs = revisionsOf(r)
    const texts: Partial<Record<TextField, string>> = {}
    for (const f of changed) {
      texts[f] = input.changes.find((c) => c.field === f)!.value
      revs[f] = (revs[f] ?? 0) + 1
    }
    db.update(interviews)
      .set({ ...texts, revisions: JSON.stringify(revs), updatedAt: at })
      .where(eq(interviews.id, r.id))
      .run()
    desk.audit({
      action: 'interview.corrected',
      subjectType: 'case',
      subjectId: r.caseId,
      details: { interviewId: r.id, correctionId: k.id, fields: changed, afterSignoff: signed }
    })
  })()
  return getInterview(desk, r.id)
}

/** The columns of a line in a list of contacts (InterviewListItem without its 工作次数). */
const listColumns = {
  id: interviews.id,
  caseId: interviews.caseId,
  startedAt: interviews.startedAt,
  endedAt: interviews.endedAt,
  workForm: interviews.workForm,
  outputLang: interviews.outputLang,
  purpose: interviews.purpose
}

/**
 * Contacts this worker started and did not end (after a restart, 会谈 offers to resume them). A
 * confidential case's line follows the case list's rule (cases/confidential.ts): whoever may not
 * open the case sees its number only — no name and no purpose typed for the contact — even for a
 * contact they started (the case may since have gone to another worker, or their reason has lapsed).
 */
export function unfinishedInterviews(desk: Desk): UnfinishedInterview[] {
  const s = desk.requireSession()
  const viewer = { userId: s.userId, role: s.role }
  return orm(desk)
    .select({
      ...listColumns,
      caseNo: cases.caseNo,
      name: cases.name,
      assignedWorkerId: cases.assignedWorkerId,
      confidentialSince: caseConfidential.since
    })
    .from(interviews)
    .innerJoin(cases, eq(cases.id, interviews.caseId))
    .leftJoin(caseConfidential, eq(caseConfidential.caseId, interviews.caseId))
    .where(and(eq(interviews.workerId, s.userId), isNull(interviews.endedAt)))
    .orderBy(desc(interviews.startedAt), desc(interviews.id))
    .limit(20)
    .all()
    .map(({ assignedWorkerId, confidentialSince, ...x }) => {
      const line = { ...x, workCount: workCount(desk, x.id) }
      const access = caseAccess(viewer, { confidential: confidentialSince != null, assignedWorkerId }, 'list')
      return access === 'open' ? line : { ...line, name: '', purpose: '', masked: true }
    })
}

export function listInterviews(desk: Desk, caseId: number): InterviewListItem[] {
  return orm(desk)
    .select(listColumns)
    .from(interviews)
    .where(eq(interviews.caseId, caseId))
    .orderBy(asc(interviews.startedAt), asc(interviews.id))
    .all()
    .map((x, i) => ({ ...x, workCount: i + 1 }))
}

const hhmm = (iso: string) => {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000)
  return `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}

/**
 * 会谈记录: the guide's notes, then what was captured in structure (5W1H, demand, needs). The words the
 * app adds (何时, 表面诉求 …) are in `lang` (a printed Form B: the print language; default the
 * interview's language); what was typed is kept as typed.
 */
export function composeRecord(s: InterviewState, lang: OutputLang = s.outputLang): string {
  const t = translator(lang, 'interview')
  const lines: string[] = []
  if (s.texts.notes.trim()) lines.push(s.texts.notes.trim())
  const structured: string[] = []
  for (const f of ['wWhen', 'wWhere', 'wWho', 'wWhat', 'wWhy', 'wHow'] as const) {
    if (s.texts[f].trim()) structured.push(`${t(`fields.${f}`)}：${s.texts[f].trim()}`)
  }
  if (s.texts.surfaceDemand.trim()) structured.push(`${t('fields.surfaceDemand')}：${s.texts.surfaceDemand.trim()}`)
  // Form B is a written record: the needs are named with the form register's labels.
  const needs = [...s.acceptedNeeds.map((n) => `deeperNeeds.${n}`).filter((k) => isKeyIn('interview', k)).map((k) => t(k)), s.texts.deeperNeeds.trim()].filter(Boolean)
  if (needs.length) structured.push(`${t('fields.deeperNeeds')}：${needs.join('；')}`)
  if (structured.length) lines.push(structured.join('\n'))
  return lines.join('\n\n')
}

/** Form B's data; the text the app writes (本人, 约定短期回访日期 …, the record's headings) is in `lang`. */
export function getFormB(desk: Desk, interviewId: number, lang?: OutputLang): FormBData {
  const s = getInterview(desk, interviewId)
  const t = translator(lang ?? s.outputLang, 'interview')
  const plan = [s.texts.followUpPlan.trim()]
  if (s.followUpDate) plan.push(t('formB.followUpOn', { date: s.followUpDate }))
  if (s.followUpMidDate) plan.push(t('formB.midFollowUpOn', { date: s.followUpMidDate }))
  return {
    interviewId: s.id,
    caseId: s.caseId,
    caseNo: s.caseNo,
    subject: s.texts.subject || s.texts.petitionerName,
    contact: s.texts.contact,
    relation: s.texts.relation || t('formB.self'),
    location: s.location,
    locationText: s.texts.locationText,
    date: isoDateAtOffset(new Date(s.startedAt)),
    time: `${hhmm(s.startedAt)}–${s.endedAt ? hhmm(s.endedAt) : ''}`,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    workCount: s.workCount,
    purpose: s.texts.purpose,
    workForm: s.workForm,
    workFormText: s.texts.workFormText,
    record: composeRecord(s, lang ?? s.outputLang),
    assessment: s.texts.assessment,
    followUpPlan: plan.filter(Boolean).join('\n'),
    followUpDate: s.followUpDate,
    followUpMidDate: s.followUpMidDate,
    workerName: s.workerName,
    outputLang: s.outputLang,
    changedAfterSignoff: s.corrections.filter((k) => k.afterSignoff).map((k) => ({ at: k.at, byName: k.byName, reason: k.reason, fields: k.changedFields })),
    petitioner: formBPetitioner(s)
  }
}

/** Form B's confirmation row: read aloud (and 代签/按手印) for someone who cannot read; who interpreted. */
function formBPetitioner(s: InterviewState): FormBData['petitioner'] {
  const l = s.people.language
  const interpreter = l?.interpreterName ? { name: l.interpreterName, relation: l.interpreterRelation ?? '', language: l.interpreterLanguage || l.spokenText || l.spoken } : null
  const readAloud = cannotReadForms(s.people.education)
  return readAloud || interpreter ? { readAloud, interpreter } : undefined
}

/** What the closing and the handout need from settings: the organisation, never a personal number. */
export function contacts(desk: Desk): { orgName: string; orgPhone: string; orgAddress: string; dutyPhone: string; siteContacts: { label: string; phone: string }[] } {
  return {
    orgName: getSetting<string>(desk, 'orgName'),
    orgPhone: getSetting<string>(desk, 'orgPhone'),
    orgAddress: getSetting<string>(desk, 'orgAddress'),
    dutyPhone: getSetting<string>(desk, 'dutyPhone'),
    siteContacts: getSetting<{ label: string; phone: string }[]>(desk, 'siteContacts') ?? []
  }
}
