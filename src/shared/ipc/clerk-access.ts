import type { Method } from './contract'

/**
 * What a records clerk (档案管理) may call besides the archive's own 'records' calls: find a case,
 * open it and its forms, print them, and look after their own session. Nothing here changes a record.
 * The router refuses every other call for a clerk in the main process (FORBIDDEN, audited), so a call
 * added to the contract later is refused to clerks until someone adds it here on purpose.
 */
export const CLERK_CALLS: ReadonlySet<Method> = new Set<Method>([
  // their own session
  'session.lock',
  'session.logout',
  'session.activity',
  'session.setLocale',
  'session.changePassphrase',
  'settings.get',
  // find a case and open it (opening is audited as cases.view)
  'cases.search',
  'cases.list',
  'cases.get',
  'cases.workers',
  // open, check and print its forms (printing is audited)
  'interview.list',
  'signoff.get',
  'forms.check',
  'forms.output',
  'forms.blank'
])
