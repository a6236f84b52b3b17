import { z } from 'zod'
import { call } from '../define'
import { longText } from '../schemas'

/**
 * Where a draft belongs, e.g. `signoff:A:12:opinion`, `case:3:screening:S1:note`: letters, digits
 * and `:._-` only, so a scope can never carry personal text.
 */
const scope = () => z.string({ error: 'errors:arg.invalid' }).regex(/^[A-Za-z0-9:._-]{1,120}$/, { message: 'errors:arg.invalid' })

/** Unsent multi-line text, per person (from the session) and place; survives a killed app. */
export const draftsCalls = {
  'drafts.get': call(z.object({ scope: scope() }).strict(), 'worker').returns<{ text: string; updatedAt: string } | null>(),
  'drafts.save': call(z.object({ scope: scope(), text: longText() }).strict(), 'worker').returns<{ savedAt: string }>(),
  'drafts.clear': call(z.object({ scope: scope() }).strict(), 'worker').returns<null>()
} as const
