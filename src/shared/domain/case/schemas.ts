import type { I18nKey } from '../../i18n/keys'
import { z } from 'zod'
import { isoDate, longText, requiredText, shortText, yearMonth } from '../../ipc/schemas'
import {
  CASE_SOURCES,
  CLOSING_CATEGORIES,
  CLOSING_TYPES,
  EDUCATION,
  GENDERS,
  LANGUAGES,
  LIVING,
  MARITAL,
  NEEDS,
  PARTY_KINDS,
  REPEAT_MARKS,
  TRANSFER_REASONS
} from './options'
import { checkPhone } from './phone'

/**
 * Argument schemas for case data, shared by the IPC contract and the main-process API (which
 * re-parses, so the CLI, demo and other features get the same checks). Messages are translation keys.
 */
const MEDIUM = 2_000
const optDate = () => z.union([z.literal(''), isoDate()])

/**
 * A phone as typed. Its format is checked by `checkCaseInput` in the service rather than here, so
 * the specific message (mobile / landline / Hong Kong / …, in the cases namespace) reaches the user.
 */
export const phoneText = () => shortText(60)

/** A multi-tick option list (语言, 居住状况): codes of the list, each at most once, in the order ticked. */
function uniqueCodes<const T extends readonly [string, ...string[]]>(list: T) {
  return z
    .array(z.enum(list))
    .max(list.length)
    .refine((v) => new Set(v).size === v.length, { message: 'errors:arg.invalid' })
}

export const caseFieldsShape = {
  partyKind: z.enum(PARTY_KINDS),
  name: requiredText(),
  contactPerson: shortText(),
  address: shortText(500),
  locality: shortText(500),
  summary: longText(MEDIUM),
  headcount: z.number().nullable(),
  contactDate: isoDate(),
  source: z.enum(CASE_SOURCES).nullable(),
  sourceText: shortText(),
  demands: longText(),
  petitionHistory: longText(),
  personality: longText(),
  referralOrg: shortText(),
  referralContact: shortText(),
  gender: z.enum(GENDERS).nullable(),
  phone: phoneText(),
  birth: z.union([z.literal(''), yearMonth()]),
  occupation: shortText(),
  economicStatus: shortText(500),
  language: uniqueCodes(LANGUAGES),
  languageOther: shortText(),
  marital: z.enum(MARITAL).nullable(),
  maritalOther: shortText(),
  education: z.enum(EDUCATION).nullable(),
  living: uniqueCodes(LIVING),
  livingOther: shortText(),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length),
  needsOther: shortText(),
  background: longText(),
  assessment: longText(),
  needsAnalysis: longText(),
  serviceGoals: longText(),
  serviceStrategy: longText(),
  evaluationMethods: longText(),
  workerSignedDate: optDate(),
  irrational: z.boolean(),
  inPetitionProcedure: z.boolean(),
  acceptedDate: optDate(),
  extended: z.boolean(),
  opinionReceivedDate: optDate(),
  reviewReceivedDate: optDate(),
  knewOfActDate: optDate(),
  infringementDate: optDate()
}

/** The worker's 重复上访 decision: a repeat of which earlier cases, or not a repeat. */
export const repeatDecision = z
  .object({
    mark: z.enum(REPEAT_MARKS),
    ofCaseIds: z.array(z.number().int().positive()).max(50).optional(),
    note: shortText(500).optional()
  })
  .strict()

/**
 * A new case: name, kind and contact date required; everything else optional. Representatives and
 * the repeat decision are part of the registration: one call, one transaction, all or nothing.
 */
export const createCaseInput = z
  .object(caseFieldsShape)
  .partial()
  .required({ partyKind: true, name: true })
  .extend({
    assignedWorkerId: z.number().int().positive().optional(),
    representatives: z
      .array(z.object({ name: requiredText(), phone: phoneText().optional(), note: shortText(500).optional() }))
      .optional(),
    repeat: repeatDecision.optional(),
    /**
     * One registration's own token (the screen makes one per draft): pressing 保存 again after a
     * reply was lost returns the case the first press made instead of registering a second one.
     */
    requestId: z.string().uuid().optional()
  })
  .strict()

export const updateCaseInput = z.object(caseFieldsShape).partial().strict()

export const goalRow = z.object({
  seq: z.number().int().min(1).max(999),
  goal: longText(MEDIUM),
  achievement: longText(MEDIUM),
  note: longText(MEDIUM)
})

export const closingInput = z
  .object({
    category: z.enum(CLOSING_CATEGORIES),
    openedDate: optDate(),
    closedDate: isoDate(),
    transferReason: z.enum(TRANSFER_REASONS).nullable(),
    transferReasonOther: shortText(),
    closingType: z.enum(CLOSING_TYPES).nullable(),
    closingTypeOther: shortText(),
    linkedResources: longText(MEDIUM),
    contactedDepartments: longText(MEDIUM),
    goals: z.array(goalRow).max(100),
    reflection: longText(),
    workerSignedDate: optDate(),
    transferTo: shortText()
  })
  .strict()

export type CreateCaseInput = z.input<typeof createCaseInput>
export type UpdateCaseInput = z.input<typeof updateCaseInput>
export type ClosingInput = z.input<typeof closingInput>

/** Checks the schemas leave to the service, each with its own translated message. */
export function checkCaseInput(a: {
  phone?: string
  headcount?: number | null
  representatives?: { phone?: string }[]
}): { messageKey: I18nKey; field: string } | null {
  if (a.phone && a.phone.trim()) {
    const r = checkPhone(a.phone)
    if (!r.ok) return { messageKey: r.messageKey, field: 'phone' }
  }
  if (a.headcount != null && (!Number.isInteger(a.headcount) || a.headcount < 1 || a.headcount > 100_000)) {
    return { messageKey: 'cases:errors.headcount', field: 'headcount' }
  }
  for (const [i, rep] of (a.representatives ?? []).entries()) {
    if (rep.phone && rep.phone.trim()) {
      const r = checkPhone(rep.phone)
      if (!r.ok) return { messageKey: r.messageKey, field: `representatives.${i}.phone` }
    }
  }
  return null
}
