/**
 * The people the standard names (issue 12 §4), as pure rules.
 * Minors: a person under 18 on the contact date (Form A's 年龄, computed on 初次接触日期) gets a
 * notice about involving a guardian; saving is never blocked. 18 and over: no notice.
 */
import { COLLECTIVE_MIN_PEOPLE, type PartyKind } from './options'

export const ADULT_AGE = 18

export function isMinor(age: number | null): boolean {
  return age != null && age < ADULT_AGE
}

/**
 * A collective visit follows the headcount: 5 or more is collective, 4 or fewer is not. A group
 * nobody has counted yet keeps what the worker chose at registration.
 */
export function isCollectiveVisit(partyKind: PartyKind, headcount: number | null): boolean {
  if (headcount != null) return headcount >= COLLECTIVE_MIN_PEOPLE
  return partyKind === 'collective'
}

/**
 * The party kind a corrected headcount gives: a person's case counted at 5 or more becomes a
 * collective visit, a collective visit counted at 4 or fewer is a visit of individuals. An
 * organisation stays an organisation (its visit is collective by the count, `isCollectiveVisit`).
 */
export function partyKindForHeadcount(kind: PartyKind, headcount: number | null): PartyKind {
  if (headcount == null || kind === 'organisation') return kind
  return headcount >= COLLECTIVE_MIN_PEOPLE ? 'collective' : 'person'
}
