import { z } from 'zod'
import { call } from '../define'
import { id, isoDate, requiredText, shortText } from '../schemas'
import { phoneText } from '../../domain/case/schemas'
import type { CasePeople } from '../../domain/case/people-extras'

/**
 * Issue 12 §4, the people the standard names: confidential reports (检举控告), alternative contacts,
 * earlier visits to other agencies. Owned by the cases feature; merged into the one contract in
 * ../contract.ts. Every call naming a case goes through the confidentiality guard in the main process.
 */
export const peopleCalls = {
  /** Confidentiality, alternative contacts and earlier visits of one case (the case page's panel). */
  'cases.people': call(z.object({ caseId: id() }), 'worker').returns<CasePeople>(),
  /**
   * Open a confidential case that is not yours: the reason is kept (the audit event names its id only).
   * It opens the case for this sitting (until the desk locks or you log out, at most 30 minutes).
   */
  'cases.openConfidential': call(z.object({ caseId: id(), reason: requiredText(500) }), 'worker').returns<{ until: string }>(),
  'cases.altContact.add': call(
    z.object({ caseId: id(), name: requiredText(100), relation: shortText(40).optional(), phone: phoneText().optional(), note: shortText(500).optional() }),
    'worker'
  ).returns<CasePeople>(),
  'cases.altContact.remove': call(z.object({ caseId: id(), altContactId: id() }), 'worker').returns<CasePeople>(),
  'cases.otherVisit.add': call(
    z.object({
      caseId: id(),
      agency: requiredText(200),
      firstDate: isoDate().optional(),
      lastDate: isoDate().optional(),
      times: z.number({ error: 'errors:arg.invalid' }).int().min(1).max(999).optional(),
      note: shortText(500).optional()
    }),
    'worker'
  ).returns<CasePeople>(),
  'cases.otherVisit.remove': call(z.object({ caseId: id(), otherVisitId: id() }), 'worker').returns<CasePeople>()
} as const
