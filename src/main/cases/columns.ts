import type { CaseFieldName, CaseFields } from '@shared/domain/case/types'
import type { CaseRow } from './shared'

/**
 * CaseFields ↔ columns of `cases`. One table, so history snapshots, figures and Form A read one row.
 * Kinds say how a value is stored: text ('' for empty), code (NULL when not chosen), int, bool (0/1), json.
 */
type Kind = 'text' | 'code' | 'int' | 'bool' | 'json'
export const FIELD_COLUMNS: Record<CaseFieldName, [column: string, kind: Kind]> = {
  partyKind: ['party_kind', 'text'],
  name: ['name', 'text'],
  contactPerson: ['contact_person', 'text'],
  address: ['address', 'text'],
  locality: ['locality', 'text'],
  summary: ['summary', 'text'],
  headcount: ['headcount', 'int'],
  contactDate: ['contact_date', 'text'],
  source: ['source', 'code'],
  sourceText: ['source_text', 'text'],
  demands: ['demands', 'text'],
  petitionHistory: ['petition_history', 'text'],
  personality: ['personality', 'text'],
  referralOrg: ['referral_org', 'text'],
  referralContact: ['referral_contact', 'text'],
  gender: ['gender', 'code'],
  phone: ['phone', 'text'],
  birth: ['birth', 'text'],
  occupation: ['occupation', 'text'],
  economicStatus: ['economic_status', 'text'],
  language: ['language_codes', 'json'],
  languageOther: ['language_other', 'text'],
  marital: ['marital', 'code'],
  maritalOther: ['marital_other', 'text'],
  education: ['education', 'code'],
  living: ['living_codes', 'json'],
  livingOther: ['living_other', 'text'],
  needs: ['needs', 'json'],
  needsOther: ['needs_other', 'text'],
  background: ['background', 'text'],
  assessment: ['assessment', 'text'],
  needsAnalysis: ['needs_analysis', 'text'],
  serviceGoals: ['service_goals', 'text'],
  serviceStrategy: ['service_strategy', 'text'],
  evaluationMethods: ['evaluation_methods', 'text'],
  workerSignedDate: ['worker_signed_date', 'text'],
  irrational: ['irrational', 'bool'],
  inPetitionProcedure: ['in_petition_procedure', 'bool'],
  acceptedDate: ['accepted_date', 'text'],
  extended: ['extended', 'bool'],
  opinionReceivedDate: ['opinion_received_date', 'text'],
  reviewReceivedDate: ['review_received_date', 'text'],
  knewOfActDate: ['knew_of_act_date', 'text'],
  infringementDate: ['infringement_date', 'text']
}

export const FIELD_NAMES = Object.keys(FIELD_COLUMNS) as CaseFieldName[]

export function emptyFields(contactDate: string): CaseFields {
  return {
    partyKind: 'person',
    name: '',
    contactPerson: '',
    address: '',
    locality: '',
    summary: '',
    headcount: null,
    contactDate,
    source: null,
    sourceText: '',
    demands: '',
    petitionHistory: '',
    personality: '',
    referralOrg: '',
    referralContact: '',
    gender: null,
    phone: '',
    birth: '',
    occupation: '',
    economicStatus: '',
    language: [],
    languageOther: '',
    marital: null,
    maritalOther: '',
    education: null,
    living: [],
    livingOther: '',
    needs: [],
    needsOther: '',
    background: '',
    assessment: '',
    needsAnalysis: '',
    serviceGoals: '',
    serviceStrategy: '',
    evaluationMethods: '',
    workerSignedDate: '',
    irrational: false,
    inPetitionProcedure: false,
    acceptedDate: '',
    extended: false,
    opinionReceivedDate: '',
    reviewReceivedDate: '',
    knewOfActDate: '',
    infringementDate: ''
  }
}

export function toColumn(name: CaseFieldName, value: unknown): unknown {
  const [, kind] = FIELD_COLUMNS[name]
  if (kind === 'bool') return value ? 1 : 0
  if (kind === 'json') return JSON.stringify(value ?? [])
  if (kind === 'code' || kind === 'int') return value ?? null
  return value ?? ''
}

export function fieldsFromRow(row: Record<string, unknown>): CaseFields {
  const out: Record<string, unknown> = {}
  for (const name of FIELD_NAMES) {
    const [col, kind] = FIELD_COLUMNS[name]
    const v = row[col]
    out[name] = kind === 'bool' ? !!v : kind === 'json' ? JSON.parse((v as string) || '[]') : kind === 'text' ? (v ?? '') : (v ?? null)
  }
  return out as unknown as CaseFields
}

/** The named properties of an object. */
export function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Pick<T, K> {
  // The one cast: Object.fromEntries cannot type its result from the keys it was given.
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>
}

/**
 * A case's Form A fields from its drizzle-typed row. Every field is a column of `cases` under the same
 * name with the same type (codes typed by `$type`, `needs` as JSON): returning the Pick as CaseFields
 * is checked by the compiler, so a field without its column, or of another type, fails the build.
 */
export function fieldsOf(row: CaseRow): CaseFields {
  const fields: Pick<CaseRow, CaseFieldName> = pick(row, FIELD_NAMES)
  return fields
}

/** What an emptied field is stored as: '' for text, NULL for a code or a number, false, an empty list. */
function emptyValue(name: CaseFieldName): CaseFields[CaseFieldName] {
  const kind = FIELD_COLUMNS[name][1]
  return kind === 'text' ? '' : kind === 'bool' ? false : kind === 'json' ? [] : null
}

/** The values to write for the named fields of a patch (a field given as undefined or null is stored empty, as toColumn does). */
export function fieldPatch(p: Partial<CaseFields>, names: readonly CaseFieldName[]): Partial<CaseFields> {
  return Object.fromEntries(names.map((n) => [n, p[n] ?? emptyValue(n)]))
}
