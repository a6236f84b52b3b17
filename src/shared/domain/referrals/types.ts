import type { IsoDate, MatterRoute, ReferralMethod } from '../dates'
import type { DiversionRoute } from '../screening/rules'

/** 市 / 区 / 镇街, and 全国 for the national hotlines. */
export const DIRECTORY_LEVELS = ['national', 'city', 'district', 'street'] as const
export type DirectoryLevel = (typeof DIRECTORY_LEVELS)[number]

/** Matter categories a directory row serves (issue 16 §2); words in referrals.json `categories.<id>`. */
export const DIRECTORY_CATEGORIES = [
  'labourInspection',
  'labourArbitration',
  'humanResources',
  'court',
  'procuratorate',
  'discipline',
  'publicSecurity',
  'civilAffairs',
  'health',
  'psychAid',
  'mediation',
  'legalAid',
  'womensFederation',
  'hotline',
  'socialWorkStation',
  'petitionBureau',
  'other'
] as const
export type DirectoryCategory = (typeof DIRECTORY_CATEGORIES)[number]

export interface DirectoryEntry {
  id: number
  /** A row the app shipped with (a national hotline): its name is words in each language while `name` is ''. */
  builtin: string | null
  level: DirectoryLevel
  locality: string
  category: DirectoryCategory
  name: string
  address: string
  phone: string
  hours: string
  handles: string
  active: boolean
  updatedAt: string
}

export type DirectoryFields = Omit<DirectoryEntry, 'id' | 'builtin' | 'updatedAt'>

export type RelayHow = 'inPerson' | 'phone' | 'letter' | 'message'
export const RELAY_HOWS: readonly RelayHow[] = ['inPerson', 'phone', 'letter', 'message']

/** Where a referral stands, in the order it moves. */
export type ReferralStage = 'planned' | 'sent' | 'replied' | 'relayed' | 'withdrawn'

export interface Referral {
  id: number
  caseId: number
  caseNo: string
  route: DiversionRoute
  method: ReferralMethod | null
  directoryId: number | null
  /** As it was when the referral was sent (a later directory edit does not rewrite history). */
  toName: string
  toBuiltin: string | null
  toAddress: string
  toPhone: string
  sentDate: IsoDate | ''
  sentWhat: string
  dueBasis: '' | 'statute' | 'agreed'
  dueDeadline: string
  replyDue: IsoDate | ''
  replyDate: IsoDate | ''
  replySummary: string
  relayedDate: IsoDate | ''
  relayedHow: RelayHow | null
  relayedNote: string
  withdrawnAt: string | null
  withdrawnReason: string
  version: number
  stage: ReferralStage
  notes: SupervisionNote[]
}

export interface SupervisionNote {
  id: number
  referralId: number
  caseId: number
  note: string
  writtenAt: string
  writtenByName: string | null
  workerId: number | null
  acknowledgedAt: string | null
  acknowledgedByName: string | null
}

export interface ReferralEvent {
  id: number
  referralId: number
  kind: 'created' | 'sent' | 'reply' | 'relayed' | 'edited' | 'withdrawn' | 'supervised' | 'acknowledged'
  changedFields: string[]
  /** The values an edit replaced (dates, texts, method), by field. */
  before: Record<string, string | number | null>
  at: string
  byName: string | null
}

/** A line on Today or the 督办 list: a reply overdue, or a reply not yet relayed. */
export interface ReferralAttention {
  referralId: number
  caseId: number
  caseNo: string
  workerId: number | null
  workerName: string | null
  kind: 'replyOverdue' | 'unrelayed'
  /** The date the wait started from: the reply due date (overdue) or the reply date (unrelayed). */
  since: IsoDate
  toName: string
  toBuiltin: string | null
  openNotes: number
}

export interface SendInput {
  method: ReferralMethod
  directoryId: number | null
  sentDate: IsoDate
  sentWhat: string
  /** Required when no statute gives the date. */
  agreedDue?: IsoDate
}

export type { MatterRoute }
