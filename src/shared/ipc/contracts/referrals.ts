import { z } from 'zod'
import { call } from '../define'
import { empty, id, isoDate, longText, requiredText } from '../schemas'
import { REFERRAL_METHODS } from '../../domain/dates/referral-due'
import {
  RELAY_HOWS,
  type DirectoryEntry,
  type Referral,
  type ReferralAttention,
  type ReferralEvent,
  type SupervisionNote
} from '../../domain/referrals/types'
import { directoryFieldsSchema, type ImportPreview } from '../../domain/referrals/directory-csv'

const directoryFields = directoryFieldsSchema

/** Issue 16 §1–§2: the directory of where to send people, and the referral ledger with its 督办 notes. */
export const referralsCalls = {
  /** Every worker picks from it (diversion, resource linking, referrals, the handout). */
  'directory.list': call(z.object({ includeInactive: z.boolean().optional() }).strict(), 'worker').returns<DirectoryEntry[]>(),
  /** Supervisors keep it: add (no id) or edit a row. */
  'directory.save': call(directoryFields.extend({ id: id().optional() }).strict(), 'supervisor').returns<DirectoryEntry>(),
  /** The whole directory as CSV in the supervisor's language (a hall shares its list). */
  'directory.exportCsv': call(empty(), 'supervisor').returns<{ csv: string | null; rows: number; outcome: 'saved' | 'cancelled' | 'download' }>(),
  /** What an import would change, with every problem in words and the line it is on; writes nothing. */
  'directory.previewImport': call(z.object({ csv: longText(2_000_000) }).strict(), 'supervisor').returns<ImportPreview>(),
  /** Write an import the supervisor has seen; refused while any line has a problem. */
  'directory.applyImport': call(z.object({ csv: longText(2_000_000) }).strict(), 'supervisor').returns<ImportPreview>(),

  'referrals.forCase': call(z.object({ caseId: id() }).strict(), 'worker').returns<{ referrals: Referral[]; events: ReferralEvent[] }>(),
  /** Add a referral by hand (e.g. a 转介 besides the diversion). */
  'referrals.create': call(z.object({ caseId: id() }).strict(), 'worker').returns<Referral>(),
  /** Record (or correct, until a reply is in) how, to whom and when it was sent; the reply date follows the statute or an agreed date. */
  'referrals.send': call(
    z
      .object({
        referralId: id(),
        method: z.enum(REFERRAL_METHODS),
        directoryId: id(),
        sentDate: isoDate(),
        sentWhat: longText(4_000),
        agreedDue: isoDate().optional()
      })
      .strict(),
    'worker'
  ).returns<Referral>(),
  'referrals.recordReply': call(
    z.object({ referralId: id(), replyDate: isoDate(), replySummary: longText(10_000) }).strict(),
    'worker'
  ).returns<Referral>(),
  'referrals.recordRelay': call(
    z.object({ referralId: id(), relayedDate: isoDate(), relayedHow: z.enum(RELAY_HOWS), relayedNote: longText(4_000) }).strict(),
    'worker'
  ).returns<Referral>(),
  'referrals.withdraw': call(z.object({ referralId: id(), reason: requiredText(2_000) }).strict(), 'worker').returns<Referral>(),
  /** The worker's own: replies overdue, results not relayed, 督办 notes to acknowledge. */
  'referrals.attention': call(empty(), 'worker').returns<{ items: ReferralAttention[]; notes: (SupervisionNote & { caseNo: string })[] }>(),
  /** The supervisor's 督办 list across all workers, oldest first. */
  'referrals.supervisionList': call(empty(), 'supervisor').returns<ReferralAttention[]>(),
  'referrals.addNote': call(z.object({ referralId: id(), note: requiredText(2_000) }).strict(), 'supervisor').returns<SupervisionNote>(),
  /** Only the worker the note is addressed to acknowledges it (audited). */
  'referrals.acknowledgeNote': call(z.object({ noteId: id() }).strict(), 'worker').returns<SupervisionNote>()
} as const
