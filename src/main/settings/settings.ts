import type { Desk } from '../desk/desk'

/**
 * Desk-wide settings, stored inside the encrypted database (a settings file on disk could leak
 * names of contacts or the organisation). Typed defaults live here; features add their keys.
 */
export const SETTING_DEFAULTS = {
  idleMinutes: 5,
  /** Organisation phone given to petitioners — never a worker's own number. */
  orgPhone: '',
  orgName: '',
  /** Site contacts for the crisis protocol: [{ label, phone }]. */
  siteContacts: [] as { label: string; phone: string }[]
}
export type SettingKey = keyof typeof SETTING_DEFAULTS | (string & {})

export function getSetting<T>(desk: Desk, key: SettingKey, fallback?: T): T {
  const row = desk.db().sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (row) return JSON.parse(row.value) as T
  return (fallback ?? (SETTING_DEFAULTS as Record<string, unknown>)[key]) as T
}

export function setSetting(desk: Desk, key: SettingKey, value: unknown): void {
  desk
    .db()
    .sqlite.prepare(
      `INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`
    )
    .run(key, JSON.stringify(value), desk.now().toISOString(), desk.session?.userId ?? null)
}
