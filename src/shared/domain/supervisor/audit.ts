/** The audit trail as the supervisor sees it. Pure: no node, no DOM. */

export interface AuditFilter {
  actorId?: number
  caseNo?: string
  action?: string
  /** Calendar dates in the hall's time zone (UTC+8), inclusive. */
  from?: string
  to?: string
  limit?: number
  offset?: number
}

export interface AuditViewRow {
  id: number
  at: string
  actorId: number | null
  actorName: string | null
  action: string
  subjectType: string | null
  subjectId: string | null
  /** The case number when the subject is a case. */
  caseNo: string | null
  details: string
  /** Set when the hash chain is broken at this event. */
  broken: ChainBreak['reason'] | null
}

export interface ChainBreak {
  /** The event where the chain stops matching. */
  id: number
  /** edited: this event's content no longer matches its hash; missing: events before it were removed. */
  reason: 'edited' | 'missing'
  /** For 'missing': the ids that are gone (between the previous event and this one), when known. */
  gapFrom?: number
  gapTo?: number
}

export interface ChainReport {
  ok: boolean
  checked: number
  breaks: ChainBreak[]
}

export interface AuditPage {
  rows: AuditViewRow[]
  total: number
  chain: ChainReport
}

/** The audit trail is kept at least this long whatever the retention setting (Cybersecurity Law Art. 21: six months). */
export const AUDIT_MIN_KEEP_DAYS = 183

/** A calendar date in UTC+8 → the ISO instant its day starts (or the next day starts, for an inclusive end). */
export function hallDayStart(date: string, nextDay = false): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + (nextDay ? 1 : 0)) - 8 * 3_600_000).toISOString()
}

/** i18n key for an action code ('cases.update' → 'supervisor:audit.actions.cases_update'). */
export function actionKey(action: string): string {
  return `supervisor:audit.actions.${action.replace(/\./g, '_')}`
}

/** One line of an audit event's details: its key (label words in supervisor:audit.details.<key>) and the value. */
export interface AuditDetailLine {
  key: string
  value: string | number | boolean | null | (string | number | boolean | null)[]
}

/**
 * An event's details (stored as JSON: ids, codes, counts, field names — never personal text) as
 * lines to label and show. A nested object (an export's filter) gives one line per part,
 * `filter.status`; details that are not a JSON object give no lines.
 */
export function auditDetailLines(details: string): AuditDetailLine[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(details)
  } catch {
    return []
  }
  const lines: AuditDetailLine[] = []
  const walk = (o: object, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined) continue
      const key = prefix ? `${prefix}.${k}` : k
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v, key)
      else if (Array.isArray(v)) lines.push({ key, value: v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : x)) })
      else lines.push({ key, value: v })
    }
  }
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) walk(parsed, '')
  return lines
}

/**
 * Where the words of a code value are, by the detail's key (its last part: `filter.status` → status):
 * i18n key prefixes tried in order; a value with none of them (a number, a date, an unknown code) is
 * shown as it is stored.
 */
type WordsKey = `${'cases' | 'common' | 'supervisor' | 'interview'}:${string}`
const status = { prefix: 'cases:options.status' } as const
const risk = { prefix: 'cases:options.risk' } as const
const role = { prefix: 'common:role' } as const
const language = { prefix: 'common:language' } as const
const route = { prefix: 'cases:routes', suffix: '.label' } as const
// `kind` is a sign-off's form (A/B/C) or a consent's kind, depending on the action: the codes differ.
const signoffKind = { prefix: 'supervisor:signoff.kinds' } as const
const consentKind = { prefix: 'cases:options.consentKind' } as const
const consentMethod = { prefix: 'cases:options.consentMethod' } as const
// A list of changed fields names Form A's fields or a contact's (Form B) by their labels.
const caseField = { prefix: 'cases:fields' } as const
const interviewField = { prefix: 'interview:fields' } as const
export const DETAIL_VALUE_WORDS: Record<string, readonly { prefix: WordsKey; suffix?: string }[]> = {
  status: [status],
  level: [risk],
  minRisk: [risk],
  from: [status, risk, role],
  to: [status, risk, role],
  role: [role],
  lang: [language],
  locale: [language],
  route: [route],
  chosen: [route],
  recommended: [route],
  kind: [signoffKind, consentKind],
  method: [consentMethod],
  fields: [caseField, interviewField],
  personal: [caseField],
  columns: [caseField]
}

/** The i18n keys that may hold the words of `value` under detail key `key`, in order. */
export function detailValueKeys(key: string, value: string): WordsKey[] {
  const last = key.split('.').pop() ?? key
  return (DETAIL_VALUE_WORDS[last] ?? []).map((w) => `${w.prefix}.${value}${w.suffix ?? ''}` as const)
}

/**
 * A detail line as label and value words. `word(key)` gives the words of a key under
 * supervisor:audit.detail (null when there are none): an unknown key reads 其他, never the key itself.
 * `valueWord(key, value)` gives the words of a code value (see detailValueKeys), or null.
 */
export function auditDetailText(
  line: AuditDetailLine,
  word: (key: string) => string | null,
  valueWord: (key: string, value: string) => string | null = () => null
): { label: string; value: string } {
  const label = line.key
    .split('.')
    .map((part) => word(part) ?? word('other') ?? '')
    .join(' · ')
  const one = (v: string | number | boolean | null) =>
    v === null ? (word('none') ?? '') : typeof v === 'boolean' ? (word(v ? 'yes' : 'no') ?? '') : typeof v === 'string' ? (valueWord(line.key, v) ?? v) : String(v)
  const value = Array.isArray(line.value) ? (line.value.length ? line.value.map(one).join('、') : (word('none') ?? '')) : one(line.value)
  return { label, value }
}
