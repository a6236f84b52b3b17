/**
 * 8.1 c: a full-time worker follows rational cases at 1:65–70 and irrational ones at 1:5–10.
 * "under" = below the band, "within", "over" = above its upper end. The standard says 宜 (should),
 * so this is shown to supervisors, never enforced.
 */
export const CASELOAD_RATIOS = {
  rational: { min: 65, max: 70 },
  irrational: { min: 5, max: 10 }
} as const

export function caseloadState(kind: keyof typeof CASELOAD_RATIOS, count: number): 'under' | 'within' | 'over' {
  const r = CASELOAD_RATIOS[kind]
  return count > r.max ? 'over' : count >= r.min ? 'within' : 'under'
}
