import { addDays } from '../dates/calendar'
import { normalise } from '../search/normalise'

/**
 * Early warning across cases (DB4401/T 321-2025 5.1 d/f, 8.2 b): several recent cases about the same
 * employer, estate, village or project, or a matter type whose count rises well above its usual level.
 * Pure: the main process hands in one row per case (its date, its subjects and matter types); this
 * module counts.
 *
 * What it is and is not:
 * - a PROMPT for a supervisor to look at the cases and consider reporting upward (《信访工作条例》第二十五条:
 *   major or urgent matters go to the Party committee and government at the same level); never a
 *   decision, and it decides nothing about any case;
 * - about matters, never about people: it counts cases, not petitioners; a petitioner's own return
 *   visits (cases marked 重复上访) are left out of the counts, so one person coming back cannot raise a
 *   signal, and no signal names or ranks anyone (第十八条: no retaliation against petitioners).
 *
 * The rule, for each subject and matter type: `count` = cases in the rolling window (the last
 * `windowDays` days up to today); `baseline` = the average count over the `baselineWindows` windows
 * before it. A signal is raised when count ≥ `minCases` AND the chance of seeing at least `count`
 * cases if the usual rate held is below `alpha` (a Poisson tail). Three earlier windows say little
 * about a usual rate, so the rate tested is a generous one: (sum + 2·√sum + 1) / windows, at least
 * `floorRate` — noise in the earlier months must not make an ordinary month look like a rise.
 * A subject that is new (baseline 0) therefore needs `minCases` cases; a common matter type needs a
 * rise well beyond its usual month. The thresholds are the desk's defaults, not rules of any statute.
 */

export const SUBJECT_KINDS = ['employer', 'estate', 'village', 'project'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]
export type SignalKind = SubjectKind | 'matter'

export interface WarningCase {
  caseId: number
  caseNo: string
  /** First contact (YYYY-MM-DD). */
  date: string
  /** Marked 重复上访 (the same petitioner again): not counted. */
  repeat: boolean
  subjects: { kind: SubjectKind; key: string; name: string }[]
  /** Matter types (问题/需要 codes). */
  matters: string[]
}

export interface WarningOptions {
  windowDays: number
  baselineWindows: number
  minCases: number
  alpha: number
  floorRate: number
}

export const WARNING_DEFAULTS: WarningOptions = { windowDays: 30, baselineWindows: 3, minCases: 5, alpha: 0.001, floorRate: 0.5 }

export interface WarningSignal {
  kind: SignalKind
  /** Normalised key (subjects) or matter code. */
  key: string
  /** As first written by a worker (subjects) or the matter code. */
  label: string
  count: number
  baseline: number
  /** Counts per window, oldest first; the last is the current window. */
  trend: number[]
  /** 'cluster': a subject seldom or never seen before; 'rising': above its usual level. */
  pattern: 'cluster' | 'rising'
  /** The cases in the current window, newest first. */
  cases: { caseId: number; caseNo: string; date: string }[]
  /** P(at least `count` | usual rate): smaller = more unusual. */
  p: number
}

/**
 * One way of writing a name, as search sees it (../search/normalise): full-width forms folded, lower
 * case, Traditional folded to Simplified (廣州市恆達建築 = 广州市恒达建筑), spaces and punctuation removed.
 */
export function subjectKey(name: string): string {
  return normalise(name)
}

/** P(X ≥ k) for X ~ Poisson(λ). */
export function poissonTail(k: number, lambda: number): number {
  if (k <= 0) return 1
  let term = Math.exp(-lambda)
  let below = term
  for (let i = 1; i < k; i++) {
    term *= lambda / i
    below += term
  }
  return Math.max(0, 1 - below)
}

export function earlyWarnings(rows: readonly WarningCase[], today: string, options: Partial<WarningOptions> = {}): WarningSignal[] {
  const o = { ...WARNING_DEFAULTS, ...options }
  const windows = o.baselineWindows + 1
  // Window w (0 = oldest … windows-1 = current) covers (start_w, end_w]; the current ends today.
  const starts: string[] = []
  for (let w = 0; w < windows; w++) starts.push(addDays(today, -o.windowDays * (windows - w)))
  const windowOf = (date: string): number => {
    if (date > today || date <= starts[0]) return -1
    for (let w = windows - 1; w >= 0; w--) if (date > starts[w]) return w
    return -1
  }
  const groups = new Map<string, { kind: SignalKind; key: string; label: string; counts: number[]; cases: WarningSignal['cases'] }>()
  const add = (kind: SignalKind, key: string, label: string, w: number, c: WarningCase) => {
    const id = `${kind}\u0000${key}`
    let g = groups.get(id)
    if (!g) groups.set(id, (g = { kind, key, label, counts: new Array(windows).fill(0), cases: [] }))
    g.counts[w]++
    if (w === windows - 1) g.cases.push({ caseId: c.caseId, caseNo: c.caseNo, date: c.date })
  }
  for (const c of rows) {
    if (c.repeat) continue
    const w = windowOf(c.date)
    if (w < 0) continue
    const seen = new Set<string>()
    for (const s of c.subjects) {
      const k = `${s.kind}\u0000${s.key}`
      if (!s.key || seen.has(k)) continue
      seen.add(k)
      add(s.kind, s.key, s.name, w, c)
    }
    for (const m of new Set(c.matters)) add('matter', m, m, w, c)
  }
  const out: WarningSignal[] = []
  for (const g of groups.values()) {
    const count = g.counts[windows - 1]
    if (count < o.minCases) continue
    const before = g.counts.slice(0, windows - 1)
    const baseline = before.length ? before.reduce((a, b) => a + b, 0) / before.length : 0
    const sum = before.reduce((a, b) => a + b, 0)
    const usual = before.length ? (sum + 2 * Math.sqrt(sum) + 1) / before.length : 0
    const p = poissonTail(count, Math.max(usual, o.floorRate))
    if (p >= o.alpha) continue
    out.push({
      kind: g.kind,
      key: g.key,
      label: g.label,
      count,
      baseline: Math.round(baseline * 10) / 10,
      trend: g.counts,
      pattern: baseline < 1 ? 'cluster' : 'rising',
      cases: g.cases.sort((a, b) => (a.date === b.date ? b.caseId - a.caseId : a.date < b.date ? 1 : -1)),
      p
    })
  }
  return out.sort((a, b) => a.p - b.p || b.count - a.count)
}

/** The first day a case can have to be counted at all (for narrowing the database query). */
export function warningSince(today: string, options: Partial<WarningOptions> = {}): string {
  const o = { ...WARNING_DEFAULTS, ...options }
  return addDays(today, -o.windowDays * (o.baselineWindows + 1) + 1)
}
