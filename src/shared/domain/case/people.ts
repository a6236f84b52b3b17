/**
 * The people the standard names (issue 12 §4), as pure rules.
 * Minors: a person under 18 on the contact date (Form A's 年龄, computed on 初次接触日期) gets a
 * notice about involving a guardian; saving is never blocked. 18 and over: no notice.
 */
export const ADULT_AGE = 18

export function isMinor(age: number | null): boolean {
  return age != null && age < ADULT_AGE
}
