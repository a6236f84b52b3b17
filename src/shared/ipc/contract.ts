import type { CallDef } from './define'
import { sessionCalls } from './contracts/session'
import { casesCalls } from './contracts/cases'
import { peopleCalls } from './contracts/people'
import { interviewCalls } from './contracts/interview'
import { formsCalls } from './contracts/forms'
import { supervisorCalls } from './contracts/supervisor'
import { noticesCalls } from './contracts/notices'
import { draftsCalls } from './contracts/drafts'
import { archiveCalls } from './contracts/archive'
import { referralsCalls } from './contracts/referrals'
import { personCalls } from './contracts/person'
import { aftercareCalls } from './contracts/aftercare'

/**
 * The one IPC contract: every call the renderer can make, by name, with its argument schema,
 * access level and result type. Electron's preload, the loopback transport, the router and the
 * renderer's client are all typed from this object.
 */
export const contract = merge(sessionCalls, casesCalls, peopleCalls, interviewCalls, formsCalls, supervisorCalls, noticesCalls, draftsCalls, archiveCalls, referralsCalls, personCalls, aftercareCalls)

export type Contract = typeof contract
export type Method = keyof Contract
export const METHODS = Object.keys(contract) as Method[]

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never

/** Merge feature contracts; a name defined twice is a bug, so it throws at load. */
function merge<T extends Record<string, CallDef>[]>(...parts: T): UnionToIntersection<T[number]> {
  const out: Record<string, CallDef> = {}
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in out) throw new Error(`IPC call defined twice: ${name}`)
      out[name] = def
    }
  }
  return out as UnionToIntersection<T[number]>
}
