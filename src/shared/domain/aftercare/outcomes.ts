import type { SatisfactionQuestion } from './return-visits'

/**
 * The outcome figures a supervisor shows a director (8.2, 7.1.5): rates with their numerators and
 * denominators, so a rate is never shown without what it counts. Pure.
 */
export interface Rate {
  n: number
  of: number
  /** n / of, or null when nothing was counted (shown as "—", never as 0 %). */
  rate: number | null
}

export function rate(n: number, of: number): Rate {
  return { n, of, rate: of > 0 ? n / of : null }
}

export function percent(r: Rate, digits = 1): string {
  return r.rate == null ? '—' : `${(r.rate * 100).toFixed(digits)}%`
}

/** Median of whole days (null for none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export interface MonthOutcome {
  month: string
  newCases: number
  repeat: number
  irrational: number
  closed: number
  visits: number
  satisfied: number
  rated: number
}

export interface OutcomeFigures {
  range: { from: string; to: string }
  /** 满意度: overall answer 3–4 among return visits recorded in the range that answered it. */
  satisfaction: Rate
  /** Per question: answers 3–4 among answers. */
  byQuestion: { question: SatisfactionQuestion; rate: Rate }[]
  /** 重复信访率: new cases in the range marked 重复上访 (3.4). */
  repeatRate: Rate
  /** Return visits that happened in the range where the petitioner had petitioned again on the same matter. */
  petitionedAgain: Rate
  /** 非理性上访率 (7.1.5 a): new cases in the range marked 非理性. */
  irrationalRate: Rate
  /** Return visits due in the range that were recorded (and happened). */
  visitsDone: Rate
  visitsHappened: Rate
  /** Days from first contact to the result relayed to the petitioner (the referrals ledger); with none relayed in the range, to the closing, and said so. */
  daysToRelay: { median: number | null; count: number; source: 'relayed' | 'closing' }
  /** Referrals sent in the range whose reply came back (告知: the result relayed). */
  referralCompletion: Rate
  monthly: MonthOutcome[]
}
