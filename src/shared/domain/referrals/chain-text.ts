import type { Referral } from './types'
import type { KeyIn } from '../../i18n/keys'

type T = (key: KeyIn<'referrals'>, params?: Record<string, string | number>) => string

/**
 * One line per referral for Form C's 联系部门 (and anywhere the chain is printed): to whom, how and
 * when it was sent, the reply (or that none came by the date due), and when and how the petitioner
 * was told. Planned (never sent) and withdrawn referrals are not printed. `t` is the referrals
 * namespace in the form's language; `name` resolves a shipped directory row's name.
 */
export function referralChainLines(referrals: Referral[], t: T, name: (r: Referral) => string): string[] {
  const out: string[] = []
  for (const r of referrals) {
    if (r.withdrawnAt || !r.sentDate || !r.method) continue
    const parts = [t('formC.sent', { method: t(`methods.${r.method}`), date: r.sentDate })]
    parts.push(r.replyDate ? t('formC.reply', { date: r.replyDate }) : t('formC.noReply', { date: r.replyDue }))
    if (r.relayedDate && r.relayedHow) parts.push(t('formC.relayed', { how: t(`relayHow.${r.relayedHow}`), date: r.relayedDate }))
    out.push(t('formC.line', { dest: name(r) || t('panel.notChosen'), chain: parts.join(t('formC.separator')) }))
  }
  return out
}
