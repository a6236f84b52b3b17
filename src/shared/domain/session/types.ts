/** 社工 · 督导 · 档案管理 (records clerk: finds cases, prints and files forms; never edits a record). */
export type Role = 'worker' | 'supervisor' | 'clerk'
export const ROLES = ['worker', 'supervisor', 'clerk'] as const satisfies readonly Role[]
export type Locale = 'zh-CN' | 'yue-HK'

export interface SessionInfo {
  userId: number
  displayName: string
  loginName: string
  role: Role
  locale: Locale
  /** ISO time at which the desk locks itself if nothing happens. */
  lockAt: string
  idleMinutes: number
}

export type DeskState =
  | 'new' // no database yet: first-run setup (or restore from a backup)
  | 'locked' // set up, nobody logged in
  | 'unlocked'
  | 'damaged' // the file fails authentication or is malformed: offer restore, never delete
  | 'tooNew' // written by a newer app: refuse, no delete

export interface DeskStatus {
  state: DeskState
  /** The login name of the user whose session was locked, so unlock asks only for the passphrase. */
  lockedUser: { loginName: string; displayName: string } | null
  /** Seconds to wait before the next attempt is accepted (throttling), 0 when free. */
  retryAfterSeconds: number
  appVersion: string
  schemaVersion: number
}

export interface SetupResult {
  session: SessionInfo
  /** Shown once, never stored in plaintext. Groups of 4 for reading aloud or writing down. */
  recoveryKey: string
}

export interface UserSummary {
  id: number
  displayName: string
  loginName: string
  role: Role
  disabled: boolean
  createdAt: string
  locale: Locale
}

export interface PassphraseCheck {
  ok: boolean
  /** 0..4 as the strength meter shows it. */
  score: 0 | 1 | 2 | 3 | 4
  /** i18n keys in the auth namespace: why it is refused, or suggestions. */
  problems: string[]
  suggestions: string[]
}

/** A phone number to call on site (security office, duty supervisor, medical room). */
export interface SiteContact {
  label: string
  phone: string
}

/** Desk-wide settings a supervisor sets; every worker may read them (the crisis protocol needs the contacts). */
export interface DeskSettings {
  /** Lock after this many minutes without activity (wall clock). */
  idleMinutes: number
  orgName: string
  /** The organisation's phone given to petitioners — never a worker's own number. */
  orgPhone: string
  /** The organisation's address (handout, consent slip). */
  orgAddress: string
  /** The on-duty supervisor's phone: the crisis protocol tells the worker to call it now. */
  dutyPhone: string
  siteContacts: SiteContact[]
}

/** The organisation's own details every closing line, handout and crisis step needs (issue 13 §5). */
export const ORG_DETAIL_KEYS = ['orgName', 'orgPhone', 'orgAddress', 'dutyPhone'] as const
export function missingOrgDetails(s: Pick<DeskSettings, (typeof ORG_DETAIL_KEYS)[number]>): (typeof ORG_DETAIL_KEYS)[number][] {
  return ORG_DETAIL_KEYS.filter((k) => !s[k].trim())
}

export const IDLE_MINUTES = { min: 1, max: 60, default: 5 } as const
