import { z } from 'zod'
import { call } from '../define'
import { empty, id, locale, longText, requiredText, shortText } from '../schemas'
import { PDF_ACTIONS, type PdfDelivery } from './forms'
import {
  CASE_STATUSES,
  CONSENT_KINDS,
  CONSENT_METHODS,
  FLOWS,
  FOLLOW_UP_KINDS,
  PARTY_KINDS,
  REPEAT_MARKS,
  RESOURCE_KINDS,
  RESOURCE_RESULTS,
  RISK_LEVELS
} from '../../domain/case/options'
import { closingInput, createCaseInput, phoneText, updateCaseInput } from '../../domain/case/schemas'
import { DIVERSION_ROUTES, SCREENING_ITEMS } from '../../domain/screening/rules'
import { isoDate } from '../schemas'
import type { CaseRecord, CaseSummary, CaseVersion, CaseloadRow, FlowAction, FollowUp, RepeatCandidate, UserRef } from '../../domain/case/types'
import type { TodayData } from '../../domain/case/today'

const caseId = () => id()
const reason = () => requiredText(2_000)

/** Calls of the cases feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const casesCalls = {
  /** Register a walk-in (person, organisation or collective visit) — 7.1.1 and Form A. */
  'cases.create': call(createCaseInput, 'worker').returns<CaseRecord>(),
  'cases.get': call(z.object({ id: caseId() }), 'worker').returns<CaseRecord>(),
  /** Changed fields only; the previous values are kept as a version. */
  'cases.update': call(z.object({ id: caseId(), patch: updateCaseInput }), 'worker').returns<CaseRecord>(),
  'cases.history': call(z.object({ id: caseId() }), 'worker').returns<CaseVersion[]>(),
  'cases.list': call(
    z.object({
      mine: z.boolean().optional(),
      workerId: id().optional(),
      status: z.union([z.enum(['open', 'closed']), z.enum(CASE_STATUSES)]).optional(),
      minRisk: z.enum(RISK_LEVELS).optional(),
      order: z.enum(['caseNo', 'recent']).optional(),
      limit: z.number().int().min(1).max(1_000).optional(),
      offset: z.number().int().min(0).optional()
    }),
    'worker'
  ).returns<CaseSummary[]>(),
  /** Results as you type: 2+ characters of a name, phone digits, address or matter. */
  'cases.search': call(z.object({ query: shortText(200), limit: z.number().int().min(1).max(200).optional() }), 'worker').returns<
    CaseSummary[]
  >(),
  /** While registering: earlier cases that may be the same petitioner. Marks nothing. */
  'cases.findRepeats': call(
    z.object({
      name: shortText().optional(),
      contactPerson: shortText().optional(),
      phone: shortText(60).optional(),
      address: shortText(500).optional(),
      partyKind: z.enum(PARTY_KINDS).optional(),
      representatives: z.array(z.object({ name: shortText(), phone: shortText(60).optional() })).max(5).optional(),
      excludeCaseId: id().optional()
    }),
    'worker'
  ).returns<RepeatCandidate[]>(),
  /** The worker's explicit 重复上访 decision. */
  'cases.markRepeat': call(
    z.object({ id: caseId(), mark: z.enum(REPEAT_MARKS), ofCaseIds: z.array(id()).max(50).optional(), note: shortText(500).optional() }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.setStatus': call(z.object({ id: caseId(), status: z.enum(CASE_STATUSES) }), 'worker').returns<CaseRecord>(),
  'cases.setRisk': call(z.object({ id: caseId(), level: z.enum(RISK_LEVELS), reason: reason() }), 'worker').returns<CaseRecord>(),
  'cases.assign': call(z.object({ id: caseId(), workerId: id() }), 'supervisor').returns<CaseRecord>(),
  /** Form A 服务立案 (是否接案 / 委派予 / 说明), decided by the supervisor. */
  'cases.intake': call(
    z.object({ id: caseId(), accepted: z.boolean(), assignedWorkerId: id().optional(), note: shortText(2_000).optional() }),
    'supervisor'
  ).returns<CaseRecord>(),
  /** People who can be assigned a case (any active account). */
  'cases.workers': call(empty(), 'worker').returns<UserRef[]>(),
  'cases.addRepresentative': call(
    z.object({ id: caseId(), name: requiredText(), phone: phoneText().optional(), note: shortText(500).optional() }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.removeRepresentative': call(z.object({ id: caseId(), representativeId: id() }), 'worker').returns<CaseRecord>(),
  'cases.screening.save': call(
    z.object({
      id: caseId(),
      item: z.enum(SCREENING_ITEMS),
      answer: z.enum(['done', 'yes', 'no', 'unsure']).nullable(),
      detail: z.enum(['notAccepted', 'noLongerAccepted']).nullable().optional(),
      note: longText(10_000).optional()
    }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.setLargeScale': call(z.object({ id: caseId(), judged: z.boolean() }), 'worker').returns<CaseRecord>(),
  /** Confirm the recommended diversion, or choose another with a reason. */
  'cases.decideDiversion': call(
    z.object({ id: caseId(), chosen: z.enum(DIVERSION_ROUTES), reason: shortText(2_000).optional(), note: shortText(2_000).optional() }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.flowAction': call(
    z.object({ caseId: caseId(), flow: z.enum(FLOWS), step: shortText(64), note: longText(10_000).optional() }),
    'worker'
  ).returns<FlowAction>(),
  'cases.linkResource': call(
    z.object({
      caseId: caseId(),
      kind: z.enum(RESOURCE_KINDS),
      kindOther: shortText().optional(),
      department: shortText().optional(),
      result: z.enum(RESOURCE_RESULTS).optional(),
      note: shortText(2_000).optional()
    }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.resourceResult': call(
    z.object({ caseId: caseId(), resourceId: id(), result: z.enum(RESOURCE_RESULTS), note: shortText(2_000).optional() }),
    'worker'
  ).returns<CaseRecord>(),
  'cases.consent': call(
    z.object({
      caseId: caseId(),
      kind: z.enum(CONSENT_KINDS),
      granted: z.boolean(),
      method: z.enum(CONSENT_METHODS),
      note: shortText(2_000).optional()
    }),
    'worker'
  ).returns<CaseRecord>(),
  /** The consent slip in the petitioner's language, to print or save. */
  'cases.consentSlip': call(z.object({ caseId: caseId(), lang: locale(), action: z.enum(PDF_ACTIONS) }), 'worker').returns<PdfDelivery>(),
  'cases.scheduleFollowUp': call(
    z.object({ caseId: caseId(), dueDate: isoDate(), kind: z.enum(FOLLOW_UP_KINDS), note: shortText(2_000).optional(), interviewId: id().optional() }),
    'worker'
  ).returns<FollowUp>(),
  'cases.completeFollowUp': call(z.object({ followUpId: id(), note: shortText(2_000).optional() }), 'worker').returns<FollowUp>(),
  /** Form C: save a draft, or finalize (closes or transfers the case). */
  'cases.close': call(z.object({ id: caseId(), closing: closingInput, finalize: z.boolean() }), 'worker').returns<CaseRecord>(),
  'cases.reopen': call(z.object({ id: caseId(), reason: reason() }), 'worker').returns<CaseRecord>(),
  /** The worker's day: follow-ups due and overdue, statutory dates approaching, recent and high-risk cases. */
  'cases.today': call(empty(), 'worker').returns<TodayData>(),
  /** Open cases per worker against the 8.1 c ratios. */
  'cases.caseload': call(empty(), 'supervisor').returns<CaseloadRow[]>()
} as const
