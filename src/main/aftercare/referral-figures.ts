import type { FigureRange } from '@shared/domain/supervisor/figures'
import type { Desk } from '../desk/desk'

/**
 * Referral figures from the referrals ledger (issue 16 §1, built by the referrals feature): referrals
 * made in the range, how many had their reply back, and the days from first contact to the result
 * relayed to the petitioner. Null while this desk has no referrals ledger.
 */
export function referralFigures(desk: Desk, range: FigureRange): { made: number; replied: number; relayDays: number[] } | null {
  void desk
  void range
  return null
}
