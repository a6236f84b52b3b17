import type { DeskSettings } from '@shared/domain/session/types'
import { eq } from 'drizzle-orm'
import type { Desk } from '../desk/desk'
import { settings } from '../db/schema'

/**
 * Desk-wide settings, stored inside the encrypted database (a settings file on disk could leak
 * names of contacts or the organisation). Typed defaults live here; features add their keys.
 */
export const SETTING_DEFAULTS = {
  idleMinutes: 5,
  /** Organisation phone given to petitioners — never a worker's own number. */
  orgPhone: '',
  orgName: '',
  orgAddress: '',
  /** The on-duty supervisor's phone (crisis protocol: call now). */
  dutyPhone: '',
  /** Site contacts for the crisis protocol: [{ label, phone }]. */
  siteContacts: [] as { label: string; phone: string }[]
}
export type SettingKey = keyof typeof SETTING_DEFAULTS | (string & {})

export function getSetting<T>(desk: Desk, key: SettingKey, fallback?: T): T {
  const row = desk.db().orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()
  // A setting is stored as JSON of the value its key's default has (or the caller's fallback).
  if (row) return JSON.parse(row.value) as T
  return (fallback ?? (SETTING_DEFAULTS as Record<string, unknown>)[key]) as T
}

export function setSetting(desk: Desk, key: SettingKey, value: unknown): void {
  const stored = { value: JSON.stringify(value), updatedAt: desk.now().toISOString(), updatedBy: desk.session?.userId ?? null }
  desk
    .db()
    .orm.insert(settings)
    .values({ key, ...stored })
    .onConflictDoUpdate({ target: settings.key, set: stored })
    .run()
}

const DESK_KEYS = ['idleMinutes', 'orgName', 'orgPhone', 'orgAddress', 'dutyPhone', 'siteContacts'] as const satisfies readonly (keyof DeskSettings)[]

export function getDeskSettings(desk: Desk): DeskSettings {
  return Object.fromEntries(DESK_KEYS.map((k) => [k, getSetting(desk, k)])) as unknown as DeskSettings
}

/**
 * Save the settings a supervisor changed, in one transaction, with one audit event naming the
 * keys that changed (not their values: contacts' numbers stay out of the trail).
 */
export function setDeskSettings(desk: Desk, patch: Partial<DeskSettings>): DeskSettings {
  const before = getDeskSettings(desk)
  const changed = DESK_KEYS.filter((k) => patch[k] !== undefined && JSON.stringify(patch[k]) !== JSON.stringify(before[k]))
  if (changed.length > 0) {
    desk.db().sqlite.transaction(() => {
      for (const k of changed) setSetting(desk, k, patch[k])
      desk.audit({ action: 'settings.change', subjectType: 'settings', details: { keys: changed } })
    })()
  }
  return getDeskSettings(desk)
}
