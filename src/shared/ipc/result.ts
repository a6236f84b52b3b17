import type { I18nKey } from '../i18n/keys'

/**
 * What crosses the process boundary: a value or a translated error key, never a stack trace.
 * `messageKey` is an i18next key with its namespace (`ns:key`), typed `I18nKey` where services write
 * it (DeskFailure, fail: a misspelled key fails the type check) and plain text on the wire, where a
 * screen narrows it with `isI18nKey` before translating; `params` fill its placeholders.
 * `field` names the argument path that failed validation, so a form can point at it.
 */
export type DeskError = {
  ok: false
  code: ErrorCode
  messageKey: string
  params?: Record<string, string | number>
  field?: string
}
export type DeskResult<T> = { ok: true; value: T } | DeskError

export const ERROR_CODES = [
  'BAD_ARGS',
  'UNKNOWN_CALL',
  'LOCKED',
  'FORBIDDEN',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'WRONG_PASSPHRASE',
  'THROTTLED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSPHRASE',
  'NOT_FOUND',
  'CONFLICT',
  'DB_DAMAGED',
  'DB_TOO_NEW',
  'BACKUP_WRONG_PASSPHRASE',
  'BACKUP_DAMAGED',
  'BACKUP_TOO_NEW',
  'MISSING_GLYPHS',
  'IO',
  'DISK_FULL',
  'READ_ONLY',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** Thrown inside services; the router turns it into a DeskError. Its message is never shown. */
export class DeskFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: I18nKey,
    readonly params?: Record<string, string | number>,
    readonly field?: string
  ) {
    super(code)
    this.name = 'DeskFailure'
  }
}

export const fail = (
  code: ErrorCode,
  messageKey: I18nKey,
  params?: Record<string, string | number>,
  field?: string
): never => {
  throw new DeskFailure(code, messageKey, params, field)
}
