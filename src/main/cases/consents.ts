import { CONSENT_TEXT_VERSION, type ConsentKind, type ConsentMethod } from '@shared/domain/case/options'
import type { CaseRecord } from '@shared/domain/case/types'
import { fail } from '@shared/ipc/result'
import type { Desk } from '../desk/desk'
import { caseConsents } from '../db/schema'
import { getCase } from './record'
import { actor, nowIso, requireCase, touch, tx } from './shared'

// ───────────────────────────── consents ─────────────────────────────

/** PIPL: consent recorded with its time and the version of the text shown; disclosure must be written. */
export function recordConsent(
  desk: Desk,
  a: { caseId: number; kind: ConsentKind; granted: boolean; method: ConsentMethod; note?: string; textVersion?: string }
): CaseRecord {
  if (a.kind === 'disclosure' && a.granted && a.method !== 'written') {
    fail('BAD_ARGS', 'cases:errors.disclosureWritten', undefined, 'method')
  }
  if (a.kind === 'disclosure' && !(a.note ?? '').trim()) fail('BAD_ARGS', 'cases:errors.disclosureRecipient', undefined, 'note')
  tx(desk, (db) => {
    requireCase(db, a.caseId)
    db.insert(caseConsents)
      .values({
        caseId: a.caseId,
        kind: a.kind,
        granted: a.granted,
        method: a.method,
        textVersion: a.textVersion ?? CONSENT_TEXT_VERSION,
        note: a.note ?? '',
        at: nowIso(desk),
        by: actor(desk)
      })
      .run()
    touch(db, desk, a.caseId)
    desk.audit({ action: 'cases.consent', subjectType: 'case', subjectId: a.caseId, details: { kind: a.kind, granted: a.granted, method: a.method } })
  })
  return getCase(desk, a.caseId)
}
