import { z } from 'zod'
import { call } from '../define'
import { id, isoDate, longText, requiredText, shortText } from '../schemas'
import {
  CRISIS_KINDS,
  EMOTIONS,
  LOCATIONS,
  OUTPUT_LANGS,
  PROPOSAL_FIELDS,
  STAGES,
  TEXT_FIELDS,
  WORK_FORMS,
  type FormAProposal,
  type FormBData,
  type InterviewListItem,
  type UnfinishedInterview,
  type InterviewState,
  type OutputLang,
  type RiskLevel,
  type TextField
} from '../../domain/interview/types'
import type { CrisisState } from '../../domain/interview/crisis'
import { CUE_KINDS } from '../../domain/interview/risk-cues'
import { MATTER_TYPES } from '../../domain/interview/catalogue'
import { MATTER_ROUTES } from '../../domain/dates/deadlines'
import { PDF_ACTIONS, type PdfDelivery } from './forms'

/**
 * What the petitioner-facing read-back window may see: the petitioner's words, the agreed needs and
 * next step, the call-back date. No notes, assessment, risk, personality or worker's judgement.
 */
export const READ_BACK_FIELDS = ['surfaceDemand', 'wWhen', 'wWhere', 'wWho', 'wWhat', 'wWhy', 'wHow', 'summary', 'followUpPlan'] as const satisfies readonly TextField[]
export interface ReadBackData {
  outputLang: OutputLang
  texts: Record<(typeof READ_BACK_FIELDS)[number], string>
  acceptedNeeds: string[]
  followUpDate: string | null
}

const outputLang = () => z.enum(OUTPUT_LANGS)
const interviewId = () => id()
const RISK = ['none', 'low', 'medium', 'high', 'critical'] as const

/** Calls of the interview feature. Owned by that feature; merged into the one contract in ../contract.ts. */
export const interviewCalls = {
  /** Start for an existing case, or (no caseId) for a new walk-in: the case is created from it. */
  'interview.start': call(
    z.object({
      caseId: id().optional(),
      outputLang: outputLang().optional(),
      petitionerName: shortText().optional(),
      workForm: z.enum(WORK_FORMS).optional(),
      /** A walk-in group counted at the door (5 or more: a collective visit). */
      headcount: z.number().int().min(1).max(100_000).optional()
    }),
    'worker'
  ).returns<InterviewState>(),
  'interview.get': call(z.object({ interviewId: interviewId() }), 'worker').returns<InterviewState>(),
  'interview.list': call(z.object({ caseId: id() }), 'worker').returns<InterviewListItem[]>(),
  /** Autosave: changed fields with the client's per-field revision (older revisions are ignored). */
  'interview.save': call(
    z.object({
      interviewId: interviewId(),
      changes: z
        .array(z.object({ field: z.enum(TEXT_FIELDS), value: longText(), revision: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }))
        .min(1)
        .max(TEXT_FIELDS.length)
    }),
    'worker'
  ).returns<{ revisions: Partial<Record<TextField, number>>; savedAt: string }>(),
  'interview.setStage': call(z.object({ interviewId: interviewId(), stage: z.enum(STAGES) }), 'worker').returns<{ at: string }>(),
  'interview.emotion': call(z.object({ interviewId: interviewId(), level: z.enum(EMOTIONS) }), 'worker').returns<{ at: string }>(),
  'interview.check': call(
    z.object({ interviewId: interviewId(), checkId: shortText(64), checked: z.boolean() }),
    'worker'
  ).returns<{ at: string }>(),
  'interview.setMeta': call(
    z.object({
      interviewId: interviewId(),
      patch: z
        .object({
          outputLang: outputLang().optional(),
          workForm: z.enum(WORK_FORMS).optional(),
          location: z.enum(LOCATIONS).optional(),
          matterType: z.union([z.enum(MATTER_TYPES), z.literal('')]).optional(),
          route: z.enum(MATTER_ROUTES).optional(),
          acceptedNeeds: z.array(shortText(64)).max(30).optional(),
          ruleDates: z.record(shortText(32), isoDate()).optional()
        })
        .strict()
    }),
    'worker'
  ).returns<{ at: string }>(),
  'interview.event': call(
    z.object({ interviewId: interviewId(), kind: z.enum(['pause', 'readBack', 'handout', 'readAloud']), detail: shortText().optional() }),
    'worker'
  ).returns<{ at: string }>(),
  /**
   * The worker confirms a risk (no step) or time-stamps one of the protocol's steps. Opening the
   * dialog makes no call. From the case page or Today: `caseId` instead of `interviewId`.
   */
  'interview.crisis': call(
    z
      .object({ interviewId: interviewId().optional(), caseId: id().optional(), kind: z.enum(CRISIS_KINDS), step: shortText(64).optional(), riskLevel: z.enum(RISK).optional() })
      .refine((x) => (x.interviewId == null) !== (x.caseId == null), { message: 'interviewId or caseId' }),
    'worker'
  ).returns<{ at: string; riskLevel: RiskLevel | null }>(),
  /**
   * The worker's answer to a risk cue the app noticed in what they typed: raise the case's risk
   * level, or not. Only the kind of cue and the answer are recorded (audit), never the text.
   */
  'interview.riskCue': call(
    z.object({ interviewId: interviewId(), kind: z.enum(CUE_KINDS), answer: z.enum(['raise', 'dismiss']) }),
    'worker'
  ).returns<{ riskLevel: RiskLevel }>(),
  /** The case's crisis mode (banner on the case page), or null. */
  'interview.caseCrisis': call(z.object({ caseId: id() }), 'worker').returns<CrisisState | null>(),
  'interview.followUp': call(
    z.object({ interviewId: interviewId(), shortDate: isoDate(), midDate: isoDate().nullable().optional() }),
    'worker'
  ).returns<{ followUpDate: string; followUpMidDate: string | null }>(),
  'interview.finish': call(z.object({ interviewId: interviewId() }), 'worker').returns<InterviewState>(),
  /** This worker's contacts that were started and not ended (offered for resumption on 会谈). */
  'interview.unfinished': call(z.object({}).strict(), 'worker').returns<UnfinishedInterview[]>(),
  /** What an ended contact proposes for Form A (empty fields only); nothing is written by asking. */
  'interview.proposal': call(z.object({ interviewId: interviewId() }), 'worker').returns<FormAProposal>(),
  /** The worker accepts the proposal (items as shown, possibly edited or fewer) or declines it. */
  'interview.decideProposal': call(
    z.object({
      interviewId: interviewId(),
      decision: z.enum(['accept', 'decline']),
      items: z
        .array(z.object({ field: z.enum(PROPOSAL_FIELDS), value: z.union([longText(), z.array(shortText(64)).max(30)]) }))
        .max(PROPOSAL_FIELDS.length)
        .optional()
    }),
    'worker'
  ).returns<FormAProposal>(),
  /** Correct an ended contact: a reason is required; the earlier text is kept in its history. */
  'interview.correct': call(
    z.object({
      interviewId: interviewId(),
      reason: requiredText(2_000),
      changes: z.array(z.object({ field: z.enum(TEXT_FIELDS), value: longText() })).min(1).max(TEXT_FIELDS.length)
    }),
    'worker'
  ).returns<InterviewState>(),
  'interview.formB': call(z.object({ interviewId: interviewId() }), 'worker').returns<FormBData>(),
  /** The organisation's phone and the site's crisis contacts (settings), for closing and crisis. */
  'interview.contacts': call(z.object({}).strict(), 'worker').returns<{
    orgName: string
    orgPhone: string
    orgAddress: string
    dutyPhone: string
    siteContacts: { label: string; phone: string }[]
  }>(),
  /**
   * Desktop shell: show the read-back in a second window (full screen on a second display when
   * there is one). `opened: false` in browser mode, where the renderer opens its own window.
   */
  'interview.openReadBack': call(z.object({ interviewId: interviewId() }), 'worker').returns<{ opened: boolean }>(),
  'interview.closeReadBack': call(z.object({}).strict(), 'worker').returns<null>(),
  /** The read-back window's data (the only interview call that window may make, with interview.event). */
  'interview.readBackView': call(z.object({ interviewId: interviewId() }), 'worker').returns<ReadBackData>(),
  /** The petitioner handout as a PDF (A5 or A4, output language). */
  'interview.handout': call(
    z.object({ interviewId: interviewId(), paper: z.enum(['A5', 'A4']).default('A5'), action: z.enum(PDF_ACTIONS).default('print') }),
    'worker'
  ).returns<PdfDelivery>()
} as const
