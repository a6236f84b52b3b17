import { z } from 'zod'
import { isWellFormed, withinCodePoints } from '../text/characters'

/**
 * Building blocks for argument schemas. Every text that crosses IPC is checked here once:
 * well-formed UTF-16 (no unpaired surrogate), no control characters except tab/newline, and a
 * length cap counted in code points (𠮶 is one character, not two UTF-16 units) — so a 1 MB paste or a malformed string is refused with a clear key, not stored.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
/**
 * In one-line fields (names, phones, labels): bidi embeddings/overrides/isolates (U+202A–202E,
 * U+2066–2069) make a name display as something else (and reorder the text after it on a form);
 * line and paragraph separators (U+2028/2029) break a line where none may be. Refused.
 */
const HIDDEN_LAYOUT = /[\u202A-\u202E\u2066-\u2069\u2028\u2029]/

export const LIMITS = {
  short: 200,
  medium: 2_000,
  long: 100_000,
  passphrase: 1_024
} as const

function checked(max: number, allowNewlines: boolean) {
  return z
    .string({ error: 'errors:arg.notText' })
    .refine((s) => withinCodePoints(s, max), { message: 'errors:arg.tooLong' })
    .refine((s) => isWellFormed(s), { message: 'errors:arg.badCharacters' })
    .refine((s) => !CONTROL.test(s) && (allowNewlines || !/[\r\n]/.test(s)), {
      message: 'errors:arg.controlCharacters'
    })
    .refine((s) => allowNewlines || !HIDDEN_LAYOUT.test(s), { message: 'errors:arg.layoutCharacters' })
}

/** One line: names, phone numbers, labels. */
export const shortText = (max: number = LIMITS.short) => checked(max, false)
/** Free text with line breaks: notes, demands, assessments. */
export const longText = (max: number = LIMITS.long) => checked(max, true)
/** A required one-line text: trimmed, not empty. */
export const requiredText = (max: number = LIMITS.short) =>
  shortText(max)
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, { message: 'errors:arg.required' })

export const passphrase = () =>
  z
    .string({ error: 'errors:arg.notText' })
    .refine((s) => withinCodePoints(s, LIMITS.passphrase), { message: 'errors:arg.tooLong' })
    .refine((s) => isWellFormed(s), { message: 'errors:arg.badCharacters' })

export const id = () => z.number({ error: 'errors:arg.notId' }).int().positive().max(Number.MAX_SAFE_INTEGER)

/** A calendar date as YYYY-MM-DD that exists (no 2026-02-30). */
export const isoDate = () =>
  z
    .string({ error: 'errors:arg.badDate' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'errors:arg.badDate' })
    .refine(
      (s) => {
        const [y, m, d] = s.split('-').map(Number)
        const dt = new Date(Date.UTC(y, m - 1, d))
        return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
      },
      { message: 'errors:arg.badDate' }
    )

/** A year and month (出生年月) as YYYY-MM, or a full date. */
export const yearMonth = () =>
  z
    .string({ error: 'errors:arg.badDate' })
    .regex(/^\d{4}-(0[1-9]|1[0-2])(-\d{2})?$/, { message: 'errors:arg.badDate' })

export const locale = () => z.enum(['zh-CN', 'yue-HK'])
export const empty = () => z.object({}).strict()
