/** The hall's figures (8.2): what supervisors show the 信访局. Pure: no node, no DOM. */
import type { NeedCode, RiskLevel } from '../case/options'

type CaseloadState = 'under' | 'within' | 'over'

export interface FigureRange {
  from: string
  to: string
}

export interface HallFigures {
  range: FigureRange
  generatedAt: string
  totals: { newCases: number; open: number; closed: number }
  caseload: { workerId: number; workerName: string; rational: number; irrational: number; rationalState: CaseloadState; irrationalState: CaseloadState }[]
  byNeed: { code: NeedCode; count: number }[]
  byLocality: { locality: string; count: number }[]
  monthly: { month: string; newCases: number; repeat: number; collective: number; irrational: number }[]
  followUps: { onTime: number; late: number; overdue: number; pending: number }
  risk: { level: RiskLevel; count: number }[]
}

/** Every month touched by the range, as YYYY-MM, in order. */
export function monthsOf(range: FigureRange): string[] {
  const out: string[] = []
  let [y, m] = range.from.split('-').map(Number)
  const [ty, tm] = range.to.split('-').map(Number)
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m++
    if (m > 12) {
      m = 1
      y++
    }
    if (out.length > 240) break
  }
  return out
}

/** Preset ranges for the picker, relative to `today` (YYYY-MM-DD). */
export function presetRange(preset: 'thisMonth' | 'last3Months' | 'thisYear' | 'last12Months', today: string): FigureRange {
  const [y, m] = today.split('-').map(Number)
  const first = (yy: number, mm: number) => {
    while (mm < 1) {
      mm += 12
      yy--
    }
    return `${yy}-${String(mm).padStart(2, '0')}-01`
  }
  switch (preset) {
    case 'thisMonth':
      return { from: first(y, m), to: today }
    case 'last3Months':
      return { from: first(y, m - 2), to: today }
    case 'thisYear':
      return { from: `${y}-01-01`, to: today }
    case 'last12Months':
      return { from: first(y, m - 11), to: today }
  }
}

/** A follow-up's state on `today`: done by its due date, done late, overdue, or still pending. */
export function followUpState(due: string, doneAt: string | null, today: string): 'onTime' | 'late' | 'overdue' | 'pending' {
  if (doneAt) return doneAt.slice(0, 10) <= due ? 'onTime' : 'late'
  return due < today ? 'overdue' : 'pending'
}
