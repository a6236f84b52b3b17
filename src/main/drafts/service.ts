import { and, eq } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { drafts } from '../db/schema/drafts'

/**
 * Drafts of text a person is still writing (an opinion, a note, a closing text), so nothing typed is
 * lost to a killed app or a power cut. Always the logged-in person's own: the user id comes from the
 * session, never from the page, so nobody sees another person's draft. Submitting clears it.
 */
export function getDraft(desk: Desk, scope: string): { text: string; updatedAt: string } | null {
  const userId = desk.requireSession().userId
  const row = desk
    .db()
    .orm.select({ text: drafts.text, updatedAt: drafts.updatedAt })
    .from(drafts)
    .where(and(eq(drafts.userId, userId), eq(drafts.scope, scope)))
    .get()
  return row ?? null
}

/** Keep the text (an empty text removes the draft: there is nothing to bring back). */
export function saveDraft(desk: Desk, scope: string, text: string): { savedAt: string } {
  const userId = desk.requireSession().userId
  const savedAt = desk.now().toISOString()
  const orm = desk.db().orm
  if (text === '') {
    orm.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.scope, scope))).run()
  } else {
    orm
      .insert(drafts)
      .values({ userId, scope, text, updatedAt: savedAt })
      .onConflictDoUpdate({ target: [drafts.userId, drafts.scope], set: { text, updatedAt: savedAt } })
      .run()
  }
  return { savedAt }
}

export function clearDraft(desk: Desk, scope: string): null {
  const userId = desk.requireSession().userId
  desk.db().orm.delete(drafts).where(and(eq(drafts.userId, userId), eq(drafts.scope, scope))).run()
  return null
}
