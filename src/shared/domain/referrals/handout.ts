import type { MatterRoute } from '../dates'
import { METHODS_BY_ROUTE } from './rules'
import type { Referral } from './types'

/** A named destination for the handout's "where to go next": never "ask elsewhere". */
export interface HandoutDestination {
  method: 'transfer' | 'assign' | 'refer' | 'inform'
  name: string
  address: string
  phone: string
  hours: string
}

/**
 * The case's referrals the handout may name. The route decides what is promised (route-promises.ts):
 * a referral whose method the route does not allow (a 转送 on a route where the petitioner goes
 * themselves) is left out, as are withdrawn ones and ones with no destination chosen yet.
 */
export function handoutDestinations(
  referrals: Pick<Referral, 'method' | 'toName' | 'toBuiltin' | 'toAddress' | 'toPhone' | 'withdrawnAt' | 'directoryId'>[],
  route: MatterRoute,
  nameOf: (r: { toName: string; toBuiltin: string | null }) => string,
  hoursOf: (directoryId: number | null) => string = () => ''
): HandoutDestination[] {
  const allowed = METHODS_BY_ROUTE[route]
  const out: HandoutDestination[] = []
  for (const r of referrals) {
    if (r.withdrawnAt || !r.method || !allowed.includes(r.method)) continue
    const name = nameOf(r).trim()
    if (!name) continue
    out.push({ method: r.method, name, address: r.toAddress.trim(), phone: r.toPhone.trim(), hours: hoursOf(r.directoryId).trim() })
  }
  return out
}
