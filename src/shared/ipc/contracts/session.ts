import { z } from 'zod'
import { call } from '../define'
import { empty, id, locale, passphrase, requiredText, shortText } from '../schemas'
import { IDLE_MINUTES } from '../../domain/session/types'
import { PDF_ACTIONS, type PdfDelivery } from './forms'
import type { Role, SessionInfo, DeskStatus, UserSummary, SetupResult, PassphraseCheck, DeskSettings } from '../../domain/session/types'
import { ROLES } from '../../domain/session/types'

const phone = () => shortText(40)

/** First run, login, lock and the people who use this desk. */
export const sessionCalls = {
  /** What the desk looks like before anyone logs in: set up or not, locked or not, damaged or too new. */
  'desk.status': call(empty(), 'public').returns<DeskStatus>(),
  /** First run: the first supervisor. Returns the recovery key, shown once. */
  'desk.setup': call(
    z.object({
      displayName: requiredText(),
      loginName: requiredText(64),
      passphrase: passphrase(),
      locale: locale(),
      /** Printed on the recovery sheet and the forms; can be set later in Settings. */
      orgName: shortText().optional()
    }),
    'public'
  ).returns<SetupResult>(),
  /** Strength and blocklist verdict, for the meter beside a new passphrase. Nothing is stored. */
  'passphrase.check': call(
    z.object({ passphrase: passphrase(), context: z.array(shortText()).max(10).optional() }),
    'public'
  ).returns<PassphraseCheck>(),
  'session.login': call(z.object({ loginName: requiredText(64), passphrase: passphrase() }), 'public').returns<SessionInfo>(),
  /** The recovery key alone opens the desk and sets a new passphrase for a supervisor. */
  'session.recover': call(
    z.object({ recoveryKey: requiredText(200), userId: id().optional(), newPassphrase: passphrase().optional() }),
    'public'
  ).returns<{ supervisors: { id: number; displayName: string; loginName: string }[]; session: SessionInfo | null }>(),
  /** The recovery sheet for the office safe, as a PDF: printed or saved. The key is checked against its slot first. */
  'session.recoverySheet': call(
    z.object({ recoveryKey: requiredText(100), action: z.enum(PDF_ACTIONS) }),
    'supervisor'
  ).returns<PdfDelivery>(),
  'session.current': call(empty(), 'public').returns<SessionInfo | null>(),
  'session.lock': call(z.object({ reason: z.enum(['user', 'idle']).default('user') }), 'worker').returns<null>(),
  'session.logout': call(empty(), 'worker').returns<null>(),
  /** The renderer reports the user is active; idle lock is measured by wall clock in the main process. */
  'session.activity': call(empty(), 'worker').returns<{ lockAt: string }>(),
  'session.setLocale': call(z.object({ locale: locale() }), 'worker').returns<null>(),
  'session.changePassphrase': call(
    z.object({ current: passphrase(), next: passphrase() }),
    'worker'
  ).returns<null>(),

  'users.list': call(empty(), 'supervisor').returns<UserSummary[]>(),
  'users.add': call(
    z.object({
      displayName: requiredText(),
      loginName: requiredText(64),
      role: z.enum(ROLES) satisfies z.ZodType<Role>,
      passphrase: passphrase()
    }),
    'supervisor'
  ).returns<UserSummary>(),
  /** Disabling removes the account's key slot; re-enabling needs a new passphrase for it. */
  'users.setDisabled': call(z.object({ userId: id(), disabled: z.boolean(), passphrase: passphrase().optional() }), 'supervisor').returns<null>(),
  'users.setRole': call(z.object({ userId: id(), role: z.enum(ROLES) }), 'supervisor').returns<null>(),
  'users.resetPassphrase': call(z.object({ userId: id(), passphrase: passphrase() }), 'supervisor').returns<null>(),
  /**
   * Re-encrypt the database under a new key and re-wrap every active account's slot: a copy of the
   * data folder taken before opens nothing written after. Progress events with task 'rekey'.
   */
  'desk.rotateKey': call(empty(), 'supervisor').returns<{ needNewPassphrase: number[]; recoveryKey: string | null }>(),

  /** Desk-wide settings: every worker reads them (crisis contacts, organisation phone). */
  'settings.get': call(empty(), 'worker').returns<DeskSettings>(),
  /** Only what is given changes; one audit event names the changed keys. */
  'settings.set': call(
    z
      .object({
        idleMinutes: z.number({ error: 'errors:arg.notNumber' }).int().min(IDLE_MINUTES.min, { error: 'errors:settings.idleRange' }).max(IDLE_MINUTES.max, { error: 'errors:settings.idleRange' }),
        orgName: shortText(),
        orgPhone: phone(),
        orgAddress: shortText(),
        dutyPhone: phone(),
        siteContacts: z.array(z.object({ label: requiredText(80), phone: requiredText(40) }), { error: 'errors:arg.invalid' }).max(20, { error: 'errors:settings.tooManyContacts' })
      })
      .partial()
      .strict(),
    'supervisor'
  ).returns<DeskSettings>()
} as const
